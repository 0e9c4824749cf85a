import { AppError } from '../errors.js';
import type { DocumentGraph, Evidence, RelationWithEvidence } from '../model.js';
import { addPassageStats } from './keywordStats.js';
import { compact, rows, type Runner } from './cypher.js';
import { entityProperties, evidenceKey, mergeEntity, relationProperties, toStoredEntity, type Props, type StoredEntity } from './mappers.js';
import { DOMAIN_RELATION_TYPES, ENTITY_LABELS, isDomainRelationType, isEntityType } from './vocabulary.js';

const CREATE_DOCUMENT = 'CREATE (d:Document) SET d = $doc';

const CREATE_ARTICLES = `
UNWIND $rows AS row
MATCH (d:Document {id: $docId})
CREATE (a:Article)
SET a = row, a.index = toInteger(row.index), a.start = toInteger(row.start), a.end = toInteger(row.end)
CREATE (a)-[:PART_OF]->(d)`;

const CREATE_PASSAGES = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
CREATE (p:Passage)
SET p = row, p.index = toInteger(row.index), p.start = toInteger(row.start), p.end = toInteger(row.end)
CREATE (p)-[:PART_OF]->(a)`;

const READ_ENTITIES = 'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN properties(e) AS e';

/** One query per entity type: the type label comes from the fixed whitelist, never from input. */
const WRITE_ENTITIES = Object.fromEntries(
  Object.entries(ENTITY_LABELS).map(([type, label]) => [
    type,
    `UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ON CREATE SET e:${label} SET e = row`,
  ]),
) as Record<keyof typeof ENTITY_LABELS, string>;

const WRITE_MENTIONS = `
UNWIND $rows AS row
MATCH (p:Passage {id: row.passageId}), (e:Entity {id: row.ownerId})
MERGE (p)-[m:MENTIONS {key: row.key}]->(e)
ON CREATE SET m.docId = row.docId, m.start = toInteger(row.start), m.end = toInteger(row.end)`;

const existingRelationsQuery = (type: string) => `MATCH (:Entity)-[r:${type}]->(:Entity) WHERE r.id IN $ids RETURN r.id AS id`;

const MISSING_ENTITIES = 'UNWIND $ids AS id OPTIONAL MATCH (e:Entity {id: id}) WITH id, e WHERE e IS NULL RETURN id';

const writeRelationsQuery = (type: string) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
ON CREATE SET r = row.props`;

const WRITE_RELATION_EVIDENCE = `
UNWIND $rows AS row
MATCH (p:Passage {id: row.passageId})
MERGE (ev:Evidence {key: row.key})
ON CREATE SET ev.relationId = row.ownerId, ev.relationType = row.relationType, ev.docId = row.docId,
  ev.passageId = row.passageId, ev.start = toInteger(row.start), ev.end = toInteger(row.end)
MERGE (ev)-[:CITES]->(p)`;

function invalid(graph: DocumentGraph, reason: string): AppError {
  return new AppError('BAD_REQUEST', `Document ${graph.document.id} (${graph.document.path}): ${reason}`, { docId: graph.document.id });
}

/**
 * Rejects graphs the Neo4j model cannot represent faithfully: unknown types, and evidence or
 * passages that point outside the document (MENTIONS needs the cited passage to exist).
 */
export function validateDocumentGraph(graph: DocumentGraph): void {
  const docId = graph.document.id;
  const articleIds = new Set(graph.articles.map((a) => a.id));
  const passageIds = new Set(graph.passages.map((p) => p.id));
  for (const a of graph.articles) if (a.docId !== docId) throw invalid(graph, `article ${a.id} belongs to ${a.docId}`);
  for (const p of graph.passages) {
    if (p.docId !== docId) throw invalid(graph, `passage ${p.id} belongs to ${p.docId}`);
    if (!articleIds.has(p.articleId)) throw invalid(graph, `passage ${p.id} names unknown article ${p.articleId}`);
  }
  const checkEvidence = (owner: string, list: Evidence[]) => {
    for (const ev of list) {
      if (ev.docId !== docId || !passageIds.has(ev.passageId)) {
        throw invalid(graph, `evidence of ${owner} cites passage ${ev.passageId} of ${ev.docId}, not a passage of this document`);
      }
    }
  };
  for (const e of graph.entities) {
    if (!isEntityType(e.type)) throw invalid(graph, `entity ${e.id} has unknown type ${JSON.stringify(e.type)}`);
    checkEvidence(e.id, e.evidence);
  }
  for (const r of graph.relations) {
    if (!isDomainRelationType(r.type)) throw invalid(graph, `relation ${r.id} has unknown type ${JSON.stringify(r.type)}`);
    checkEvidence(r.id, r.evidence);
  }
}

