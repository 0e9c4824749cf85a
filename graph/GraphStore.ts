import type {
  ArticleRecord,
  DocumentGraph,
  DocumentRecord,
  EntityRecord,
  EntityType,
  EvidenceWithText,
  PassageRecord,
  RelationRecord,
  RelationType,
  RelationWithEvidence,
  AdminLevel,
} from './model.js';

export type UpsertOutcome =
  | { status: 'inserted'; docId: string }
  | { status: 'unchanged'; docId: string }
  | { status: 'replaced'; docId: string; replacedDocId: string };

export interface DeleteOutcome {
  docId: string;
  passages: number;
  evidence: number;
  entities: number;
  relations: number;
}

export interface EntityQuery {
  type?: EntityType;
  level?: AdminLevel;
  /** Exact match on name, key or an alias. */
  name?: string;
  /** Substring of the name. */
  nameContains?: string;
  limit?: number;
  offset?: number;
}

export interface RelationQuery {
  types?: RelationType[];
  direction?: 'out' | 'in' | 'both';
  /** Default true; false skips loading evidence when only the ends matter (fetch it later with evidenceOf). */
  withEvidence?: boolean;
}

/**
 * A breadth-first walk from start entities over relations of some types in one direction. Level d
 * holds the entities first reached in d hops (the nearest start counts); a level is expanded (its
 * relations read) while fewer than `maxNodes` entities are found and d < `maxDepth`, so the last
 * level read is always whole.
 */
export interface ReachQuery {
  types: RelationType[];
  direction: 'out' | 'in';
  /** Hops from the start entities; default unlimited. */
  maxDepth?: number;
  /** Entities found (starts included) at which expanding stops; default unlimited. */
  maxNodes?: number;
  /** Default false. */
  withEvidence?: boolean;
}

export interface Reach {
  /** Every entity found (the starts that exist included), ordered by id. */
  entities: EntityRecord[];
  /** Every relation read: those leaving (out) or reaching (in) an expanded entity, each once, ordered by type and id. */
  relations: RelationView[];
}

export interface RelationView extends RelationRecord {
  evidence: EvidenceWithText[];
}

export interface DocumentMention {
  entityId: string;
  entityName: string;
  entityType: EntityType;
  passageId: string;
  start: number;
  end: number;
}

export interface Neighbourhood {
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
}

export interface StoreStats {
  documents: number;
  articles: number;
  passages: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
}

export type DocumentSummary = Omit<DocumentRecord, 'text'> & { articles: number; passages: number };

/**
 * Relations from a new document to entities already stored (SIMILAR_TO), computed inside the write
 * transaction: two ingests running at once then see each other's entities, as sequential ones do.
 */
export interface ExistingLinks {
  /** The stored entities the links may reach. */
  query: EntityQuery;
  /** Pure: the document's graph and the matching stored entities → relations to add to it. */
  link(graph: DocumentGraph, existing: EntityRecord[]): RelationWithEvidence[];
}

export interface UpsertOptions {
  links?: ExistingLinks;
}

/**
 * The graph store both backends implement. Writes are per document and transactional;
 * reads never write. Offsets always point into the document's original text.
 */
export interface GraphStore {
  readonly backend: 'sqlite' | 'neo4j';
  /** Writes a document's whole graph in one transaction. Same id: no-op. Same path, other id: replaces. */
  upsertDocument(graph: DocumentGraph, options?: UpsertOptions): Promise<UpsertOutcome>;
  /**
   * A counter every committed change (insert, replace, delete) raises, whichever process made it:
   * one indexed read, cheap enough to check on every request.
   */
  changeCounter(): Promise<number>;
  /** Removes a document (by id or path), its passages, evidence, and entities/relations left without evidence. */
  deleteDocument(idOrPath: string): Promise<DeleteOutcome | null>;
  hasDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocuments(): Promise<DocumentSummary[]>;
  getArticles(docId: string): Promise<ArticleRecord[]>;
  getPassages(ids: string[]): Promise<PassageRecord[]>;
  /** One document's passages in order. */
  passagesOf(docId: string): Promise<PassageRecord[]>;
  /** Every passage, in document order; search builds its indexes from this. */
  allPassages(): Promise<PassageRecord[]>;
  getEntity(id: string): Promise<EntityRecord | null>;
  /** Many entities in one round trip, in the order asked; unknown ids are left out. */
  getEntities(ids: string[]): Promise<EntityRecord[]>;
  findEntities(query: EntityQuery): Promise<EntityRecord[]>;
  countEntities(query: EntityQuery): Promise<number>;
  /** Relations touching an entity, each with its evidence and cited text (none when withEvidence is false). */
  relationsOf(entityId: string, opts?: RelationQuery): Promise<RelationView[]>;
  /** Every entity mention in a document (for highlighting), in text order. */
  documentMentions(docId: string): Promise<DocumentMention[]>;
  /** Relations touching any of the entities (each once), ordered by type and id, with evidence. */
  relationsOfMany(entityIds: string[], opts?: RelationQuery): Promise<RelationView[]>;
  /** Evidence recorded for an entity (its mentions) or for a relation, by owner id. */
  evidenceOf(entityId: string, limit?: number): Promise<EvidenceWithText[]>;
  /** evidenceOf for many owners in one round trip: every id asked is a key (empty when it has none), up to `limit` each. */
  evidenceOfMany(ownerIds: string[], limit?: number): Promise<Map<string, EvidenceWithText[]>>;
  /** Ids of the passages mentioning any of the entities, each once, ordered by id. */
  passagesMentioning(entityIds: string[]): Promise<string[]>;
  /** The entities and relations of a breadth-first walk (see ReachQuery) in one round trip, for walking in memory. */
  reachable(startIds: string[], query: ReachQuery): Promise<Reach>;
  neighbourhood(entityId: string, opts: { depth: 1 | 2; limit: number }): Promise<Neighbourhood>;
  /** Passages whose jieba tokens contain all the given tokens (exact token match). */
  searchPassages(tokens: string[], limit: number): Promise<{ passageId: string; score: number }[]>;
  stats(): Promise<StoreStats>;
  /**
   * Runs `work` once for every process sharing this store, under a lease held in the database: callers
   * arriving while it runs wait, then get 'done'; a caller outliving a dead holder runs it with
   * resumed = true. Only shared (server) backends have it; the embedded store belongs to one machine.
   */
  runOnce?(name: string, work: (ctx: { resumed: boolean }) => Promise<void>, options?: { log?: (line: string) => void }): Promise<'ran' | 'done'>;
  close(): Promise<void>;
}
