import type { EntityType, RelationType } from '../model.js';

/**
 * The only labels and relationship types ever spliced into Cypher text. Everything else a query
 * touches (ids, names, text, offsets) travels as a parameter.
 */
export const ENTITY_LABELS: Readonly<Record<EntityType, string>> = Object.freeze({
  region: 'Region',
  organization: 'Organization',
  mechanism: 'Mechanism',
  metric: 'Metric',
  person: 'Person',
});

/** Domain relations stored as real relationship types between :Entity nodes. */
export const DOMAIN_RELATION_TYPES = ['LOCATED_IN', 'ADOPTS', 'SIMILAR_TO', 'HAS_METRIC', 'LEADS'] as const;
export type DomainRelationType = (typeof DOMAIN_RELATION_TYPES)[number];

export function isDomainRelationType(type: string): type is DomainRelationType {
  return (DOMAIN_RELATION_TYPES as readonly string[]).includes(type);
}

export function isEntityType(type: string): type is EntityType {
  return Object.prototype.hasOwnProperty.call(ENTITY_LABELS, type);
}

export function isRelationType(type: string): type is RelationType {
  return isDomainRelationType(type) || type === 'MENTIONS' || type === 'PART_OF';
}

/** Prefix of the flattened copies of `props` (the JSON string stays the source of truth). */
export const PROP_PREFIX = 'prop_';

export const FULLTEXT_PASSAGES = 'passage_tokens';
export const FULLTEXT_ENTITIES = 'entity_names';
