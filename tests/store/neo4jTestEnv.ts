import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../../graph/neo4j/connection.js';
import { Neo4jGraphStore } from '../../graph/neo4j/Neo4jGraphStore.js';

/** Neo4j tests run only when NEO4J_URI is set (tests/neo4j-server/wait-and-run.sh sets it). */
export const NEO4J_URI = process.env.NEO4J_URI || undefined;

export function neo4jSettings(overrides: Partial<Neo4jSettings> = {}): Neo4jSettings {
  return {
    uri: NEO4J_URI,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || process.env.NEO4J_TEST_PASSWORD || 'neo4j',
    database: process.env.NEO4J_DATABASE || 'neo4j',
    ...overrides,
  };
}

export function openNeo4jStore(settings: Neo4jSettings = neo4jSettings()): Promise<Neo4jGraphStore> {
  return Neo4jGraphStore.connect(settings);
}

let admin: Driver | undefined;

function adminDriver(): Driver {
  const s = neo4jSettings();
  admin ??= neo4j.driver(s.uri!, neo4j.auth.basic(s.user, s.password), { disableLosslessIntegers: true });
  return admin;
}

/** Runs raw Cypher outside the store (inspection and cleanup only). */
export async function cypher<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = adminDriver().session({ database: neo4jSettings().database });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/** Empties the database between tests; the schema (constraints, indexes) stays. */
export async function clearNeo4j(): Promise<void> {
  await cypher('MATCH (n) DETACH DELETE n');
}

export async function closeNeo4jAdmin(): Promise<void> {
  await admin?.close();
  admin = undefined;
}

/** Every node and relationship, by label set and type: what "identical counts" compares. */
export async function rawCounts(): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const nodes = await cypher<{ k: string; n: number }>(
    "MATCH (n) WITH reduce(s = '', l IN labels(n) | s + ':' + l) AS k RETURN k, count(*) AS n",
  );
  const rels = await cypher<{ k: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n');
  const toMap = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
  return { nodes: toMap(nodes), relationships: toMap(rels) };
}
