import { expect, it } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { ContractContext } from './graphStoreContract.js';
import { docA, docB } from './sampleGraphs.js';
import { cited, cmp, find } from './snapshot.js';

const A = docA();
const B = docB();
const street = find(A.entities, '酒泉路街道');
const idOf = (name: string) => find([...A.entities, ...B.entities], name).id;

async function loaded(ctx: ContractContext): Promise<GraphStore> {
  const store = ctx.store();
  await store.upsertDocument(A);
  await store.upsertDocument(B);
  return store;
}

/** Lookups, listings and their orderings, evidence citation, neighbourhoods, token search, stats. */
export function readCases(ctx: ContractContext): void {
  it('round-trips documents, articles and passages in SQLite order', async () => {
    const store = await loaded(ctx);
    expect(await store.getDocument(A.document.id)).toEqual(A.document);
    expect(await store.getDocument('doc-missing')).toBeNull();
    expect((await store.listDocuments()).map((d) => [d.path, d.articles, d.passages])).toEqual([
      [B.document.path, 2, 2], [A.document.path, 3, 6],
    ]);
    expect(await store.getArticles(A.document.id)).toEqual(A.articles);
    const [p0, , , p3] = A.passages;
    expect(await store.getPassages([p3.id, 'psg-missing', p0.id])).toEqual([p3, p0]);
    const all = [...A.passages, ...B.passages].sort((x, y) => cmp(x.docId, y.docId) || x.index - y.index);
    expect(await store.allPassages()).toEqual(all);
    expect(await store.passagesOf(B.document.id)).toEqual([...B.passages].sort((x, y) => x.index - y.index));
    expect(await store.passagesOf('doc-missing')).toEqual([]);
  });

  it('cites relation and entity evidence as the slice of the document text', async () => {
    const store = await loaded(ctx);
    const out = await store.relationsOf(street.id, { direction: 'out' });
    expect(out.map((r) => r.type)).toEqual(['ADOPTS', 'HAS_METRIC', 'LOCATED_IN']);
    for (const view of out) {
      const fixture = A.relations.find((r) => r.id === view.id)!;
      expect(view).toEqual({ ...fixture, evidence: cited(fixture.evidence, [A]) });
      for (const ev of view.evidence) expect(ev.text).toBe(A.document.text.slice(ev.start, ev.end));
    }
    expect(out.find((r) => r.type === 'ADOPTS')?.evidence[0].text).toBe('建立“1+3+X”网格力量体系');
    expect((await store.relationsOf(street.id, { direction: 'in' })).map((r) => [r.type, r.from])).toEqual([
      ['PART_OF', idOf('酒泉路街道党工委')],
    ]);
    expect((await store.relationsOf(street.id, { types: ['ADOPTS'] })).map((r) => r.to)).toEqual([idOf('1+3+X')]);
    expect(await store.relationsOf(street.id, { types: ['MENTIONS'] })).toEqual([]);
    const chengguan = idOf('城关区');
    expect((await store.relationsOf(chengguan, { direction: 'in' })).map((r) => r.from)).toEqual([street.id]);
    expect((await store.relationsOf(chengguan)).map((r) => r.type)).toEqual(['LOCATED_IN', 'LOCATED_IN']);
    expect(await store.evidenceOf(street.id)).toEqual(cited(street.evidence, [A]));
    expect((await store.evidenceOf(street.id, 1)).map((e) => e.text)).toEqual(['酒泉路街道']);
    expect(await store.evidenceOf(idOf('满意率97.4%'))).toMatchObject([{ text: '满意率达97.4%' }]);
    expect(await store.evidenceOf('ent-missing')).toEqual([]);
  });

  it('lists a document\'s entity mentions in text order', async () => {
    const store = await loaded(ctx);
    for (const graph of [A, B]) {
      const expected = graph.entities
        .flatMap((e) => e.evidence.map((ev) => ({
          entityId: e.id, entityName: e.name, entityType: e.type, passageId: ev.passageId, start: ev.start, end: ev.end,
        })))
        .sort((x, y) => x.start - y.start || x.end - y.end || cmp(x.entityId, y.entityId));
      expect(await store.documentMentions(graph.document.id)).toEqual(expected);
    }
    expect(await store.documentMentions('doc-missing')).toEqual([]);
  });

  it('finds entities by exact name, alias or key, substring, type and level, with paging and counts', async () => {
    const store = await loaded(ctx);
    const names = async (q: Parameters<GraphStore['findEntities']>[0]) => (await store.findEntities(q)).map((e) => e.name);
    expect(await names({ name: '兰州市' })).toEqual(['兰州市']);
    expect(await names({ name: '兰州' })).toEqual(['兰州市']);
    expect(await names({ name: '酒泉路' })).toEqual(['酒泉路街道']);
    expect(await names({ name: '满意率' })).toEqual(['满意率97.4%']);
    expect(await names({ name: '酒泉' })).toEqual([]);
    expect(await names({ nameContains: '网格' })).toEqual(['红网格']);
    expect(await names({ nameContains: '街道' })).toEqual(['酒泉路街道党工委', 'xx街道', '酒泉路街道']);
    expect(await names({ type: 'region' })).toEqual(['xx街道', '兰州市', '城关区', '酒泉路街道']);
    expect(await names({ level: 'township' })).toEqual(['xx街道', '酒泉路街道']);
    expect(await names({ type: 'region', level: 'township', nameContains: '酒泉' })).toEqual(['酒泉路街道']);
    expect(await names({ type: 'region', limit: 2, offset: 1 })).toEqual(['兰州市', '城关区']);
    expect(await names({ type: 'mechanism' })).toEqual(['1+3+X', '党建引领', '红网格']);
    const all = await store.findEntities({});
    expect(all).toHaveLength(11);
    expect(all.map((e) => [e.type, e.name, e.id])).toEqual(
      all.map((e) => [e.type, e.name, e.id]).sort((x, y) => cmp(x[0], y[0]) || cmp(x[1], y[1]) || cmp(x[2], y[2])),
    );
    expect(await store.countEntities({})).toBe(11);
    expect(await store.countEntities({ type: 'region' })).toBe(4);
    expect(await store.countEntities({ name: '兰州' })).toBe(1);
    expect(await store.countEntities({ nameContains: '街道', level: 'township' })).toBe(2);
    expect(await store.getEntity('ent-missing')).toBeNull();
  });

  it('expands neighbourhoods to depth 1 and 2 with a node limit', async () => {
    const store = await loaded(ctx);
    const one = await store.neighbourhood(street.id, { depth: 1, limit: 10 });
    expect(one.nodes[0].id).toBe(street.id);
    expect(new Set(one.nodes.map((n) => n.name))).toEqual(new Set(['酒泉路街道', '城关区', '1+3+X', '满意率97.4%', '酒泉路街道党工委']));
    expect(one.edges).toHaveLength(4);
    expect(one.truncated).toBe(false);
    const capped = await store.neighbourhood(street.id, { depth: 1, limit: 2 });
    expect(capped.nodes).toHaveLength(2);
    expect(capped.truncated).toBe(true);
    const two = await store.neighbourhood(street.id, { depth: 2, limit: 10 });
    expect(new Set(two.nodes.map((n) => n.name))).toEqual(
      new Set(['酒泉路街道', '城关区', '1+3+X', '满意率97.4%', '酒泉路街道党工委', '兰州市', '红网格', '马竞']),
    );
    expect(two.edges.map((e) => e.type).sort()).toEqual(
      ['ADOPTS', 'HAS_METRIC', 'LEADS', 'LOCATED_IN', 'LOCATED_IN', 'PART_OF', 'SIMILAR_TO'],
    );
    expect(two.truncated).toBe(false);
    const twoCapped = await store.neighbourhood(street.id, { depth: 2, limit: 5 });
    expect(twoCapped.nodes).toHaveLength(5);
    expect(twoCapped.truncated).toBe(true);
    expect(await store.neighbourhood('ent-missing', { depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it('searches passages by exact jieba tokens, all tokens required, best score first', async () => {
    const store = await loaded(ctx);
    const [, , , p3, p4] = A.passages;
    const [q0] = B.passages;
    expect(await store.searchPassages(['1+3+X'], 10)).toMatchObject([{ passageId: p3.id }]);
    expect(await store.searchPassages(['1+3+N'], 10)).toEqual([]);
    const grid = await store.searchPassages(['网格'], 10);
    expect(new Set(grid.map((r) => r.passageId))).toEqual(new Set([p3.id, q0.id]));
    expect(grid.map((r) => r.score)).toEqual([...grid.map((r) => r.score)].sort((x, y) => y - x));
    for (const r of grid) expect(r.score).toBeGreaterThan(0);
    expect(await store.searchPassages(['网格', '满意率'], 10)).toMatchObject([{ passageId: p3.id }]);
    expect(new Set((await store.searchPassages(['网格员'], 10)).map((r) => r.passageId))).toEqual(new Set([p3.id, p4.id]));
    expect(await store.searchPassages(['网格'], 1)).toHaveLength(1);
    expect(await store.searchPassages(['97.4%'], 10)).toMatchObject([{ passageId: p3.id }]);
    expect(await store.searchPassages([], 10)).toEqual([]);
    expect(await store.searchPassages(['  '], 10)).toEqual([]);
  });

  it('counts documents, entities and relations, MENTIONS as distinct passage-entity pairs', async () => {
    const store = await loaded(ctx);
    expect(await store.stats()).toEqual({
      documents: 2, articles: 5, passages: 8,
      entities: { region: 4, organization: 1, person: 1, mechanism: 3, metric: 2 },
      // PART_OF counts articles + passages (13) plus the one entity PART_OF relation (committee → street).
      relations: { LOCATED_IN: 2, ADOPTS: 4, HAS_METRIC: 2, LEADS: 1, SIMILAR_TO: 1, MENTIONS: 14, PART_OF: 14 },
    });
  });
}
