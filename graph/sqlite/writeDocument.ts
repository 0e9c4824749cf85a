import type Database from 'better-sqlite3';
import type { DocumentGraph, EntityWithEvidence } from '../model.js';
import type { DeleteOutcome } from '../GraphStore.js';

type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared once per connection: preparing inside per-entity loops dominated ingest time. */
function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

function mergeAliases(existing: string[], added: string[]): string[] {
  return [...new Set([...existing, ...added])];
}

function upsertEntity(db: Db, entity: EntityWithEvidence): void {
  const row = stmt(db, 'SELECT aliases, props, level, kind FROM entities WHERE id = ?').get(entity.id) as
    | { aliases: string; props: string; level: string | null; kind: string | null }
    | undefined;
  const aliases = row ? mergeAliases(JSON.parse(row.aliases), entity.aliases) : entity.aliases;
  // Attributes seen first win: a later document cannot silently rewrite what earlier evidence established.
  const props = row ? { ...entity.props, ...JSON.parse(row.props) } : entity.props;
  stmt(db, 
    `INSERT INTO entities (id, type, name, key, level, kind, scope_doc_id, aliases, props)
     VALUES (@id, @type, @name, @key, @level, @kind, @scope, @aliases, @props)
     ON CONFLICT(id) DO UPDATE SET aliases = @aliases, props = @props,
       level = COALESCE(entities.level, @level), kind = COALESCE(entities.kind, @kind)`,
  ).run({
    id: entity.id, type: entity.type, name: entity.name, key: entity.key, level: entity.level ?? null,
    kind: entity.kind ?? null, scope: entity.scopeDocId ?? null, aliases: JSON.stringify(aliases), props: JSON.stringify(props),
  });
  const addName = stmt(db, 'INSERT OR IGNORE INTO entity_names (entity_id, name) VALUES (?, ?)');
  for (const name of new Set([entity.name, entity.key, ...aliases])) addName.run(entity.id, name);
}

/** Inserts one document's graph. The caller runs this inside a transaction. */
export function insertDocumentGraph(db: Db, graph: DocumentGraph): void {
  const { document: doc } = graph;
  stmt(db, 
    'INSERT INTO documents (id, path, title, format, encoding, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(doc.id, doc.path, doc.title, doc.format, doc.encoding, doc.text, doc.ingestedAt);
  const insertArticle = stmt(db, 'INSERT INTO articles (id, doc_id, idx, title, byline, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const a of graph.articles) insertArticle.run(a.id, a.docId, a.index, a.title, a.byline ?? null, a.start, a.end);
  const insertPassage = stmt(db, 
    `INSERT INTO passages (id, doc_id, article_id, idx, start, "end", text, breadcrumb, tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = stmt(db, 'INSERT INTO passages_fts (rowid, tokens) VALUES (?, ?)');
  for (const p of graph.passages) {
    const { lastInsertRowid } = insertPassage.run(
      p.id, p.docId, p.articleId, p.index, p.start, p.end, p.text, JSON.stringify(p.breadcrumb), p.tokens,
    );
    insertFts.run(lastInsertRowid, p.tokens);
  }
  const insertEvidence = stmt(db, 
    'INSERT OR IGNORE INTO evidence (owner_id, owner_kind, doc_id, passage_id, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const entity of graph.entities) {
    upsertEntity(db, entity);
    for (const ev of entity.evidence) insertEvidence.run(entity.id, 'entity', ev.docId, ev.passageId, ev.start, ev.end);
  }
  const insertRelation = stmt(db, 'INSERT OR IGNORE INTO relations (id, type, src, dst, props) VALUES (?, ?, ?, ?, ?)');
  for (const rel of graph.relations) {
    insertRelation.run(rel.id, rel.type, rel.from, rel.to, JSON.stringify(rel.props));
    for (const ev of rel.evidence) insertEvidence.run(rel.id, 'relation', ev.docId, ev.passageId, ev.start, ev.end);
  }
}

/**
 * Removes a document with its passages and evidence, then the relations and entities that no
 * other document's evidence supports. The caller runs this inside a transaction.
 */
export function removeDocument(db: Db, docId: string): DeleteOutcome {
  const owners = stmt(db, 'SELECT DISTINCT owner_id, owner_kind FROM evidence WHERE doc_id = ?').all(docId) as {
    owner_id: string; owner_kind: string;
  }[];
  const evidence = stmt(db, 'DELETE FROM evidence WHERE doc_id = ?').run(docId).changes;
  stmt(db, 'DELETE FROM passages_fts WHERE rowid IN (SELECT rid FROM passages WHERE doc_id = ?)').run(docId);
  const passages = stmt(db, 'DELETE FROM passages WHERE doc_id = ?').run(docId).changes;
  stmt(db, 'DELETE FROM articles WHERE doc_id = ?').run(docId);
  const stillSupported = stmt(db, 'SELECT 1 FROM evidence WHERE owner_id = ? LIMIT 1');
  let relations = 0;
  let entities = 0;
  const deleteRelation = stmt(db, 'DELETE FROM relations WHERE id = ?');
  for (const owner of owners.filter((o) => o.owner_kind === 'relation')) {
    if (!stillSupported.get(owner.owner_id)) relations += deleteRelation.run(owner.owner_id).changes;
  }
  const countTouching = stmt(db, 'SELECT COUNT(*) AS n FROM relations WHERE src = ? OR dst = ?');
  const deleteEntity = stmt(db, 'DELETE FROM entities WHERE id = ?');
  for (const owner of owners.filter((o) => o.owner_kind === 'entity')) {
    if (stillSupported.get(owner.owner_id)) continue;
    relations += (countTouching.get(owner.owner_id, owner.owner_id) as { n: number }).n;
    stmt(db, 'DELETE FROM evidence WHERE owner_id IN (SELECT id FROM relations WHERE src = ? OR dst = ?)').run(owner.owner_id, owner.owner_id);
    entities += deleteEntity.run(owner.owner_id).changes;
  }
  stmt(db, 'DELETE FROM documents WHERE id = ?').run(docId);
  return { docId, passages, evidence, entities, relations };
}
