import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionMode } from 'neo4j-driver';
import type {
  DeleteOutcome, DocumentMention, DocumentSummary, EntityQuery, GraphStore, Neighbourhood, Reach, ReachQuery, RelationQuery, RelationView, StoreStats, UpsertOptions, UpsertOutcome,
} from '../GraphStore.js';
import type {
  ArticleRecord, DocumentGraph, DocumentRecord, EntityRecord, Evidence, EvidenceWithText, PassageRecord, RelationRecord,
} from '../model.js';
import { expandNeighbourhood } from '../neighbourhood.js';
import { withRelations } from '../withRelations.js';
import { openDriver, toStoreError, type Neo4jOptions, type Neo4jSettings } from './connection.js';
import { allTokensQuery, one, rows, type Runner } from './cypher.js';
import { toArticle, toDocument, toEntity, toEvidence, toPassage, toRelation, type Props } from './mappers.js';
import * as q from './readQueries.js';
import { EVIDENCE_OF_MANY, PASSAGES_MENTIONING, reachQuery } from './batchReads.js';
import { runOnce, type LeaseOptions, type RunOnceOutcome } from './lease.js';
import { findDocumentId, removeDocument } from './removeDocument.js';
import { Neo4jJobNodes } from './jobNodes.js';
import { ensurePassageStats, passageStatsMatch } from './keywordStats.js';
import { Neo4jPassageIndex } from './passageIndex.js';
import { ensureSchema, runSchemaStatement } from './schema.js';
import { insertDocumentGraph, validateDocumentGraph } from './writeDocument.js';

interface RelationRow { r: Props; type: string; from: string; to: string }

/**
 * Serializes writers like SQLite's BEGIN IMMEDIATE: every write transaction first takes the write
 * lock of one :AtlasLock node, so read-merge-write of shared entities never loses an update.
 */
const TAKE_WRITE_LOCK = "MERGE (l:AtlasLock {id: 'writes'}) SET l.held = true REMOVE l.held";

/** The change counter lives on the lock node every writer already takes. */
const BUMP_CHANGE_COUNTER = "MATCH (l:AtlasLock {id: 'writes'}) SET l.changes = coalesce(l.changes, 0) + 1";
const READ_CHANGE_COUNTER = "MATCH (l:AtlasLock {id: 'writes'}) RETURN coalesce(l.changes, 0) AS n";

/** Documents whose text is kept for citing: about 10 MB of text at the synthetic 100× corpus (500 documents). */
const TEXT_CACHE_SIZE = 1024;

