export const SCHEMA_VERSION = 1;

/**
 * Offsets are JS string indices into documents.text. passages_fts holds the space-joined jieba
 * tokens; '+' and friends are token characters so 1+3+X stays one FTS term.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, format TEXT NOT NULL,
  encoding TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, title TEXT NOT NULL, byline TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_doc ON articles(doc_id);
CREATE TABLE IF NOT EXISTS passages (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL, breadcrumb TEXT NOT NULL, tokens TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, idx);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(tokens, content='', contentless_delete=1,
  tokenize="unicode61 tokenchars '+#&._%-'");
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
  level TEXT, kind TEXT, scope_doc_id TEXT, aliases TEXT NOT NULL, props TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type, name);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE TABLE IF NOT EXISTS entity_names (entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  name TEXT NOT NULL, PRIMARY KEY (name, entity_id));
CREATE TABLE IF NOT EXISTS relations (
  id TEXT PRIMARY KEY, type TEXT NOT NULL,
  src TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  dst TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE, props TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS relations_src ON relations(src, type);
CREATE INDEX IF NOT EXISTS relations_dst ON relations(dst, type);
CREATE TABLE IF NOT EXISTS evidence (
  owner_id TEXT NOT NULL, owner_kind TEXT NOT NULL CHECK (owner_kind IN ('entity','relation')),
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, passage_id TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (owner_id, doc_id, start, "end"));
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc_id);
CREATE INDEX IF NOT EXISTS evidence_passage ON evidence(passage_id);
`;
