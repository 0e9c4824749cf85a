import { keywordStatsDelta, type KeywordStatsDelta } from '../keywordTerms.js';
import { rows, type Runner } from './cypher.js';

/**
 * The statistics keyword ranking needs, kept in the database beside the passages so that every
 * server ranks with the same numbers as the embedded BM25 index would: one (:KeywordStats) node with
 * the passage count and the total length of each field, and one (:TermStat {key, df}) per term
 * (`w 网格`, `g 网格`) with the number of passages holding it. Changed in the document's own write
 * transaction (under the store's write lock), so they always match the committed passages.
 */

const APPLY_DELTA = `
MERGE (k:KeywordStats {id: 'passages'})
SET k.docs = coalesce(k.docs, 0) + $docs, k.words = coalesce(k.words, 0) + $words, k.grams = coalesce(k.grams, 0) + $grams
WITH k
UNWIND $terms AS t
MERGE (s:TermStat {key: t.key})
SET s.df = coalesce(s.df, 0) + t.df
WITH s WHERE s.df <= 0
DELETE s`;

const TERM_BATCH = 20_000;

async function applyDelta(tx: Runner, delta: KeywordStatsDelta): Promise<void> {
  // Totals once, then the terms in batches (the first batch carries the totals).
  for (let i = 0; i === 0 || i < delta.terms.length; i += TERM_BATCH) {
    const first = i === 0;
    await tx.run(APPLY_DELTA, {
      docs: first ? delta.docs : 0, words: first ? delta.words : 0, grams: first ? delta.grams : 0,
      terms: delta.terms.slice(i, i + TERM_BATCH),
    });
  }
}

/** Counts passages about to be written. */
export function addPassageStats(tx: Runner, passageTokens: readonly string[]): Promise<void> {
  return passageTokens.length ? applyDelta(tx, keywordStatsDelta(passageTokens, 1)) : Promise.resolve();
}

/** Uncounts a document's passages; call before they are deleted. */
export async function removePassageStats(tx: Runner, docId: string): Promise<void> {
  const found = await rows<{ tokens: string }>(tx, 'MATCH (p:Passage {docId: $docId}) RETURN p.tokens AS tokens', { docId });
  if (found.length === 0) return;
  await applyDelta(tx, keywordStatsDelta(found.map((r) => r.tokens ?? ''), -1));
  // An empty store keeps no statistics either (every TermStat is gone with its last passage).
  await tx.run("MATCH (k:KeywordStats {id: 'passages'}) WHERE k.docs <= 0 DELETE k");
}

const STATS_MATCH = `
OPTIONAL MATCH (k:KeywordStats {id: 'passages'})
RETURN coalesce(k.docs, 0) AS counted, COUNT { MATCH (:Passage) } AS passages`;

/**
 * A database written before the statistics existed (or emptied around them) gets them rebuilt from
 * its passages; run inside a write transaction holding the store's write lock.
 */
export async function ensurePassageStats(tx: Runner): Promise<boolean> {
  const [row] = await rows<{ counted: unknown; passages: unknown }>(tx, STATS_MATCH);
  if (Number(row.counted) === Number(row.passages)) return false;
  await tx.run('MATCH (n) WHERE n:KeywordStats OR n:TermStat DELETE n');
  const all = await rows<{ tokens: string }>(tx, 'MATCH (p:Passage) RETURN p.tokens AS tokens');
  await addPassageStats(tx, all.map((r) => r.tokens ?? ''));
  return true;
}

/** Read without the lock: is a rebuild needed at all? */
export async function passageStatsMatch(tx: Runner): Promise<boolean> {
  const [row] = await rows<{ counted: unknown; passages: unknown }>(tx, STATS_MATCH);
  return Number(row.counted) === Number(row.passages);
}
