import type { Driver } from 'neo4j-driver';
import { DOMAIN_RELATION_TYPES, FULLTEXT_ENTITIES, FULLTEXT_PASSAGES } from './vocabulary.js';

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
];

/** Creates the schema (schema and data cannot share a transaction) and waits until indexes are online. */
export async function ensureSchema(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}
