import type { GraphStore } from '../../graph/GraphStore.js';
import type { EntityRecord, RelationType } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';

/** The region and every entity LOCATED_IN it (and, when asked, organizations PART_OF them), directly or further down. */
export async function regionSubtree(store: GraphStore, regionId: string, maxNodes = 5000, withOrganizations = false): Promise<Map<string, EntityRecord>> {
  const found = new Map<string, EntityRecord>();
  const root = await store.getEntity(regionId);
  if (!root) return found;
  found.set(root.id, root);
  let frontier = [root.id];
  while (frontier.length && found.size < maxNodes) {
    const next: string[] = [];
    const types: RelationType[] = withOrganizations ? ['LOCATED_IN', 'PART_OF'] : ['LOCATED_IN'];
    const inside = (await store.relationsOfMany(frontier, { types, direction: 'in', withEvidence: false })).filter((rel) => !found.has(rel.from));
    for (const { entity: child } of await relationEnds(store, inside, (r) => r.from)) {
      if (found.has(child.id)) continue;
      found.set(child.id, child);
      next.push(child.id);
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
