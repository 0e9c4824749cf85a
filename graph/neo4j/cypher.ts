import type { ManagedTransaction } from 'neo4j-driver';

/** Anything that can run a parameterized query: a managed transaction (read or write). */
export type Runner = Pick<ManagedTransaction, 'run'>;

/** Runs one parameterized query and returns its records as plain objects. */
export async function rows<T = Record<string, unknown>>(tx: Runner, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await tx.run(query, params);
  return result.records.map((record) => record.toObject() as T);
}

/** The single row of an aggregate query. */
export async function one<T = Record<string, unknown>>(tx: Runner, query: string, params: Record<string, unknown> = {}): Promise<T> {
  const [row] = await rows<T>(tx, query, params);
  if (!row) throw new Error('Neo4j returned no row for an aggregate query');
  return row;
}

/** Drops keys whose value is undefined or null (Neo4j cannot store null properties). */
export function compact<T extends Record<string, unknown>>(map: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined && value !== null));
}

/**
 * A Lucene query requiring every token as an exact (whitespace-analyzed) term. Each token is a
 * quoted phrase, so Lucene operators inside it (+ - && || ! ( ) { } [ ] ^ ~ * ? : /) are literal.
 */
export function allTokensQuery(tokens: string[]): string {
  return tokens.map((token) => `"${token.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' AND ');
}