interface EvidenceRow extends Evidence { key: string; ownerId: string; relationType?: string }

/** Evidence rows keyed like the SQLite primary key (owner, doc, start, end); the first one wins. */
function evidenceRows(owners: { id: string; evidence: Evidence[] }[], typeOf?: (ownerId: string) => string): EvidenceRow[] {
  const byKey = new Map<string, EvidenceRow>();
  for (const owner of owners) {
    for (const ev of owner.evidence) {
      const key = evidenceKey(owner.id, ev);
      if (!byKey.has(key)) {
        byKey.set(key, {
          key, ownerId: owner.id, docId: ev.docId, passageId: ev.passageId, start: ev.start, end: ev.end,
          ...(typeOf ? { relationType: typeOf(owner.id) } : {}),
        });
      }
    }
  }
  return [...byKey.values()];
}

async function writeEntities(tx: Runner, graph: DocumentGraph): Promise<void> {
  if (graph.entities.length === 0) return;
  const ids = [...new Set(graph.entities.map((e) => e.id))];
  const stored = new Map<string, StoredEntity>();
  for (const row of await rows<{ e: Props }>(tx, READ_ENTITIES, { ids })) stored.set(String(row.e.id), toStoredEntity(row.e));
  // Fold in input order, as the SQLite store upserts one entity after the other.
  for (const entity of graph.entities) stored.set(entity.id, mergeEntity(stored.get(entity.id), entity));
  const byType = new Map<string, Props[]>();
  for (const id of ids) {
    const entity = stored.get(id)!;
    byType.set(entity.type, [...(byType.get(entity.type) ?? []), entityProperties(entity)]);
  }
  for (const [type, list] of byType) await tx.run(WRITE_ENTITIES[type as keyof typeof ENTITY_LABELS], { rows: list });
  const mentions = evidenceRows(graph.entities);
  if (mentions.length > 0) await tx.run(WRITE_MENTIONS, { rows: mentions });
}

async function writeRelations(tx: Runner, graph: DocumentGraph): Promise<void> {
  if (graph.relations.length === 0) return;
  const ids = [...new Set(graph.relations.map((r) => r.id))];
  const storedType = new Map<string, string>();
  for (const type of DOMAIN_RELATION_TYPES) {
    for (const row of await rows<{ id: string }>(tx, existingRelationsQuery(type), { ids })) storedType.set(row.id, type);
  }
  // INSERT OR IGNORE semantics: a relation id already stored (or seen earlier here) keeps its first version.
  const created = new Map<string, RelationWithEvidence>();
  for (const rel of graph.relations) if (!storedType.has(rel.id) && !created.has(rel.id)) created.set(rel.id, rel);
  const endpoints = [...new Set([...created.values()].flatMap((r) => [r.from, r.to]))];
  const missing = await rows<{ id: string }>(tx, MISSING_ENTITIES, { ids: endpoints });
  if (missing.length > 0) {
    const list = missing.map((m) => m.id);
    throw new AppError('ENTITY_NOT_FOUND', `Document ${graph.document.id}: relations point to unknown entities ${list.join(', ')}`, {
      docId: graph.document.id, entityIds: list,
    });
  }
  for (const type of DOMAIN_RELATION_TYPES) {
    const list = [...created.values()].filter((r) => r.type === type)
      .map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationProperties(r) }));
    if (list.length > 0) await tx.run(writeRelationsQuery(type), { rows: list });
  }
  const typeOf = (id: string) => storedType.get(id) ?? created.get(id)!.type;
  const evidence = evidenceRows(graph.relations, typeOf);
  if (evidence.length > 0) await tx.run(WRITE_RELATION_EVIDENCE, { rows: evidence });
}

/** Writes a new document's whole graph. The caller runs this inside one write transaction. */
export async function insertDocumentGraph(tx: Runner, graph: DocumentGraph): Promise<void> {
  const docId = graph.document.id;
  await tx.run(CREATE_DOCUMENT, { doc: compact({ ...graph.document }) });
  if (graph.articles.length > 0) {
    await tx.run(CREATE_ARTICLES, { docId, rows: graph.articles.map((a) => compact({ ...a })) });
  }
  if (graph.passages.length > 0) {
    await tx.run(CREATE_PASSAGES, { rows: graph.passages.map((p) => compact({ ...p })) });
    await addPassageStats(tx, graph.passages.map((p) => p.tokens));
  }
  await writeEntities(tx, graph);
  await writeRelations(tx, graph);
}
