import { expect, it } from 'vitest';
import type { ContractContext } from './graphStoreContract.js';
import { docA, docARevised, docB, docNasty, NASTY, PATH_A, withBrokenRelation } from './sampleGraphs.js';
import { cited, find, snapshot } from './snapshot.js';

const A = docA();
const B = docB();
const A2 = docARevised();
const C = docNasty();

/** Upserts, deletes, atomicity, idempotency and hostile input. */
export function writeCases(ctx: ContractContext): void {
  it('inserts, leaves the same id unchanged, replaces a new version under the same path', async () => {
    const store = ctx.store();
    expect(await store.upsertDocument(A)).toEqual({ status: 'inserted', docId: A.document.id });
    expect(await store.upsertDocument(A)).toEqual({ status: 'unchanged', docId: A.document.id });
    expect(await store.upsertDocument(A2)).toEqual({ status: 'replaced', docId: A2.document.id, replacedDocId: A.document.id });
    expect(await store.hasDocument(A.document.id)).toBe(false);
    expect(await store.hasDocument(A2.document.id)).toBe(true);
    const docs = await store.listDocuments();
    expect(docs).toEqual([{
      id: A2.document.id, path: PATH_A, title: A2.document.title, format: 'txt', encoding: 'utf-8',
      ingestedAt: A2.document.ingestedAt, articles: 3, passages: 6,
    }]);
    expect((await store.getDocument(A2.document.id))?.text).toBe(A2.document.text);
    expect((await store.stats()).entities).toEqual({ region: 3, mechanism: 2, organization: 1, person: 1, metric: 1 });
  });

  it('merges an entity across documents: aliases union, first props keys and first non-null level win', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    await store.upsertDocument(B);
    const lanzhou = find(A.entities, '兰州市');
    expect(await store.getEntity(lanzhou.id)).toEqual({
      id: lanzhou.id, type: 'region', name: '兰州市', key: '兰州市', level: 'prefecture', aliases: ['兰州'],
      props: { note: '省会', rank: 1 },
    });
    const djyl = find(A.entities, '党建引领');
    expect((await store.getEntity(djyl.id))?.props).toEqual({ definition: '以党建引领基层治理' });
    // The relation stored first keeps its props; evidence from both documents is kept.
    const [adopts] = await store.relationsOf(lanzhou.id, { direction: 'out' });
    const shared = A.relations.find((r) => r.from === lanzhou.id)!;
    const sharedB = B.relations.find((r) => r.id === shared.id)!;
    expect(adopts).toEqual({ ...shared, evidence: cited([...shared.evidence, ...sharedB.evidence], [A, B]) });
    expect(await store.evidenceOf(lanzhou.id)).toEqual(cited([...lanzhou.evidence, ...find(B.entities, '兰州市').evidence], [A, B]));
    expect(await store.countEntities({})).toBe(11);
  });

  it('deletes a document with what only it supported, keeping shared entities and their other evidence', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    await store.upsertDocument(B);
    expect(await store.deleteDocument(A.document.id)).toEqual({
      docId: A.document.id, passages: 6, evidence: 17, entities: 6, relations: 7,
    });
    expect(await store.hasDocument(A.document.id)).toBe(false);
    expect(await store.getArticles(A.document.id)).toEqual([]);
    expect(await store.getPassages(A.passages.map((p) => p.id))).toEqual([]);
    for (const name of ['城关区', '酒泉路街道', '酒泉路街道党工委', '马竞', '1+3+X', '满意率97.4%']) {
      expect(await store.getEntity(find(A.entities, name).id)).toBeNull();
    }
    const lanzhouB = find(B.entities, '兰州市');
    expect((await store.getEntity(lanzhouB.id))?.aliases).toEqual(['兰州']);
    expect(await store.evidenceOf(lanzhouB.id)).toEqual(cited(lanzhouB.evidence, [B]));
    const shared = B.relations.find((r) => r.from === lanzhouB.id)!;
    expect(await store.relationsOf(lanzhouB.id)).toEqual([{ ...shared, props: { source: 'A' }, evidence: cited(shared.evidence, [B]) }]);
    // 1+3+X went with A, and with it B's SIMILAR_TO link to it.
    expect(await store.relationsOf(find(B.entities, '红网格').id)).toHaveLength(1);
    expect(await store.stats()).toEqual({
      documents: 1, articles: 2, passages: 2,
      entities: { region: 2, mechanism: 2, metric: 1 },
      relations: { ADOPTS: 3, HAS_METRIC: 1, MENTIONS: 5, PART_OF: 4 },
    });
  });

  it('deletes by path; unknown ids and paths give null', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    await store.upsertDocument(B);
    expect(await store.deleteDocument(B.document.path)).toEqual({
      docId: B.document.id, passages: 2, evidence: 11, entities: 3, relations: 4,
    });
    expect(await store.deleteDocument(B.document.id)).toBeNull();
    expect(await store.deleteDocument('no/such/file.txt')).toBeNull();
    const lanzhou = find(A.entities, '兰州市');
    expect(await store.evidenceOf(lanzhou.id)).toEqual(cited(lanzhou.evidence, [A]));
    expect((await store.stats()).documents).toBe(1);
  });

  it('is idempotent: upserting the same documents again changes nothing', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    await store.upsertDocument(B);
    const before = await snapshot(store);
    expect((await store.upsertDocument(A)).status).toBe('unchanged');
    expect((await store.upsertDocument(B)).status).toBe('unchanged');
    expect(await snapshot(store)).toEqual(before);
  });

  it('keeps hostile names, paths and props as data and deletes nothing else', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    await store.upsertDocument(B);
    const before = await snapshot(store);
    expect((await store.upsertDocument(C)).status).toBe('inserted');
    expect((await store.getDocument(C.document.id))?.path).toBe(NASTY.path);
    const team = find(C.entities, NASTY.team);
    const { evidence: _e, ...teamRecord } = team;
    expect(await store.findEntities({ name: NASTY.team })).toEqual([teamRecord]);
    expect(await store.findEntities({ name: NASTY.alias })).toEqual([teamRecord]);
    expect((await store.findEntities({ nameContains: 'DETACH DELETE n' })).map((e) => e.name)).toEqual([NASTY.council, NASTY.team]);
    const [relation] = C.relations;
    expect(await store.relationsOf(team.id)).toEqual([{ ...relation, evidence: cited(relation.evidence, [C]) }]);
    expect(await store.searchPassages(['"畅大妈"'], 10)).toMatchObject([{ passageId: C.passages[0].id }]);
    expect(await store.searchPassages(['x") OR ("y'], 10)).toEqual([]);
    expect(await store.deleteDocument('x"}) DETACH DELETE n //')).toBeNull();
    expect(await store.deleteDocument(NASTY.path)).toEqual({ docId: C.document.id, passages: 1, evidence: 3, entities: 2, relations: 1 });
    expect(await snapshot(store)).toEqual(before);
  });

  it('writes nothing when a document fails half-way (relation to a missing entity)', async () => {
    const store = ctx.store();
    await store.upsertDocument(C);
    const before = await snapshot(store);
    // B links to A's 1+3+X, which is not stored yet: its entities were written before the failure.
    await expect(store.upsertDocument(B)).rejects.toThrow();
    expect(await store.hasDocument(B.document.id)).toBe(false);
    expect(await snapshot(store)).toEqual(before);
  });

  it('keeps the old version when its replacement fails, and merges nothing from a failed document', async () => {
    const store = ctx.store();
    await store.upsertDocument(A);
    const before = await snapshot(store);
    await expect(store.upsertDocument(withBrokenRelation(A2))).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
    await expect(store.upsertDocument(withBrokenRelation(B))).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
    expect((await store.getEntity(find(A.entities, '兰州市').id))?.aliases).toEqual([]);
  });
}