/** Neo4j backend: same semantics, orderings and counts as the SQLite store (see README.md here). */
export class Neo4jGraphStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private readonly textCache = new Map<string, string>();

  private constructor(private readonly driver: Driver, private readonly settings: Neo4jSettings) {}

  /** Connects, proves reachability, credentials and database up front, and creates the schema. */
  static async connect(settings: Neo4jSettings, options: Neo4jOptions = {}): Promise<Neo4jGraphStore> {
    const driver = await openDriver(settings, options);
    const store = new Neo4jGraphStore(driver, settings);
    try {
      await ensureSchema(driver, settings.database);
      // A database from before the keyword statistics gets them now, once, under the write lock.
      if (!(await store.read(passageStatsMatch))) await store.write(ensurePassageStats);
    } catch (cause) {
      await driver.close().catch(() => undefined);
      throw toStoreError(cause, settings);
    }
    return store;
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, (session) => session.executeRead(work));
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) =>
      session.executeWrite(async (tx) => {
        await tx.run(TAKE_WRITE_LOCK);
        return work(tx);
      }),
    );
  }

  /** Writes that touch only what they name (passage vectors): no store-wide write lock, still retried. */
  private writeUnlocked<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) => session.executeWrite(work));
  }

  /** One session for one managed transaction; driver errors become store errors naming the database. */
  private async inSession<T>(mode: SessionMode, run: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: mode });
    try {
      return await run(session);
    } catch (error) {
      throw toStoreError(error, this.settings);
    } finally {
      await session.close();
    }
  }


  /** Keyword and vector search over the passages in this database (search/neo4j builds on it). */
  passageIndex(): Neo4jPassageIndex {
    return new Neo4jPassageIndex(
      (work) => this.read(work),
      (work) => this.writeUnlocked(work),
      async (statement) => {
        try {
          await runSchemaStatement(this.driver, this.settings.database, statement);
        } catch (error) {
          throw toStoreError(error, this.settings);
        }
      },
    );
  }

  /** Upload jobs kept in the database (web/server/uploads/JobStore.ts builds on it). */
  jobNodes(): Neo4jJobNodes {
    return new Neo4jJobNodes((work) => this.read(work), (work) => this.writeUnlocked(work));
  }

  async upsertDocument(graph: DocumentGraph, options: UpsertOptions = {}): Promise<UpsertOutcome> {
    const docId = graph.document.id;
    const outcome = await this.write(async (tx): Promise<UpsertOutcome> => {
      if ((await rows(tx, q.DOCUMENT_EXISTS, { id: docId })).length > 0) return { status: 'unchanged', docId };
      validateDocumentGraph(graph);
      const [previous] = await rows<{ id: string }>(tx, q.DOCUMENT_BY_PATH, { path: graph.document.path });
      if (previous) await removeDocument(tx, previous.id);
      // Read under the write lock: a concurrent ingest's entities are committed or not yet started.
      const links = options.links;
      await insertDocumentGraph(tx, links ? withRelations(graph, links.link(graph, await this.findEntitiesIn(tx, links.query))) : graph);
      await tx.run(BUMP_CHANGE_COUNTER);
      return previous ? { status: 'replaced', docId, replacedDocId: previous.id } : { status: 'inserted', docId };
    });
    if (outcome.status === 'replaced') this.textCache.delete(outcome.replacedDocId);
    return outcome;
  }

  async deleteDocument(idOrPath: string): Promise<DeleteOutcome | null> {
    const outcome = await this.write(async (tx) => {
      const docId = await findDocumentId(tx, idOrPath);
      if (docId === null) return null;
      const removed = await removeDocument(tx, docId);
      await tx.run(BUMP_CHANGE_COUNTER);
      return removed;
    });
    if (outcome) this.textCache.delete(outcome.docId);
    return outcome;
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.read(async (tx) => (await rows(tx, q.DOCUMENT_EXISTS, { id })).length > 0);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const [row] = await this.read((tx) => rows<{ d: Props }>(tx, q.GET_DOCUMENT, { id }));
    return row ? toDocument(row.d) : null;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const list = await this.read((tx) => rows<Props>(tx, q.LIST_DOCUMENTS));
    return list.map((r) => {
      const { text: _text, ...summary } = toDocument({ ...r, text: '' });
      return { ...summary, articles: Number(r.articles), passages: Number(r.passages) };
    });
  }

  async getArticles(docId: string): Promise<ArticleRecord[]> {
    return (await this.read((tx) => rows<{ a: Props }>(tx, q.GET_ARTICLES, { docId }))).map((r) => toArticle(r.a));
  }

  async getPassages(ids: string[]): Promise<PassageRecord[]> {
    if (ids.length === 0) return [];
    const found = await this.read((tx) => rows<{ p: Props }>(tx, q.GET_PASSAGES, { ids: [...new Set(ids)] }));
    const byId = new Map(found.map((r) => [String(r.p.id), toPassage(r.p)]));
    return ids.map((id) => byId.get(id)).filter((p): p is PassageRecord => !!p);
  }

  async passagesOf(docId: string): Promise<PassageRecord[]> {
    return (await this.read((tx) => rows<{ p: Props }>(tx, q.PASSAGES_OF, { docId }))).map((r) => toPassage(r.p));
  }

  async allPassages(): Promise<PassageRecord[]> {
    return (await this.read((tx) => rows<{ p: Props }>(tx, q.ALL_PASSAGES))).map((r) => toPassage(r.p));
  }

  private async entityIn(tx: Runner, id: string): Promise<EntityRecord | null> {
    const [row] = await rows<{ e: Props }>(tx, q.GET_ENTITY, { id });
    return row ? toEntity(row.e) : null;
  }

  async getEntity(id: string): Promise<EntityRecord | null> {
    return this.read((tx) => this.entityIn(tx, id));
  }

  async getEntities(ids: string[]): Promise<EntityRecord[]> {
    if (ids.length === 0) return [];
    const found = await this.read((tx) => rows<{ e: Props }>(tx, q.GET_ENTITIES, { ids }));
    const byId = new Map(found.map((r) => toEntity(r.e)).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id)).filter((e): e is EntityRecord => e !== undefined);
  }

  async findEntities(query: EntityQuery): Promise<EntityRecord[]> {
    return this.read((tx) => this.findEntitiesIn(tx, query));
  }

  private async findEntitiesIn(tx: Runner, query: EntityQuery): Promise<EntityRecord[]> {
    const { where, params } = q.entityFilter(query);
    const limit = query.limit ?? 1000;
    const paging = {
      offset: neo4j.int(Math.max(0, Math.trunc(query.offset ?? 0))),
      // SQLite reads a negative LIMIT as "no limit".
      limit: neo4j.int(limit < 0 ? Number.MAX_SAFE_INTEGER : Math.trunc(limit)),
    };
    const found = await rows<{ e: Props }>(tx, q.findEntitiesQuery(where), { ...params, ...paging });
    return found.map((r) => toEntity(r.e));
  }

  /** Work done once per database (the first-run ingest), under a lease held in Neo4j: see lease.ts. */
  async runOnce(name: string, work: (ctx: { resumed: boolean }) => Promise<void>, options: LeaseOptions = {}): Promise<RunOnceOutcome> {
    try {
      return await runOnce(this.driver, this.settings.database, name, work, options);
    } catch (error) {
      throw toStoreError(error, this.settings);
    }
  }

  async changeCounter(): Promise<number> {
    const [row] = await this.read((tx) => rows<{ n: unknown }>(tx, READ_CHANGE_COUNTER));
    return row ? Number(row.n) : 0;
  }

  async countEntities(query: EntityQuery): Promise<number> {
    const { where, params } = q.entityFilter(query);
    return (await this.read((tx) => one<{ n: number }>(tx, q.countEntitiesQuery(where), params))).n;
  }

  /** Cites evidence: slices the document text in JavaScript, so offsets stay UTF-16 code units. */
  private async withText(evidence: Evidence[]): Promise<EvidenceWithText[]> {
    const missing = [...new Set(evidence.map((e) => e.docId))].filter((id) => !this.textCache.has(id));
    if (missing.length > 0) {
      const texts = await this.read((tx) => rows<{ id: string; text: string }>(tx, q.DOCUMENT_TEXTS, { ids: missing }));
      for (const { id, text } of texts) this.rememberText(id, text);
    }
    return evidence.map((ev) => ({ ...ev, text: (this.textCache.get(ev.docId) ?? '').slice(ev.start, ev.end) }));
  }

  private rememberText(id: string, text: string): void {
    if (this.textCache.size >= TEXT_CACHE_SIZE) this.textCache.delete(this.textCache.keys().next().value as string);
    this.textCache.set(id, text);
  }

  async relationsOf(entityId: string, opts: RelationQuery = {}): Promise<RelationView[]> {
    return this.relationsOfMany([entityId], opts);
  }

  async relationsOfMany(entityIds: string[], opts: RelationQuery = {}): Promise<RelationView[]> {
    if (entityIds.length === 0) return [];
    const withEvidence = opts.withEvidence !== false;
    const found = await this.read((tx) =>
      rows<RelationRow & { evidence: Props[] }>(tx, q.relationsOfManyQuery(opts.direction ?? 'both', withEvidence, opts.types), {
        ids: [...new Set(entityIds)],
        types: opts.types ?? [],
      }));
    const kept = found
      .map((row) => ({ relation: toRelation(row.r, row.type, row.from, row.to), evidence: row.evidence.map(toEvidence) }))
      .filter(({ relation }) => !opts.types || opts.types.includes(relation.type));
    const cited = await this.withText(kept.flatMap((k) => k.evidence));
    let next = 0;
    return kept.map(({ relation, evidence }) => ({ ...relation, evidence: cited.slice(next, (next += evidence.length)) }));
  }

  async documentMentions(docId: string): Promise<DocumentMention[]> {
    return this.read((tx) => rows<DocumentMention>(tx, q.DOCUMENT_MENTIONS, { docId }));
  }

  async evidenceOf(entityId: string, limit = 20): Promise<EvidenceWithText[]> {
    const bounded = neo4j.int(limit < 0 ? Number.MAX_SAFE_INTEGER : Math.trunc(limit));
    const found = await this.read((tx) => rows<Props>(tx, q.EVIDENCE_OF, { id: entityId, limit: bounded }));
    return this.withText(found.map(toEvidence));
  }

  async evidenceOfMany(ownerIds: string[], limit = 20): Promise<Map<string, EvidenceWithText[]>> {
    const unique = [...new Set(ownerIds)];
    const found = new Map<string, Evidence[]>(unique.map((id) => [id, []]));
    if (unique.length === 0) return new Map();
    const bounded = neo4j.int(limit < 0 ? Number.MAX_SAFE_INTEGER : Math.trunc(limit));
    for (const row of await this.read((tx) => rows<{ id: string; evidence: Props[] }>(tx, EVIDENCE_OF_MANY, { ids: unique, limit: bounded }))) {
      found.set(row.id, row.evidence.map(toEvidence));
    }
    const all = [...found.values()].flat();
    const cited = await this.withText(all);
    let next = 0;
    return new Map([...found].map(([id, evidence]) => [id, cited.slice(next, (next += evidence.length))]));
  }

  async passagesMentioning(entityIds: string[]): Promise<string[]> {
    if (entityIds.length === 0) return [];
    const found = await this.read((tx) => rows<{ id: string }>(tx, PASSAGES_MENTIONING, { ids: [...new Set(entityIds)] }));
    return found.map((r) => r.id).sort();
  }

  async reachable(startIds: string[], query: ReachQuery): Promise<Reach> {
    if (startIds.length === 0) return { entities: [], relations: [] };
    const unlimited = (n: number | undefined) => neo4j.int(n === undefined ? Number.MAX_SAFE_INTEGER : Math.max(0, Math.trunc(n)));
    const [row] = await this.read((tx) => rows<{ entities: Props[]; relations: (RelationRow & { evidence: Props[] })[] }>(tx, reachQuery(query), {
      ids: [...new Set(startIds)], maxNodes: unlimited(query.maxNodes), maxDepth: unlimited(query.maxDepth),
    }));
    const entities = row.entities.map(toEntity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const kept = row.relations
      .map((r) => ({ relation: toRelation(r.r, r.type, r.from, r.to), evidence: r.evidence.map(toEvidence) }))
      .sort((a, b) => (a.relation.type < b.relation.type ? -1 : a.relation.type > b.relation.type ? 1 : a.relation.id < b.relation.id ? -1 : a.relation.id > b.relation.id ? 1 : 0));
    const cited = await this.withText(kept.flatMap((k) => k.evidence));
    let next = 0;
    return { entities, relations: kept.map(({ relation, evidence }) => ({ ...relation, evidence: cited.slice(next, (next += evidence.length)) })) };
  }

  async neighbourhood(entityId: string, opts: { depth: 1 | 2; limit: number }): Promise<Neighbourhood> {
    // One read transaction: the whole expansion sees one consistent graph.
    return this.read((tx) =>
      expandNeighbourhood(entityId, opts, {
        entity: (id) => this.entityIn(tx, id),
        edges: async (id): Promise<RelationRecord[]> =>
          (await rows<RelationRow>(tx, q.EDGES_OF, { id })).map((r) => toRelation(r.r, r.type, r.from, r.to)),
      }));
  }

  async searchPassages(tokens: string[], limit: number): Promise<{ passageId: string; score: number }[]> {
    const terms = tokens.map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0 || limit === 0) return [];
    const params = { query: allTokensQuery(terms), limit: neo4j.int(limit < 0 ? Number.MAX_SAFE_INTEGER : Math.trunc(limit)) };
    return this.read((tx) => rows<{ passageId: string; score: number }>(tx, q.SEARCH_PASSAGES, params));
  }

  async stats(): Promise<StoreStats> {
    return this.read(async (tx) => {
      const nodes = await one<{ documents: number; articles: number; passages: number }>(tx, q.STATS_NODES);
      const grouped = async (query: string) =>
        Object.fromEntries((await rows<{ k: string; n: number }>(tx, query)).filter((r) => r.n > 0).map((r) => [r.k, r.n]));
      const relations: Record<string, number> = await grouped(q.STATS_RELATIONS);
      relations.MENTIONS = (await one<{ n: number }>(tx, q.STATS_MENTIONS)).n;
      // Structural PART_OF (passage → article → document) plus entity PART_OF (a bureau of a district).
      relations.PART_OF = (relations.PART_OF ?? 0) + nodes.passages + nodes.articles;
      return { ...nodes, entities: await grouped(q.STATS_ENTITIES), relations };
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
