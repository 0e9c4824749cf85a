import type { Config } from '../graph/config.js';

/** Empties the Neo4j database before a benchmark run (benchmarks only; never used by the app). */
export async function clearNeo4j(config: Config): Promise<void> {
  const { default: neo4j } = await import('neo4j-driver');
  const driver = neo4j.driver(config.neo4j.uri!, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  const session = driver.session({ database: config.neo4j.database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
