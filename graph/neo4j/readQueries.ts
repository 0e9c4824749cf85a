import type { EntityQuery } from '../GraphStore.js';
import { DOMAIN_RELATION_TYPES, FULLTEXT_PASSAGES, isDomainRelationType } from './vocabulary.js';

/** Read-only Cypher of the store. Orderings mirror the SQLite ORDER BY clauses exactly. */

export const DOCUMENT_EXISTS = 'MATCH (d:Document {id: $id}) RETURN d.id AS id';
export const DOCUMENT_BY_PATH = 'MATCH (d:Document {path: $path}) RETURN d.id AS id ORDER BY d.id LIMIT 1';
export const GET_DOCUMENT = 'MATCH (d:Document {id: $id}) RETURN properties(d) AS d';
export const DOCUMENT_TEXTS = 'MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.text AS text';

export const LIST_DOCUMENTS = `
MATCH (d:Document)
RETURN d.id AS id, d.path AS path, d.title AS title, d.format AS format, d.encoding AS encoding,
  d.ingestedAt AS ingestedAt,
  COUNT { MATCH (a:Article {docId: d.id}) } AS articles,
  COUNT { MATCH (p:Passage {docId: d.id}) } AS passages
ORDER BY path, id`;

export const GET_ARTICLES = 'MATCH (a:Article {docId: $docId}) RETURN properties(a) AS a ORDER BY a.index';
export const GET_PASSAGES = 'MATCH (p:Passage) WHERE p.id IN $ids RETURN properties(p) AS p';
export const PASSAGES_OF = 'MATCH (p:Passage {docId: $docId}) RETURN properties(p) AS p ORDER BY p.index';
export const ALL_PASSAGES = 'MATCH (p:Passage) RETURN properties(p) AS p ORDER BY p.docId, p.index';
export const GET_ENTITY = 'MATCH (e:Entity {id: $id}) RETURN properties(e) AS e';
export const GET_ENTITIES = 'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN properties(e) AS e';

/** Filters as in SQLite: `name` matches name, key or alias exactly; `nameContains` any of them as a substring. */
export function entityFilter(query: EntityQuery): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.type) { clauses.push('e.type = $type'); params.type = query.type; }
  if (query.level) { clauses.push('e.level = $level'); params.level = query.level; }
  if (query.name !== undefined) { clauses.push('$name IN e.names'); params.name = query.name; }
  if (query.nameContains !== undefined) {
    clauses.push('any(n IN e.names WHERE n CONTAINS $nameContains)');
    params.nameContains = query.nameContains;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export const findEntitiesQuery = (where: string) =>
  `MATCH (e:Entity) ${where} RETURN properties(e) AS e ORDER BY e.type, e.name, e.id SKIP $offset LIMIT $limit`;
export const countEntitiesQuery = (where: string) => `MATCH (e:Entity) ${where} RETURN count(e) AS n`;

const RELATION_PATTERNS = {
  out: '(:Entity {id: $id})-[r]->(:Entity)',
  in: '(:Entity {id: $id})<-[r]-(:Entity)',
  both: '(:Entity {id: $id})-[r]-(:Entity)',
} as const;

/**
 * Relations touching any of $ids, each once, ordered as SQLite orders them; evidence only when asked
 * for. Asked types (whitelisted domain types) go into the pattern itself, so an entity's many
 * MENTIONS are never expanded; types outside the whitelist (MENTIONS) match nothing, as in SQLite.
 */
export const relationsOfManyQuery = (direction: keyof typeof RELATION_PATTERNS, withEvidence: boolean, types?: readonly string[]) => {
  const domain = types?.filter(isDomainRelationType);
  if (domain && domain.length === 0) return 'UNWIND [] AS r RETURN r';
  const pattern = RELATION_PATTERNS[direction].replace('$id', 'id').replace('[r]', domain ? `[r:${[...new Set(domain)].join('|')}]` : '[r]');
  return `
UNWIND $ids AS id
MATCH ${pattern}
WITH DISTINCT r
${
  withEvidence
    ? `OPTIONAL MATCH (ev:Evidence {relationId: r.id})
WITH r, ev ORDER BY ev.docId, ev.start, ev.end
WITH r, collect(ev {.docId, .passageId, .start, .end}) AS evidence`
    : 'WITH r, [] AS evidence'
}
RETURN properties(r) AS r, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, evidence
ORDER BY type, r.id`;
};

/** Relations of one entity, as the shared breadth-first expansion wants them. */
export const EDGES_OF = `
MATCH (:Entity {id: $id})-[r]-(:Entity)
WITH DISTINCT r
RETURN properties(r) AS r, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to
ORDER BY type, r.id`;

/** A document's entity mentions in text order (SQLite: ORDER BY start, end, entity id). */
export const DOCUMENT_MENTIONS = `
MATCH (p:Passage {docId: $docId})-[m:MENTIONS]->(e:Entity)
RETURN e.id AS entityId, e.name AS entityName, e.type AS entityType, p.id AS passageId, m.start AS start, m.end AS end
ORDER BY start, end, entityId`;

/** Evidence rows owned by an id: an entity's MENTIONS (or, as SQLite allows, a relation's evidence). */
export const EVIDENCE_OF = `
CALL {
  MATCH (p:Passage)-[m:MENTIONS]->(:Entity {id: $id})
  RETURN m.docId AS docId, p.id AS passageId, m.start AS start, m.end AS end
  UNION ALL
  MATCH (ev:Evidence {relationId: $id})
  RETURN ev.docId AS docId, ev.passageId AS passageId, ev.start AS start, ev.end AS end
}
RETURN docId, passageId, start, end ORDER BY docId, start, end LIMIT $limit`;

export const SEARCH_PASSAGES = `
CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGES}', $query) YIELD node, score
RETURN node.id AS passageId, score ORDER BY score DESC, passageId LIMIT $limit`;

export const STATS_NODES = `
RETURN COUNT { MATCH (:Document) } AS documents, COUNT { MATCH (:Article) } AS articles,
  COUNT { MATCH (:Passage) } AS passages`;
export const STATS_ENTITIES = 'MATCH (e:Entity) RETURN e.type AS k, count(*) AS n';
export const STATS_MENTIONS = 'MATCH (p:Passage)-[:MENTIONS]->(e:Entity) WITH DISTINCT p, e RETURN count(*) AS n';
/** Domain relationships are exactly those starting at an :Entity (answered from the count store). */
export const STATS_RELATIONS = DOMAIN_RELATION_TYPES.map(
  (type) => `MATCH (:Entity)-[r:${type}]->() RETURN '${type}' AS k, count(r) AS n`,
).join(' UNION ALL ');
