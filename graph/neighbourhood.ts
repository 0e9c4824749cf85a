import type { Neighbourhood } from './GraphStore.js';
import type { EntityRecord, RelationRecord } from './model.js';

export interface NeighbourSource {
  entity(id: string): Promise<EntityRecord | null>;
  edges(id: string): Promise<RelationRecord[]>;
}

/** Breadth-first expansion shared by both backends, so both cap and order results the same way. */
export async function expandNeighbourhood(
  rootId: string,
  opts: { depth: 1 | 2; limit: number },
  source: NeighbourSource,
): Promise<Neighbourhood> {
  const root = await source.entity(rootId);
  if (!root) return { nodes: [], edges: [], truncated: false };
  const nodes = new Map<string, EntityRecord>([[root.id, root]]);
  const edges = new Map<string, RelationRecord>();
  let frontier = [root.id];
  let truncated = false;
  for (let level = 0; level < opts.depth && !truncated; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of await source.edges(id)) {
        const other = edge.from === id ? edge.to : edge.from;
        if (!nodes.has(other)) {
          if (nodes.size >= opts.limit) { truncated = true; continue; }
          const entity = await source.entity(other);
          if (!entity) continue;
          nodes.set(other, entity);
          next.push(other);
        }
        edges.set(edge.id, edge);
      }
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
