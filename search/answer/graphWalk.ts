import type { GraphStore } from '../../graph/GraphStore.js';
import type { EntityRecord, RelationType } from '../../graph/model.js';

/** The region and every entity LOCATED_IN it (and, when asked, organizations PART_OF them), directly or further down. */
export async function regionSubtree(store: GraphStore, regionId: string, maxNodes = 5000, withOrganizations = false): Promise<Map<string, EntityRecord>> {
  const types: RelationType[] = withOrganizations ? ['LOCATED_IN', 'PART_OF'] : ['LOCATED_IN'];
  // One read of the whole walk; the levels are replayed here so the order is the breadth-first one.
  const walk = await store.reachable([regionId], { types, direction: 'in', maxNodes });
  const entities = new Map(walk.entities.map((e) => [e.id, e]));
  const found = new Map<string, EntityRecord>();
  const root = entities.get(regionId);
  if (!root) return found;
  found.set(root.id, root);
  let frontier = new Set([root.id]);
  while (frontier.size && found.size < maxNodes) {
    const next = new Set<string>();
    for (const rel of walk.relations) {
      const child = frontier.has(rel.to) ? entities.get(rel.from) : undefined;
      if (!child || found.has(child.id)) continue;
      found.set(child.id, child);
      next.add(child.id);
    }
    frontier = next;
  }
  return found;
}

/** Passages that mention any of the entities: the basis of region and level filters. */
export async function passagesMentioning(store: GraphStore, entityIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...entityIds];
  return new Set(ids.length ? await store.passagesMentioning(ids) : []);
}
