import type { ElementDefinition } from 'cytoscape';
import type { GraphData } from '../api/types.js';
import { RELATION_LABEL } from './labels.js';

const MAX_LABEL = 10;
/** Edge labels only while they can be read without crossing each other. */
const MAX_EDGE_LABELS = 14;

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

export interface GraphView {
  /** Owners whose metrics are shown one by one; every other owner's metrics are one node. */
  expanded?: ReadonlySet<string>;
  /** Entity types left out (the legend toggles them). */
  hidden?: ReadonlySet<string>;
}

/** The id of the node standing for all metrics of `owner`. */
export const metricGroupId = (owner: string) => `metrics:${owner}`;

/**
 * Nodes and edges for cytoscape. Metrics would crowd out everything else (a district has dozens),
 * so each owner's metrics become one "指标 ×N" node until expanded. `ring` drives a concentric
 * layout: the root in the centre, then its neighbours (places, mechanisms, people before metrics),
 * then the second hop.
 */
export function graphElements(rootId: string, data: GraphData, view: GraphView = {}): ElementDefinition[] {
  const hidden = view.hidden ?? new Set<string>();
  const expanded = view.expanded ?? new Set<string>();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const hops = hopsFrom(rootId, data);

  // A metric belongs to the entity whose HAS_METRIC edge points at it (the first one, if several).
  const ownerOf = new Map<string, string>();
  for (const e of data.edges) {
    if (e.type === 'HAS_METRIC' && byId.get(e.to)?.type === 'metric' && e.to !== rootId && !ownerOf.has(e.to)) ownerOf.set(e.to, e.from);
  }
  const collapsedInto = new Map<string, string>();
  const groups = new Map<string, number>();
  for (const [metric, owner] of ownerOf) {
    if (expanded.has(owner)) continue;
    collapsedInto.set(metric, metricGroupId(owner));
    groups.set(owner, (groups.get(owner) ?? 0) + 1);
  }

  const ring = (hop: number, type: string) => (hop === 0 ? 100 : (3 - Math.min(hop, 2)) * 20 + (type === 'metric' ? 0 : 10));
  const nodes: ElementDefinition[] = [];
  for (const n of data.nodes) {
    if (collapsedInto.has(n.id) || (hidden.has(n.type) && n.id !== rootId)) continue;
    const hop = hops.get(n.id) ?? 3;
    nodes.push({ data: { id: n.id, label: shortName(n.name), full: n.name, type: n.type, root: hop === 0 ? 1 : 0, ring: ring(hop, n.type) } });
  }
  if (!hidden.has('metric')) {
    for (const [owner, count] of groups) {
      if (!byId.has(owner) || (hidden.has(byId.get(owner)?.type ?? '') && owner !== rootId)) continue;
      const hop = (hops.get(owner) ?? 2) + 1;
      nodes.push({ data: { id: metricGroupId(owner), label: `指标 ×${count}`, full: `${byId.get(owner)?.name ?? ''}的 ${count} 项指标（点击展开）`, type: 'metric', group: owner, count, root: 0, ring: ring(hop, 'metric') } });
    }
  }

  const shown = new Set(nodes.map((n) => n.data.id as string));
  const seen = new Set<string>();
  const edges: ElementDefinition[] = [];
  for (const e of data.edges) {
    const source = collapsedInto.get(e.from) ?? e.from;
    const target = collapsedInto.get(e.to) ?? e.to;
    if (!shown.has(source) || !shown.has(target) || source === target) continue;
    const key = `${source}>${target}:${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ data: { id: `${e.id}@${key}`, source, target, type: e.type } });
  }
  const labelled = edges.length <= MAX_EDGE_LABELS;
  for (const edge of edges) edge.data.label = labelled ? (RELATION_LABEL[edge.data.type as string] ?? edge.data.type) : '';
  return [...nodes, ...edges];
}
