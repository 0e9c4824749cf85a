/**
 * The graph's data model, shared by every stage. Offsets are JavaScript string
 * indices (UTF-16 code units) into a document's original decoded text, half-open [start, end).
 */

export const ENTITY_TYPES = ['region', 'organization', 'mechanism', 'metric', 'person'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ADMIN_LEVELS = ['province', 'prefecture', 'county', 'township', 'community', 'grid'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export const RELATION_TYPES = ['LOCATED_IN', 'ADOPTS', 'SIMILAR_TO', 'HAS_METRIC', 'LEADS', 'MENTIONS', 'PART_OF', 'HAS_PART'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Span {
  start: number;
  end: number;
}

/** Where a fact was read: a passage and a character span of the original document text. */
export interface Evidence extends Span {
  docId: string;
  passageId: string;
}

export interface EvidenceWithText extends Evidence {
  text: string;
}

export interface DocumentRecord {
  id: string;
  /** Source path as given to ingest (relative to the working directory when possible). */
  path: string;
  title: string;
  format: 'txt' | 'md' | 'docx' | 'pdf' | 'html';
  encoding: string;
  /** The original decoded text: every offset in the graph points into this string. */
  text: string;
  ingestedAt: string;
}

export interface ArticleRecord extends Span {
  id: string;
  docId: string;
  index: number;
  title: string;
  byline?: string;
}

export interface PassageRecord extends Span {
  id: string;
  docId: string;
  articleId: string;
  index: number;
  /** Cleaned text (noise removed, hard line breaks joined): what is indexed and embedded. */
  text: string;
  /** document title › article title › section */
  breadcrumb: string[];
  /** Space-joined jieba tokens of `text`, for the keyword index. */
  tokens: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  /** Normalized key the id is derived from; aliases normalize to the same key. */
  key: string;
  level?: AdminLevel;
  /** Organization kind (party_committee, company, university, social, government, ...). */
  kind?: string;
  aliases: string[];
  /** Set for anonymised entities (xx 街道): they are scoped to one document and never merged. */
  scopeDocId?: string;
  /** Type-specific attributes: metric value/unit/indicator/period, mechanism definition, person role. */
  props: Record<string, string | number | boolean | null>;
}

export interface RelationRecord {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, string | number | boolean | null>;
}

/** One extracted entity with the evidence of this document. */
export interface EntityWithEvidence extends EntityRecord {
  evidence: Evidence[];
}

export interface RelationWithEvidence extends RelationRecord {
  evidence: Evidence[];
}

/** Everything one document contributes to the graph: written in one transaction. */
export interface DocumentGraph {
  document: DocumentRecord;
  articles: ArticleRecord[];
  passages: PassageRecord[];
  entities: EntityWithEvidence[];
  relations: RelationWithEvidence[];
}
