import { expect, it } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { ContractContext } from './graphStoreContract.js';
import { docA, docB } from './sampleGraphs.js';
import { cmp, find } from './snapshot.js';

const A = docA();
const B = docB();
const idOf = (name: string) => find([...A.entities, ...B.entities], name).id;
const relationOf = (type: string, from: string, to: string) => {
  const found = [...A.relations, ...B.relations].find((r) => r.type === type && r.from === idOf(from) && r.to === idOf(to));
  if (!found) throw new Error(`fixture has no ${from} ${type} ${to}`);
  return found.id;
};

async function loaded(ctx: ContractContext): Promise<GraphStore> {
  const store = ctx.store();
  await store.upsertDocument(A);
  await store.upsertDocument(B);
  return store;
}

/** Reads that answer for many ids in one round trip: each must equal its one-id counterpart. */
export function batchReadCases(ctx: ContractContext): void {
  it('reads the evidence of many owners at once, as evidenceOf does for each', async () => {
    const store = await loaded(ctx);
    const adopts = relationOf('ADOPTS', '兰州市', '党建引领');
    const ids = [idOf('酒泉路街道'), adopts, 'ent-missing', idOf('党建引领'), idOf('酒泉路街道')];
    const many = await store.evidenceOfMany(ids, 100);
    expect([...many.keys()]).toEqual([idOf('酒泉路街道'), adopts, 'ent-missing', idOf('党建引领')]);
    for (const id of many.keys()) expect(many.get(id)).toEqual(await store.evidenceOf(id, 100));
    // The shared relation has evidence in both documents; the mechanism is mentioned in both.
    expect(many.get(adopts)!.map((e) => e.text)).toHaveLength(2);
    expect(many.get(idOf('党建引领'))).toHaveLength(3);
    expect(many.get('ent-missing')).toEqual([]);
    const limited = await store.evidenceOfMany([idOf('党建引领'), idOf('酒泉路街道')], 1);
    expect(limited.get(idOf('党建引领'))).toEqual(await store.evidenceOf(idOf('党建引领'), 1));
    expect(limited.get(idOf('酒泉路街道'))).toEqual([expect.objectContaining({ text: '酒泉路街道' })]);
    expect(await store.evidenceOfMany([])).toEqual(new Map());
  });

  it('lists the passages mentioning any of many entities, each once, by id', async () => {
    const store = await loaded(ctx);
    const entities = ['兰州市', '党建引领', '1+3+X'].map((name) => [...A.entities, ...B.entities].filter((e) => e.name === name));
    const expected = [...new Set(entities.flat().flatMap((e) => e.evidence.map((ev) => ev.passageId)))].sort(cmp);
    expect(expected.length).toBeGreaterThan(3);
    expect(await store.passagesMentioning([idOf('兰州市'), idOf('党建引领'), idOf('1+3+X'), 'ent-missing'])).toEqual(expected);
    expect(await store.passagesMentioning([idOf('1+3+X')])).toEqual([A.passages[3].id]);
    expect(await store.passagesMentioning(['ent-missing'])).toEqual([]);
    expect(await store.passagesMentioning([])).toEqual([]);
  });

  it('walks breadth first down LOCATED_IN (and PART_OF) to every depth in one read', async () => {
    const store = await loaded(ctx);
    const down = await store.reachable([idOf('兰州市')], { types: ['LOCATED_IN'], direction: 'in' });
    expect(down.entities.map((e) => e.name)).toEqual(
      ['兰州市', '城关区', '酒泉路街道'].map((n) => ({ n, id: idOf(n) })).sort((x, y) => cmp(x.id, y.id)).map((x) => x.n),
    );
    expect(down.entities.find((e) => e.name === '兰州市')).toEqual(await store.getEntity(idOf('兰州市')));
    expect(down.relations.map((r) => r.id)).toEqual(
      [relationOf('LOCATED_IN', '城关区', '兰州市'), relationOf('LOCATED_IN', '酒泉路街道', '城关区')].sort(cmp),
    );
    expect(down.relations.every((r) => r.evidence.length === 0)).toBe(true);
    const withOrganizations = await store.reachable([idOf('兰州市')], { types: ['LOCATED_IN', 'PART_OF'], direction: 'in' });
    expect(withOrganizations.entities.map((e) => e.name).sort()).toEqual(['兰州市', '城关区', '酒泉路街道', '酒泉路街道党工委'].sort());
    expect(withOrganizations.relations.map((r) => r.type)).toEqual(['LOCATED_IN', 'LOCATED_IN', 'PART_OF']);
  });

  it('stops after the level that reaches maxNodes, or at maxDepth, keeping that level whole', async () => {
    const store = await loaded(ctx);
    const cityAndDistrict = [idOf('兰州市'), idOf('城关区')].sort(cmp);
    for (const query of [{ maxNodes: 2 }, { maxDepth: 1 }, { maxNodes: 2, maxDepth: 5 }]) {
      const walk = await store.reachable([idOf('兰州市')], { types: ['LOCATED_IN', 'PART_OF'], direction: 'in', ...query });
      expect(walk.entities.map((e) => e.id)).toEqual(cityAndDistrict);
      expect(walk.relations.map((r) => r.id)).toEqual([relationOf('LOCATED_IN', '城关区', '兰州市')]);
    }
    // Level 2 (the street) is kept, since only 2 < 3 were found before it; it is not expanded.
    const three = await store.reachable([idOf('兰州市')], { types: ['LOCATED_IN', 'PART_OF'], direction: 'in', maxNodes: 3 });
    expect(three.entities.map((e) => e.name).sort()).toEqual(['兰州市', '城关区', '酒泉路街道'].sort());
    expect(three.relations).toHaveLength(2);
    const start = await store.reachable([idOf('兰州市')], { types: ['LOCATED_IN'], direction: 'in', maxDepth: 0 });
    expect(start).toEqual({ entities: [await store.getEntity(idOf('兰州市'))], relations: [] });
  });

  it('walks up from several starts at once, with the evidence relationsOf gives', async () => {
    const store = await loaded(ctx);
    const up = await store.reachable([idOf('酒泉路街道党工委'), idOf('马竞')], { types: ['PART_OF', 'LOCATED_IN'], direction: 'out', withEvidence: true });
    expect(up.entities.map((e) => e.name).sort()).toEqual(['兰州市', '城关区', '酒泉路街道', '酒泉路街道党工委', '马竞'].sort());
    const expected = [
      ...(await store.relationsOf(idOf('酒泉路街道党工委'), { types: ['PART_OF'], direction: 'out' })),
      ...(await store.relationsOf(idOf('酒泉路街道'), { types: ['LOCATED_IN'], direction: 'out' })),
      ...(await store.relationsOf(idOf('城关区'), { types: ['LOCATED_IN'], direction: 'out' })),
    ].sort((x, y) => cmp(x.type, y.type) || cmp(x.id, y.id));
    expect(up.relations).toEqual(expected);
    expect(up.relations.every((r) => r.evidence.length > 0 && r.evidence.every((e) => e.text.length > 0))).toBe(true);
    // Depth is counted from the nearest start: from the street and the district, one hop reaches the city.
    const near = await store.reachable([idOf('酒泉路街道'), idOf('城关区')], { types: ['LOCATED_IN'], direction: 'out', maxDepth: 1 });
    expect(near.entities.map((e) => e.name).sort()).toEqual(['兰州市', '城关区', '酒泉路街道'].sort());
    expect(near.relations).toHaveLength(2);
    expect(await store.reachable(['ent-missing'], { types: ['LOCATED_IN'], direction: 'out' })).toEqual({ entities: [], relations: [] });
    expect(await store.reachable([], { types: ['LOCATED_IN'], direction: 'out' })).toEqual({ entities: [], relations: [] });
  });
}
