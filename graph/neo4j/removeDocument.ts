import type { DeleteOutcome } from '../GraphStore.js';
import { one, rows, type Runner } from './cypher.js';
import { removePassageStats } from './keywordStats.js';
import { DOMAIN_RELATION_TYPES } from './vocabulary.js';

const ENTITY_EVIDENCE = `
MATCH (:Passage {docId: $docId})-[m:MENTIONS]->(e:Entity)
RETURN collect(DISTINCT e.id) AS ids, count(m) AS n`;

const DELETE_RELATION_EVIDENCE = `
MATCH (ev:Evidence {docId: $docId})
WITH collect(DISTINCT ev.relationId) AS ids, collect(ev) AS evs
FOREACH (ev IN evs | DETACH DELETE ev)
RETURN ids, size(evs) AS n`;

/** Detaching passages also removes their MENTIONS (the entity evidence of this document). */
const DELETE_PASSAGES = 'MATCH (p:Passage {docId: $docId}) DETACH DELETE p RETURN count(p) AS n';
const DELETE_ARTICLES = 'MATCH (a:Article {docId: $docId}) DETACH DELETE a RETURN count(a) AS n';
const DELETE_DOCUMENT = 'MATCH (d:Document {id: $docId}) DETACH DELETE d';

const UNSUPPORTED_RELATIONS = `
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Evidence {relationId: id}) }
RETURN collect(id) AS ids`;

const deleteRelationsQuery = (type: string) =>
  `MATCH (:Entity)-[r:${type}]->(:Entity) WHERE r.id IN $ids DELETE r RETURN count(r) AS n`;

const UNSUPPORTED_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { MATCH (:Passage)-[:MENTIONS]->(e) }
RETURN collect(e.id) AS ids`;

/** Only domain relations join two entities (structural MENTIONS and PART_OF start at a passage or article). */
const RELATIONS_TOUCHING = `
MATCH (e:Entity)-[r]-(:Entity) WHERE e.id IN $ids
RETURN collect(DISTINCT r.id) AS ids`;

const DELETE_EVIDENCE_OF = 'MATCH (ev:Evidence) WHERE ev.relationId IN $ids DETACH DELETE ev';
const DELETE_ENTITIES = 'MATCH (e:Entity) WHERE e.id IN $ids DETACH DELETE e RETURN count(e) AS n';

/**
 * Removes a document with its articles, passages and evidence, then the relations and entities
 * that no other evidence supports (an entity's relations go with it), exactly as the SQLite store
 * does, with the same counts. The caller runs this inside one write transaction.
 */
export async function removeDocument(tx: Runner, docId: string): Promise<DeleteOutcome> {
  const entityOwners = await one<{ ids: string[]; n: number }>(tx, ENTITY_EVIDENCE, { docId });
  const relationOwners = await one<{ ids: string[]; n: number }>(tx, DELETE_RELATION_EVIDENCE, { docId });
  await removePassageStats(tx, docId);
  const { n: passages } = await one<{ n: number }>(tx, DELETE_PASSAGES, { docId });
  await tx.run(DELETE_ARTICLES, { docId });

  let relations = 0;
  const orphanRelations = (await one<{ ids: string[] }>(tx, UNSUPPORTED_RELATIONS, { ids: relationOwners.ids })).ids;
  if (orphanRelations.length > 0) {
    for (const type of DOMAIN_RELATION_TYPES) {
      relations += (await one<{ n: number }>(tx, deleteRelationsQuery(type), { ids: orphanRelations })).n;
    }
  }

  let entities = 0;
  const orphanEntities = (await one<{ ids: string[] }>(tx, UNSUPPORTED_ENTITIES, { ids: entityOwners.ids })).ids;
  if (orphanEntities.length > 0) {
    const touching = (await one<{ ids: string[] }>(tx, RELATIONS_TOUCHING, { ids: orphanEntities })).ids;
    relations += touching.length;
    if (touching.length > 0) await tx.run(DELETE_EVIDENCE_OF, { ids: touching });
    entities = (await one<{ n: number }>(tx, DELETE_ENTITIES, { ids: orphanEntities })).n;
  }

  await tx.run(DELETE_DOCUMENT, { docId });
  return { docId, passages, evidence: entityOwners.n + relationOwners.n, entities, relations };
}

/** The id of the document stored under an id or a path (ids win, as lookups by id are exact). */
export async function findDocumentId(tx: Runner, idOrPath: string): Promise<string | null> {
  const found = await rows<{ id: string }>(
    tx,
    'MATCH (d:Document) WHERE d.id = $key OR d.path = $key RETURN d.id AS id ORDER BY d.id = $key DESC, d.id LIMIT 1',
    { key: idOrPath },
  );
  return found[0]?.id ?? null;
}
