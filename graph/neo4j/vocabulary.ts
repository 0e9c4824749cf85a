import { RELATION_TYPES, type EntityType, type RelationType } from '../model.js';

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

/**
 * Domain relations, stored as real relationship types between :Entity nodes. The extractor also
 * emits PART_OF between entities (an organization part of a region or organization): that shares
 * its name with the structural PART_OF of articles and passages, so every domain query anchors both
 * ends on :Entity (domain relationships are exactly those starting at an :Entity).
 */
export const DOMAIN_RELATION_TYPES: readonly RelationType[] = RELATION_TYPES;

export function isDomainRelationType(type: string): type is RelationType {
  return (DOMAIN_RELATION_TYPES as readonly string[]).includes(type);
}

export function isEntityType(type: string): type is EntityType {
  return Object.prototype.hasOwnProperty.call(ENTITY_LABELS, type);
}

/** Prefix of the flattened copies of `props` (the JSON string stays the source of truth). */
export const PROP_PREFIX = 'prop_';

export const FULLTEXT_PASSAGES = 'passage_tokens';
export const FULLTEXT_PASSAGE_TEXT = 'passage_text';
export const FULLTEXT_ENTITIES = 'entity_names';
export const VECTOR_PASSAGES = 'passage_vectors';
