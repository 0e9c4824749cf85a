import type { ElementDefinition } from 'cytoscape';
import type { GraphData } from '../api/types.js';
import { RELATION_LABEL } from './labels.js';

const MAX_LABEL = 10;

function shortName(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}

/** Hops from the root along edges in either direction (unreached nodes: Infinity). */
export function hopsFrom(rootId: string, data: GraphData): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const e of data.edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const hops = new Map<string, number>([[rootId, 0]]);
  let frontier = [rootId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (hops.has(other)) continue;
        hops.set(other, (hops.get(id) ?? 0) + 1);
        next.push(other);
      }
    }
    frontier = next;
  }
  return hops;
}

/**
 * Nodes and edges for cytoscape. `ring` drives a concentric layout: the root in the centre,
 * then its neighbours (places, mechanisms, people before the many metrics), then the second hop.
 */
export function graphElements(rootId: string, data: GraphData): ElementDefinition[] {
  const ids = new Set(data.nodes.map((n) => n.id));
  const hops = hopsFrom(rootId, data);
  const showEdgeLabels = data.edges.length <= 14;
  return [
    ...data.nodes.map((n) => {
      const hop = hops.get(n.id) ?? 3;
      const ring = hop === 0 ? 100 : (3 - Math.min(hop, 2)) * 20 + (n.type === 'metric' ? 0 : 10);
      return { data: { id: n.id, label: shortName(n.name), full: n.name, type: n.type, root: hop === 0 ? 1 : 0, ring } };
    }),
    ...data.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((e) => ({
        data: { id: e.id, source: e.from, target: e.to, label: showEdgeLabels ? (RELATION_LABEL[e.type] ?? e.type) : '' },
      })),
  ];
}
