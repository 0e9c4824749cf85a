import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { DOMAIN_RELATION_TYPES, FULLTEXT_ENTITIES, FULLTEXT_PASSAGE_TEXT, FULLTEXT_PASSAGES } from './vocabulary.js';

/**
 * Constraints and indexes, all idempotent (IF NOT EXISTS). Uniqueness constraints give the
 * identities the SQLite primary keys give; relationship uniqueness needs Neo4j 5.7 or later.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT evidence_key IF NOT EXISTS FOR (n:Evidence) REQUIRE n.key IS UNIQUE',
  // MERGE on these nodes is only race-free (one node, however many servers MERGE it at once) with a constraint.
  'CREATE CONSTRAINT atlas_lock_id IF NOT EXISTS FOR (n:AtlasLock) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT atlas_lease_name IF NOT EXISTS FOR (n:AtlasLease) REQUIRE n.name IS UNIQUE',
  // Keyword statistics (keywordStats.ts), merged by every document write.
  'CREATE CONSTRAINT keyword_stats_id IF NOT EXISTS FOR (n:KeywordStats) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT term_stat_key IF NOT EXISTS FOR (n:TermStat) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX job_status IF NOT EXISTS FOR (n:Job) ON (n.status)',
  'CREATE CONSTRAINT mentions_key IF NOT EXISTS FOR ()-[m:MENTIONS]-() REQUIRE m.key IS UNIQUE',
  ...DOMAIN_RELATION_TYPES.map(
    (type) => `CREATE CONSTRAINT ${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
  ),
  'CREATE INDEX document_path IF NOT EXISTS FOR (n:Document) ON (n.path)',
  'CREATE INDEX article_doc IF NOT EXISTS FOR (n:Article) ON (n.docId)',
  'CREATE INDEX passage_doc IF NOT EXISTS FOR (n:Passage) ON (n.docId)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_key IF NOT EXISTS FOR (n:Entity) ON (n.key)',
  'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type, n.name)',
  'CREATE INDEX entity_level IF NOT EXISTS FOR (n:Entity) ON (n.level)',
  'CREATE INDEX evidence_doc IF NOT EXISTS FOR (n:Evidence) ON (n.docId)',
  'CREATE INDEX evidence_relation IF NOT EXISTS FOR (n:Evidence) ON (n.relationId)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_ENTITIES} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
  `CREATE FULLTEXT INDEX ${FULLTEXT_PASSAGES} IF NOT EXISTS FOR (n:Passage) ON EACH [n.tokens]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'whitespace' } }`,
  // Raw text with the cjk analyzer (character bigrams): the fallback for words jieba split differently.
  `CREATE FULLTEXT INDEX ${FULLTEXT_PASSAGE_TEXT} IF NOT EXISTS FOR (n:Passage) ON EACH [n.text]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
];

/**
 * Another server may create the same rule at the same moment: IF NOT EXISTS does not cover that race
 * on every Neo4j version, and an equivalent rule is what was wanted anyway.
 */
function alreadyThere(error: unknown): boolean {
  return error instanceof Neo4jError && /AlreadyExists|EquivalentSchemaRule/.test(error.code);
}

/**
 * Runs one schema statement in a managed write transaction: the driver retries transient errors
 * (deadlocks between servers creating the schema at once, lock timeouts) until maxTransactionRetryTime.
 */
export async function runSchemaStatement(driver: Driver, database: string, statement: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => tx.run(statement));
  } catch (error) {
    if (!alreadyThere(error)) throw error;
  } finally {
    await session.close();
  }
}

/** Creates the schema (schema and data cannot share a transaction) and waits until indexes are online. */
export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) await runSchemaStatement(driver, database, statement);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(300)'));
  } finally {
    await session.close();
  }
}
