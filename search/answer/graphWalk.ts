import type { GraphStore } from '../../graph/GraphStore.js';
import type { EntityRecord } from '../../graph/model.js';

/** The region and every entity LOCATED_IN it, directly or further down. */
export async function regionSubtree(store: GraphStore, regionId: string, maxNodes = 5000): Promise<Map<string, EntityRecord>> {
  const found = new Map<string, EntityRecord>();
  const root = await store.getEntity(regionId);
  if (!root) return found;
  found.set(root.id, root);
  let frontier = [root.id];
  while (frontier.length && found.size < maxNodes) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const rel of await store.relationsOf(id, { types: ['LOCATED_IN'], direction: 'in' })) {
        if (found.has(rel.from)) continue;
        const child = await store.getEntity(rel.from);
        if (!child) continue;
        found.set(child.id, child);
        next.push(child.id);
      }
    }
    frontier = next;
  }
  return found;
}

/** Passages that mention any of the entities: the basis of region and level filters. */
export async function passagesMentioning(store: GraphStore, entityIds: Iterable<string>): Promise<Set<string>> {
  const passages = new Set<string>();
  for (const id of entityIds) for (const ev of await store.evidenceOf(id, 10_000)) passages.add(ev.passageId);
  return passages;
}
