import type { ReachQuery } from '../GraphStore.js';
import { isDomainRelationType } from './vocabulary.js';

/**
 * Read-only Cypher that answers for many ids at once, so one question costs a handful of Bolt round
 * trips rather than one per entity. Orderings mirror the SQLite store's.
 */

/** Each owner's evidence (an entity's mentions, a relation's :Evidence), ordered and limited per owner. */
export const EVIDENCE_OF_MANY = `
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    MATCH (p:Passage)-[m:MENTIONS]->(:Entity {id: id})
    RETURN m.docId AS docId, p.id AS passageId, m.start AS start, m.end AS end
    UNION ALL
    MATCH (ev:Evidence {relationId: id})
    RETURN ev.docId AS docId, ev.passageId AS passageId, ev.start AS start, ev.end AS end
  }
  WITH docId, passageId, start, end ORDER BY docId, start, end LIMIT $limit
  RETURN collect({docId: docId, passageId: passageId, start: start, end: end}) AS evidence
}
RETURN id, evidence`;

export const PASSAGES_MENTIONING = `
UNWIND $ids AS id
MATCH (p:Passage)-[:MENTIONS]->(:Entity {id: id})
RETURN DISTINCT p.id AS id`;

/**
 * The breadth-first walk of ReachQuery in one statement: the shortest hop count of every entity
 * reachable from the starts gives the levels; levels are kept and expanded by the running count, as
 * the level-by-level walk does; then the relations of the expanded entities, with evidence if asked.
 */
export function reachQuery(query: ReachQuery): string {
  const types = [...new Set(query.types)];
  if (types.length === 0 || !types.every(isDomainRelationType)) throw new Error(`reachable: bad relation types ${types.join(', ')}`);
  const typeList = types.join('|');
  const hop = query.direction === 'out' ? `(:Entity)-[:${typeList}]->(:Entity)` : `(:Entity)<-[:${typeList}]-(:Entity)`;
  // A quantifier's upper bound must be at least 1; the level filter below applies maxDepth 0.
  const bound = query.maxDepth === undefined ? '*' : `{0,${Math.max(1, Math.trunc(query.maxDepth))}}`;
  const edge = query.direction === 'out' ? `(n)-[r:${typeList}]->(:Entity)` : `(n)<-[r:${typeList}]-(:Entity)`;
  const evidence = query.withEvidence
    ? `OPTIONAL MATCH (ev:Evidence {relationId: r.id})
    WITH r, ev ORDER BY ev.docId, ev.start, ev.end
    WITH r, collect(ev {.docId, .passageId, .start, .end}) AS evidence`
    : 'WITH r, [] AS evidence';
  return `
CALL () {
  MATCH (s:Entity) WHERE s.id IN $ids
  MATCH p = ANY SHORTEST (s) (${hop})${bound} (x:Entity)
  WITH x, min(length(p)) AS depth
  WITH depth, collect(x) AS xs ORDER BY depth
  RETURN collect(xs) AS levels
}
WITH levels, [k IN range(0, size(levels) - 1) | reduce(n = 0, l IN levels[0..k + 1] | n + size(l))] AS upTo
WITH levels, upTo, [k IN range(0, size(levels) - 1) WHERE k = 0 OR (upTo[k - 1] < $maxNodes AND k <= $maxDepth)] AS kept
WITH reduce(a = [], k IN kept | a + levels[k]) AS nodes,
  reduce(a = [], k IN kept | a + CASE WHEN upTo[k] < $maxNodes AND k < $maxDepth THEN levels[k] ELSE [] END) AS expanded
CALL (expanded) {
  UNWIND expanded AS n
  MATCH ${edge}
  WITH DISTINCT r
  ${evidence}
  RETURN collect({r: properties(r), type: type(r), from: startNode(r).id, to: endNode(r).id, evidence: evidence}) AS relations
}
RETURN [n IN nodes | properties(n)] AS entities, relations`;
}
