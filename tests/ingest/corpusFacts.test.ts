import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityNamed, ingestCorpus, type CorpusStore } from '../helpers/corpusStore.js';

let ctx: CorpusStore;
beforeAll(async () => {
  ctx = await ingestCorpus();
});
afterAll(() => ctx?.dispose());

async function outgoing(fromName: string, type: 'ADOPTS' | 'LOCATED_IN' | 'HAS_METRIC', fromType?: 'region' | 'organization') {
  const from = await entityNamed(ctx.store, fromName, fromType);
  const relations = await ctx.store.relationsOf(from.id, { types: [type], direction: 'out' });
  return Promise.all(relations.map(async (r) => ({ relation: r, to: (await ctx.store.getEntity(r.to))! })));
}

describe('whole corpus facts', () => {
  it('ingests all five seed reports without failures', () => {
    expect(ctx.outcomes.map((o) => o.status)).toEqual(['inserted', 'inserted', 'inserted', 'inserted', 'inserted']);
  });

  it('酒泉路街道 ADOPTS 1+3+X, cited with the staffing definition', async () => {
    const adopted = await outgoing('酒泉路街道', 'ADOPTS');
    const formula = adopted.find((a) => a.to.key === '1+3+X');
    expect(formula).toBeDefined();
    expect(formula!.relation.evidence.some((e) => e.text.includes('1名专职网格员+3名兼职网格员+X名辅助网格员'))).toBe(true);
  });

  it('“1+3+X”网格力量体系 and 1+3+X are one mechanism; 1+3+N and 1+4+X are others', async () => {
    const byFullName = await ctx.store.findEntities({ name: '1+3+X网格力量体系', type: 'mechanism' });
    const byFormula = await ctx.store.findEntities({ name: '1+3+X', type: 'mechanism' });
    expect(byFullName.map((e) => e.id)).toEqual(byFormula.map((e) => e.id));
    const others = await ctx.store.findEntities({ type: 'mechanism', nameContains: '1+' });
    expect(others.map((e) => e.key)).toEqual(expect.arrayContaining(['1+3+X', '1+3+N', '1+4+X']));
  });

  it('no organization but 酒泉路街道 ADOPTS 1+3+X', async () => {
    const mechanism = await entityNamed(ctx.store, '1+3+X', 'mechanism');
    const adopters = await ctx.store.relationsOf(mechanism.id, { types: ['ADOPTS'], direction: 'in' });
    const names = await Promise.all(adopters.map(async (r) => (await ctx.store.getEntity(r.from))!.name));
    expect(names).toEqual(['酒泉路街道']);
  });

  it('清远街道 ADOPTS 1+4+X', async () => {
    const adopted = await outgoing('清远街道', 'ADOPTS');
    expect(adopted.map((a) => a.to.key)).toContain('1+4+X');
  });

  it('SIMILAR_TO links mechanisms of the same shape', async () => {
    const mechanism = await entityNamed(ctx.store, '1+3+X', 'mechanism');
    const similar = await ctx.store.relationsOf(mechanism.id, { types: ['SIMILAR_TO'] });
    const keys = await Promise.all(similar.map(async (r) => (await ctx.store.getEntity(r.from === mechanism.id ? r.to : r.from))!.key));
    expect(keys).toEqual(expect.arrayContaining(['1+3+N', '1+4+X']));
  });

  it('牟辉 LEADS 福利路街道 as 党工委书记', async () => {
    const person = await entityNamed(ctx.store, '牟辉', 'person');
    const leads = await ctx.store.relationsOf(person.id, { types: ['LEADS'], direction: 'out' });
    const targets = await Promise.all(leads.map(async (r) => ({ name: (await ctx.store.getEntity(r.to))!.name, role: r.props.role })));
    expect(targets).toContainEqual({ name: '福利路街道', role: '党工委书记' });
    expect(leads[0].evidence[0].text).toContain('牟辉');
  });

  it('平城区 has a metric of 1529 grids', async () => {
    const metrics = await outgoing('平城区', 'HAS_METRIC');
    const grids = metrics.find((m) => m.to.props.value === 1529);
    expect(grids).toBeDefined();
    expect(grids!.to.props.unit).toBe('个');
    expect(String(grids!.to.props.indicator)).toContain('网格');
  });

  it('酒泉路街道 reports 满意率 97.4% for the first half-year', async () => {
    const metrics = await outgoing('酒泉路街道', 'HAS_METRIC');
    const satisfaction = metrics.find((m) => m.to.props.indicator === '满意率');
    expect(satisfaction?.to.props).toMatchObject({ value: 97.4, unit: '%', period: '上半年' });
  });

  it('福利路街道 LOCATED_IN 西固区 LOCATED_IN 兰州市', async () => {
    const [street] = await outgoing('福利路街道', 'LOCATED_IN');
    expect(street.to.name).toBe('西固区');
    const [district] = await outgoing('西固区', 'LOCATED_IN');
    expect(district.to.name).toBe('兰州市');
    expect(district.to.level).toBe('prefecture');
  });

  it('酒泉路街道 LOCATED_IN 城关区 LOCATED_IN 兰州市 LOCATED_IN 甘肃省, with division codes, from the list', async () => {
    const chain: string[] = [];
    let entity = await entityNamed(ctx.store, '酒泉路街道', 'region');
    while (entity && chain.length < 6) {
      chain.push(`${entity.name}(${entity.props.code})`);
      const up = (await ctx.store.relationsOf(entity.id, { types: ['LOCATED_IN'], direction: 'out' })).find((r) => r.props.source === 'division');
      entity = up ? (await ctx.store.getEntity(up.to))! : (undefined as never);
    }
    expect(chain.join(' › ')).toBe('酒泉路街道(620102001) › 城关区(620102) › 兰州市(6201) › 甘肃省(62)');
  });

  it('巴中 and 巴中市 are one region', async () => {
    const viaAlias = await ctx.store.findEntities({ name: '巴中', type: 'region' });
    const viaName = await ctx.store.findEntities({ name: '巴中市', type: 'region' });
    expect(viaAlias.length).toBe(1);
    expect(viaAlias[0].id).toBe(viaName[0].id);
  });

  it('anonymised xx 街道 is scoped to its document', async () => {
    const anonymous = (await ctx.store.findEntities({ type: 'region', nameContains: 'xx' })).filter((e) => e.scopeDocId);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const entity of anonymous) {
      const docs = new Set((await ctx.store.evidenceOf(entity.id, 1000)).map((e) => e.docId));
      expect([...docs]).toEqual([entity.scopeDocId]);
    }
  });

  it('slogans are not mechanisms', async () => {
    for (const slogan of ['领头雁', '最后一公里', '急难愁盼', '三不管']) {
      expect(await ctx.store.findEntities({ name: slogan, type: 'mechanism' })).toEqual([]);
    }
  });
});
