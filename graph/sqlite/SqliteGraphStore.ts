import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import type {
  DeleteOutcome, DocumentMention, DocumentSummary, RelationQuery, EntityQuery, GraphStore, Neighbourhood, Reach, ReachQuery, RelationView, StoreStats, UpsertOptions, UpsertOutcome,
} from '../GraphStore.js';
import type {
  ArticleRecord, DocumentGraph, DocumentRecord, EntityRecord, Evidence, EvidenceWithText, PassageRecord, RelationType,
} from '../model.js';
import { expandNeighbourhood } from '../neighbourhood.js';
import { withRelations } from '../withRelations.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { insertDocumentGraph, removeDocument } from './writeDocument.js';
import {
  toArticle, toEntity, toPassage, toRelation, type ArticleRow, type EntityRow, type PassageRow, type RelationRow,
} from './rows.js';

interface EvidenceRow { owner_id: string; doc_id: string; passage_id: string; start: number; end: number }
interface DocumentRow { id: string; path: string; title: string; format: string; encoding: string; text: string; ingested_at: string }

function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id, path: row.path, title: row.title, format: row.format as DocumentRecord['format'],
    encoding: row.encoding, text: row.text, ingestedAt: row.ingested_at,
  };
}

/** The embedded default store: one SQLite file in the data directory, WAL mode, one transaction per document. */
export class SqliteGraphStore implements GraphStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly textCache = new Map<string, string>();
  private changeStatement: Database.Statement | undefined;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA_SQL);
    } catch (cause) {
      throw new AppError('STORE_UNAVAILABLE', `Cannot open the graph store at ${file}: ${(cause as Error).message}`, { file }, { cause });
    }
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    if (!version) this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
    else if (Number(version.value) !== SCHEMA_VERSION) {
      throw new AppError('STORE_UNAVAILABLE', `${file}: schema version ${version.value}, expected ${SCHEMA_VERSION}; delete the data directory and ingest again`, { file });
    }
  }

  async upsertDocument(graph: DocumentGraph, options: UpsertOptions = {}): Promise<UpsertOutcome> {
    // BEGIN IMMEDIATE takes the write lock first, so the reads below see every committed writer.
    const run = this.db.transaction((): UpsertOutcome => {
      const docId = graph.document.id;
      if (this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(docId)) return { status: 'unchanged', docId };
      const previous = this.db.prepare('SELECT id FROM documents WHERE path = ?').get(graph.document.path) as { id: string } | undefined;
      if (previous) removeDocument(this.db, previous.id);
      const links = options.links;
      insertDocumentGraph(this.db, links ? withRelations(graph, links.link(graph, this.findEntityRows(links.query))) : graph);
      this.bumpChangeCounter();
      return previous ? { status: 'replaced', docId, replacedDocId: previous.id } : { status: 'inserted', docId };
    });
    const outcome = run.immediate();
    if (outcome.status === 'replaced') this.textCache.delete(outcome.replacedDocId);
    return outcome;
  }

  async deleteDocument(idOrPath: string): Promise<DeleteOutcome | null> {
    const outcome = this.db.transaction((): DeleteOutcome | null => {
      const row = this.db.prepare('SELECT id FROM documents WHERE id = ? OR path = ?').get(idOrPath, idOrPath) as { id: string } | undefined;
      if (!row) return null;
      const removed = removeDocument(this.db, row.id);
      this.bumpChangeCounter();
      return removed;
    }).immediate();
    if (outcome) this.textCache.delete(outcome.docId);
    return outcome;
  }

  private bumpChangeCounter(): void {
    this.db.prepare(
      "INSERT INTO meta (key, value) VALUES ('changes', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
    ).run();
  }

  async changeCounter(): Promise<number> {
    this.changeStatement ??= this.db.prepare("SELECT value FROM meta WHERE key = 'changes'");
    const row = this.changeStatement.get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  async hasDocument(id: string): Promise<boolean> {
    return Boolean(this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id));
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = this.db.prepare(
      `SELECT d.id, d.path, d.title, d.format, d.encoding, d.ingested_at,
         (SELECT COUNT(*) FROM articles a WHERE a.doc_id = d.id) AS articles,
         (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS passages
       FROM documents d ORDER BY d.path`,
    ).all() as (Omit<DocumentRow, 'text'> & { articles: number; passages: number })[];
    return rows.map((r) => ({
      id: r.id, path: r.path, title: r.title, format: r.format as DocumentRecord['format'], encoding: r.encoding,
      ingestedAt: r.ingested_at, articles: r.articles, passages: r.passages,
    }));
  }

  async getArticles(docId: string): Promise<ArticleRecord[]> {
    return (this.db.prepare('SELECT * FROM articles WHERE doc_id = ? ORDER BY idx').all(docId) as ArticleRow[]).map(toArticle);
  }

  async getPassages(ids: string[]): Promise<PassageRecord[]> {
    if (ids.length === 0) return [];
    const stmt = this.db.prepare('SELECT * FROM passages WHERE id = ?');
    return ids.map((id) => stmt.get(id) as PassageRow | undefined).filter((r): r is PassageRow => !!r).map(toPassage);
  }

  async passagesOf(docId: string): Promise<PassageRecord[]> {
    return (this.db.prepare('SELECT * FROM passages WHERE doc_id = ? ORDER BY idx').all(docId) as PassageRow[]).map(toPassage);
  }

  async allPassages(): Promise<PassageRecord[]> {
    return (this.db.prepare('SELECT * FROM passages ORDER BY doc_id, idx').all() as PassageRow[]).map(toPassage);
  }

  async getEntity(id: string): Promise<EntityRecord | null> {
    const row = this.db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return row ? toEntity(row) : null;
  }

  async getEntities(ids: string[]): Promise<EntityRecord[]> {
    const byId = new Map<string, EntityRecord>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT * FROM entities WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as EntityRow[];
      for (const row of rows) byId.set(row.id, toEntity(row));
    }
    return ids.map((id) => byId.get(id)).filter((e): e is EntityRecord => e !== undefined);
  }

  private entityWhere(query: EntityQuery): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.type) { clauses.push('e.type = ?'); params.push(query.type); }
    if (query.level) { clauses.push('e.level = ?'); params.push(query.level); }
    if (query.name !== undefined) {
      clauses.push('e.id IN (SELECT entity_id FROM entity_names WHERE name = ?)');
      params.push(query.name);
    }
    if (query.nameContains !== undefined) {
      clauses.push("e.id IN (SELECT entity_id FROM entity_names WHERE instr(name, ?) > 0)");
      params.push(query.nameContains);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  async findEntities(query: EntityQuery): Promise<EntityRecord[]> {
    return this.findEntityRows(query);
  }

  private findEntityRows(query: EntityQuery): EntityRecord[] {
    const { sql, params } = this.entityWhere(query);
    const rows = this.db.prepare(
      `SELECT e.* FROM entities e ${sql} ORDER BY e.type, e.name, e.id LIMIT ? OFFSET ?`,
    ).all(...params, query.limit ?? 1000, query.offset ?? 0) as EntityRow[];
    return rows.map(toEntity);
  }

  async countEntities(query: EntityQuery): Promise<number> {
    const { sql, params } = this.entityWhere(query);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM entities e ${sql}`).get(...params) as { n: number }).n;
  }

  private withText(rows: EvidenceRow[]): EvidenceWithText[] {
    return rows.map((r) => {
      const ev: Evidence = { docId: r.doc_id, passageId: r.passage_id, start: r.start, end: r.end };
      return { ...ev, text: this.documentText(r.doc_id).slice(r.start, r.end) };
    });
  }

  private documentText(docId: string): string {
    let text = this.textCache.get(docId);
    if (text === undefined) {
      text = (this.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string } | undefined)?.text ?? '';
      this.textCache.set(docId, text);
    }
    return text;
  }

  async relationsOf(entityId: string, opts: RelationQuery = {}): Promise<RelationView[]> {
    return this.relationsOfMany([entityId], opts);
  }

  async relationsOfMany(entityIds: string[], opts: RelationQuery = {}): Promise<RelationView[]> {
    const direction = opts.direction ?? 'both';
    const found = new Map<string, RelationRow>();
    const evidence = new Map<string, EvidenceRow[]>();
    for (let i = 0; i < entityIds.length; i += 400) {
      const chunk = entityIds.slice(i, i + 400);
      const list = chunk.map(() => '?').join(',');
      const where = direction === 'out' ? `src IN (${list})` : direction === 'in' ? `dst IN (${list})` : `(src IN (${list}) OR dst IN (${list}))`;
      const params = direction === 'both' ? [...chunk, ...chunk] : chunk;
      for (const row of this.db.prepare(`SELECT * FROM relations WHERE ${where}`).all(...params) as RelationRow[]) {
        if (!opts.types || opts.types.includes(row.type as RelationType)) found.set(row.id, row);
      }
      if (opts.withEvidence === false) continue;
      // All their evidence in one query rather than one per relation.
      const rows = this.db.prepare(
        `SELECT v.* FROM evidence v JOIN relations r ON r.id = v.owner_id WHERE ${where.replace(/src|dst/g, (c) => `r.${c}`)}`,
      ).all(...params) as EvidenceRow[];
      for (const row of rows) {
        const list = evidence.get(row.owner_id) ?? [];
        if (!list.some((e) => e.doc_id === row.doc_id && e.start === row.start && e.end === row.end)) list.push(row);
        evidence.set(row.owner_id, list);
      }
    }
    const byEvidenceOrder = (a: EvidenceRow, b: EvidenceRow) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : a.start - b.start || a.end - b.end);
    return [...found.values()]
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => ({ ...toRelation(r), evidence: this.withText((evidence.get(r.id) ?? []).sort(byEvidenceOrder)) }));
  }

  async documentMentions(docId: string): Promise<DocumentMention[]> {
    return (this.db.prepare(
      `SELECT e.id AS entityId, e.name AS entityName, e.type AS entityType, v.passage_id AS passageId, v.start AS start, v."end" AS "end"
       FROM evidence v JOIN entities e ON e.id = v.owner_id
       WHERE v.doc_id = ? AND v.owner_kind = 'entity' ORDER BY v.start, v."end", e.id`,
    ).all(docId) as DocumentMention[]);
  }

  async evidenceOf(entityId: string, limit = 20): Promise<EvidenceWithText[]> {
    const rows = this.db.prepare(
      'SELECT * FROM evidence WHERE owner_id = ? ORDER BY doc_id, start, "end" LIMIT ?',
    ).all(entityId, limit) as EvidenceRow[];
    return this.withText(rows);
  }

  async evidenceOfMany(ownerIds: string[], limit = 20): Promise<Map<string, EvidenceWithText[]>> {
    const found = new Map<string, EvidenceWithText[]>();
    for (const id of ownerIds) if (!found.has(id)) found.set(id, await this.evidenceOf(id, limit));
    return found;
  }

  async passagesMentioning(entityIds: string[]): Promise<string[]> {
    const passages = new Set<string>();
    const unique = [...new Set(entityIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db.prepare(
        `SELECT DISTINCT passage_id AS id FROM evidence WHERE owner_kind = 'entity' AND owner_id IN (${chunk.map(() => '?').join(',')})`,
      ).all(...chunk) as { id: string }[];
      for (const row of rows) passages.add(row.id);
    }
    return [...passages].sort();
  }

  async reachable(startIds: string[], query: ReachQuery): Promise<Reach> {
    const maxDepth = query.maxDepth ?? Infinity;
    const maxNodes = query.maxNodes ?? Infinity;
    const found = new Set((await this.getEntities([...new Set(startIds)])).map((e) => e.id));
    const relations = new Map<string, RelationView>();
    let frontier = [...found];
    // In-process reads cost no round trip: the level-by-level walk that defines ReachQuery.
    for (let depth = 0; frontier.length > 0 && found.size < maxNodes && depth < maxDepth; depth++) {
      const next: string[] = [];
      for (const relation of await this.relationsOfMany(frontier, { types: query.types, direction: query.direction, withEvidence: query.withEvidence ?? false })) {
        relations.set(relation.id, relation);
        const other = query.direction === 'out' ? relation.to : relation.from;
        if (!found.has(other)) {
          found.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    const byTypeAndId = (a: RelationView, b: RelationView) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return { entities: await this.getEntities([...found].sort()), relations: [...relations.values()].sort(byTypeAndId) };
  }

  async neighbourhood(entityId: string, opts: { depth: 1 | 2; limit: number }): Promise<Neighbourhood> {
    return expandNeighbourhood(entityId, opts, {
      entity: async (id) => this.getEntity(id),
      edges: async (id) =>
        (this.db.prepare('SELECT * FROM relations WHERE src = ? OR dst = ? ORDER BY type, id').all(id, id) as RelationRow[]).map(toRelation),
    });
  }

  async searchPassages(tokens: string[], limit: number): Promise<{ passageId: string; score: number }[]> {
    const terms = tokens.map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0) return [];
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    const rows = this.db.prepare(
      `SELECT p.id AS id, bm25(passages_fts) AS score FROM passages_fts
       JOIN passages p ON p.rid = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY score LIMIT ?`,
    ).all(match, limit) as { id: string; score: number }[];
    return rows.map((r) => ({ passageId: r.id, score: -r.score }));
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const grouped = (sql: string) =>
      Object.fromEntries((this.db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const relations: Record<string, number> = grouped('SELECT type AS k, COUNT(*) AS n FROM relations GROUP BY type');
    relations.MENTIONS = count("SELECT COUNT(*) AS n FROM (SELECT DISTINCT passage_id, owner_id FROM evidence WHERE owner_kind = 'entity')");
    // Structural PART_OF (passage → article → document) plus entity PART_OF (a bureau of a district).
    relations.PART_OF = (relations.PART_OF ?? 0) + count('SELECT (SELECT COUNT(*) FROM passages) + (SELECT COUNT(*) FROM articles) AS n');
    return {
      documents: count('SELECT COUNT(*) AS n FROM documents'),
      articles: count('SELECT COUNT(*) AS n FROM articles'),
      passages: count('SELECT COUNT(*) AS n FROM passages'),
      entities: grouped('SELECT type AS k, COUNT(*) AS n FROM entities GROUP BY type'),
      relations,
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
