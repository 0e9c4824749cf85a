import type { GraphStore, RelationView } from './GraphStore.js';
import type { EntityRecord, EvidenceWithText, RelationType } from './model.js';
import { relationEnds } from './relationEnds.js';

export interface LinkedEntity {
  relation: RelationType;
  direction: 'out' | 'in';
  entity: EntityRecord;
  props: RelationView['props'];
  evidence: EvidenceWithText[];
}

export interface EntityDescription {
  entity: EntityRecord;
  /** Widest first: 兰州市 › 西固区. */
  regionChain: EntityRecord[];
  links: LinkedEntity[];
  mentions: EvidenceWithText[];
}

/** Read-only view of an entity with its neighbours and the evidence for each link. */
export async function describeEntity(store: GraphStore, id: string, opts: { mentionLimit?: number } = {}): Promise<EntityDescription | null> {
  const entity = await store.getEntity(id);
  if (!entity) return null;
  const relations = await store.relationsOf(id);
  const links: LinkedEntity[] = (await relationEnds(store, relations, (r) => (r.from === id ? r.to : r.from))).map(({ relation, entity: other }) => ({
    relation: relation.type,
    direction: relation.from === id ? 'out' : 'in',
    entity: other,
    props: relation.props,
    evidence: relation.evidence,
  }));
  return { entity, regionChain: await regionChain(store, id), links, mentions: await store.evidenceOf(id, opts.mentionLimit ?? 5) };
}

/** Follows LOCATED_IN upwards (first parent at each step, cycles cut). */
export async function regionChain(store: GraphStore, id: string): Promise<EntityRecord[]> {
  const chain: EntityRecord[] = [];
  const seen = new Set([id]);
  let current = id;
  for (;;) {
    const parents = await store.relationsOf(current, { types: ['LOCATED_IN'], direction: 'out' });
    const next = parents.map((p) => p.to).find((to) => !seen.has(to));
    if (!next) break;
    const parent = await store.getEntity(next);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(next);
    current = next;
  }
  return chain;
}

/** Resolves a user-typed name: exact name or alias first, then a substring match. */
export async function resolveEntity(store: GraphStore, nameOrId: string): Promise<EntityRecord[]> {
  const byId = await store.getEntity(nameOrId);
  if (byId) return [byId];
  const exact = await store.findEntities({ name: nameOrId, limit: 20 });
  if (exact.length) return exact;
  return store.findEntities({ nameContains: nameOrId, limit: 20 });
}
