import type { GraphStore } from './GraphStore.js';
import type { EntityRecord, RelationRecord } from './model.js';

/** Each relation with the entity at the chosen end, fetched in one batch (order kept, dangling ends dropped). */
export async function relationEnds<R extends RelationRecord>(
  store: GraphStore,
  relations: R[],
  end: (relation: R) => string,
): Promise<{ relation: R; entity: EntityRecord }[]> {
  if (relations.length === 0) return [];
  const entities = new Map((await store.getEntities([...new Set(relations.map(end))])).map((e) => [e.id, e]));
  return relations.flatMap((relation) => {
    const entity = entities.get(end(relation));
    return entity ? [{ relation, entity }] : [];
  });
}
