import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { NO_ANSWER } from '../../search/answer/answerLine.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { answerSchema, type Answer } from '../../search/schema.js';
import { tempDataDir } from '../helpers/corpusStore.js';
import { INVENTED_TEXT, inventedGraph } from './inventedGraph.js';

let store: GraphStore;
let engine: AnswerEngine;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDataDir('atlas-answers');
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus' });
  store = await openStore(config);
  await store.upsertDocument(inventedGraph());
  engine = await AnswerEngine.open(store, config);
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ask = async (q: string) => answerSchema.parse(await engine.answer(q));
const names = (a: Answer) => a.answers.map((x) => x.name);

/** Every citation is the exact slice of the document text, and every [n] of the line has its citation. */
function expectWellCited(a: Answer): void {
  for (const c of [...a.answers.flatMap((x) => x.citations), ...(a.answerLine?.citations ?? [])]) expect(c.text).toBe(INVENTED_TEXT.slice(c.start, c.end));
  const markers = [...(a.answerLine?.text.matchAll(/\[(\d+)\]/g) ?? [])].map((m) => Number(m[1]));
  for (const n of markers) expect(a.answerLine!.citations[n - 1]).toBeDefined();
  expect(new Set(markers).size).toBe(a.answerLine!.citations.length);
}

describe('reverse look-ups on an invented graph', () => {
  it('person → role', async () => {
    const a = await ask('王海涛担任什么职务');
    expect(a.answerType).toBe('role');
    expect(names(a)).toEqual(['织里镇党委书记']);
    expect(a.answerLine?.text).toBe('王海涛担任织里镇党委书记[1]。');
    expectWellCited(a);
  });

  it('person → place, and → the place at the level asked (its district)', async () => {
    expect(names(await ask('王海涛是哪个镇的书记'))).toEqual(['织里镇']);
    expect(names(await ask('王海涛是哪个区的干部'))).toEqual(['吴兴区']);
  });

  it('place → parent at a level, and the whole chain widest first', async () => {
    const up = await ask('大港社区属于哪个镇');
    expect(up.answerType).toBe('region_chain');
    expect(names(up)).toEqual(['织里镇']);
    expect(names(await ask('大港社区是哪个区的'))).toEqual(['吴兴区']);
    const chain = await ask('大港社区在哪里');
    expect(names(chain)).toEqual(['湖州市', '吴兴区', '织里镇']);
    expect(chain.answerLine?.text).toMatch(/^大港社区位于湖州市吴兴区织里镇\[1\]。$/);
    // The widest answer cites every edge on the way up.
    expect(chain.answers[0].citations.map((c) => c.text)).toEqual(['织里镇下辖的大港社区', '吴兴区织里镇', '湖州市吴兴区']);
    expectWellCited(chain);
  });

  it('place → children at the level asked', async () => {
    expect(names(await ask('吴兴区有哪些镇')).sort()).toEqual(['八里店镇', '织里镇']);
  });

  it('practice → places: level filter and roll-up to the level asked', async () => {
    expect(names(await ask('哪些社区采用了三事分流'))).toEqual(['大港社区']);
    const towns = await ask('哪些镇采用了三事分流');
    expect(names(towns)).toEqual(['织里镇']);
    expect(towns.answers[0].detail).toBe('辖内大港社区采用 三事分流');
    expect(towns.answers[0].citations.map((c) => c.text)).toContain('织里镇下辖的大港社区');
    expect(names(await ask('哪些区采用了三事分流'))).toEqual(['吴兴区']);
    expectWellCited(towns);
  });

  it('a region scope keeps the places inside it', async () => {
    expect(names(await ask('吴兴区有哪些镇采用了1+3+X'))).toEqual(['八里店镇']);
  });

  it('trap: 1+3+N is not 1+3+X, and a formula nobody uses finds nobody', async () => {
    expect(names(await ask('哪些镇采用了1+3+X'))).toEqual(['八里店镇']);
    expect(names(await ask('哪些镇采用了1+3+N'))).toEqual(['织里镇']);
    const none = await ask('哪些镇采用了1+5+N网格服务模式');
    expect(none.answers).toEqual([]);
    expect(none.note).toBe(NO_ANSWER);
  });

  it('place → practices rolled up from its sub-places, grouped by sub-place', async () => {
    const a = await ask('湖州市有哪些做法');
    expect(a.answerType).toBe('practice');
    expect(Object.fromEntries(a.answers.map((x) => [x.name, x.group]))).toEqual({ '1+3+N': '织里镇', '1+3+X': '八里店镇', 三事分流: '大港社区' });
    expectWellCited(a);
  });

  it('place → metrics: a year selects that year’s figure or none', async () => {
    expect(names(await ask('织里镇2023年的满意率是多少'))).toEqual(['满意率 97.8%']);
    expect(names(await ask('织里镇2022年的满意率是多少'))).toEqual(['满意率 96.1%']);
    const none = await ask('织里镇2021年的满意率是多少');
    expect(none.answers).toEqual([]);
    expect(none.answerLine?.text).toBe(NO_ANSWER);
  });

  it('several slots: 受理了多少件，办结率是多少 → one figure each; the neighbouring 满意率 is not taken', async () => {
    const a = await ask('织里镇2022年受理了多少件，办结率是多少');
    expect(a.understanding.slots?.length).toBe(2);
    expect(a.answers.map((x) => [x.slot, x.name])).toEqual([
      [0, '受理群众诉求 1200件'],
      [1, '办结率 98.5%'],
    ]);
    expect(a.answerLine?.text).toBe('织里镇2022年受理群众诉求 1200件[1]；织里镇2022年办结率 98.5%[2]。');
    expectWellCited(a);
  });

  it('before → after: one metric with both values', async () => {
    const a = await ask('织里镇网格由多少个调整为多少个');
    expect(names(a)).toEqual(['网格 86个→61个']);
  });

  it('practice → parts, in order, each with its own evidence', async () => {
    const a = await ask('“三事分流”具体包括哪些内容');
    expect(a.answerType).toBe('parts');
    expect(names(a)).toEqual(['大事政府办', '小事村里办', '私事自己办']);
    expect(a.answers.map((x) => x.citations[0].text)).toEqual(['大事政府办', '小事村里办', '私事自己办']);
    expect(a.answerLine?.text).toBe('三事分流包括：大事政府办[1]、小事村里办[2]、私事自己办[3]。');
  });

  it('practice → definition pieces when the graph has no parts', async () => {
    const a = await ask('“1+3+N”具体指什么');
    expect(names(a)).toEqual(['每个网格配备1名专职网格员', '3名兼职网格员和N名志愿者']);
    expect(a.answers[0].citations[0].text).toContain('每个网格配备1名专职网格员');
  });

  it('yes / no over the place and its sub-places', async () => {
    const yes = await ask('织里镇有没有采用三事分流');
    expect(yes.answerType).toBe('yes_no');
    expect(names(yes)).toEqual(['是']);
    expect(yes.answers[0].detail).toBe('大港社区采用 三事分流');
    expect(yes.answerLine?.text).toBe('是。大港社区采用 三事分流[1]。');
    const no = await ask('八里店镇有没有采用三事分流');
    expect(no.answers).toEqual([]);
    expect(no.answerLine?.text).toMatch(/没有八里店镇采用三事分流的记录/);
  });

  it('no answer: nothing in the graph or the sentences names the indicator', async () => {
    const a = await ask('织里镇的垃圾分类覆盖率是多少');
    expect(a.answers).toEqual([]);
    expect(a.note).toBe(NO_ANSWER);
  });
});

describe('typed candidates from the retrieved sentences', () => {
  it('a person the graph does not hold is read from the sentence, cited with its exact span', async () => {
    const a = await ask('大港社区党总支书记是谁');
    expect(names(a)).toEqual(['李秀英']);
    expect(a.answers[0].source).toBe('text');
    expect(a.answers[0].citations[0].text).toBe('大港社区党总支书记、居委会主任李秀英对记者介绍，社区办结率为99.2%，满意率达到95.4%。');
    expectWellCited(a);
  });

  it('a role read where it is written', async () => {
    const a = await ask('李秀英担任什么职务');
    expect(names(a)).toEqual(['党总支书记、居委会主任']);
    expect(a.answerLine?.text).toBe('据原文，李秀英担任党总支书记、居委会主任[1]。');
  });

  it('organization: the body of the kind asked (联盟), not the company of the same sentence', async () => {
    const a = await ask('织里镇牵头成立的邻里联盟叫什么');
    expect(a.answerType).toBe('organization');
    expect(names(a)).toEqual(['湖畔邻里联盟']);
    expectWellCited(a);
  });

  it('organization without a place or practice named: read from a sentence holding every word of the question', async () => {
    const a = await ask('哪家公司为独居老人送餐');
    expect(names(a)).toEqual(['湖州安居养老服务有限公司']);
    expectWellCited(a);
    expect((await ask('哪家公司为独居老人理发')).answers).toEqual([]);
  });

  it('organization of a person: the body written with the name, not the place the person was sent to', async () => {
    const a = await ask('赵明远原来是哪个单位的干部');
    expect(a.answerType).toBe('organization');
    expect(names(a)).toEqual(['区民政局']);
  });

  it('parts of a practice the graph does not hold: the list right after its name', async () => {
    const a = await ask('八里店镇的“三无”平安村是指哪三无');
    expect(names(a)).toEqual(['矛盾不上交', '隐患不过夜', '服务不缺位']);
    expect(a.answers.every((x) => x.source === 'text')).toBe(true);
    expectWellCited(a);
  });

  it('before → after read from the sentence when the extraction gave two figures', async () => {
    const a = await ask('织里镇社工联系户数是怎么调整的');
    expect(names(a)).toEqual(['社工联系户数 350户→230户']);
    expectWellCited(a);
  });

  it('a year selects the before side of a before → after figure when that side carries it', async () => {
    expect(names(await ask('织里镇2021年网格员月均补贴是多少'))).toEqual(['网格员月均补贴 2600元']);
    expect(names(await ask('织里镇网格员月均补贴是多少'))).toEqual(['网格员月均补贴 3400元']);
    expect((await ask('织里镇2019年网格员月均补贴是多少')).answers).toEqual([]);
  });

  it('a place the sentence calls only 社区 is the one named in the sentence before', async () => {
    const a = await ask('有哪些社区在做“楼栋微议事”');
    expect(names(a)).toEqual(['大港社区']);
    expect(a.answers[0].citations.map((c) => c.text)).toEqual(['大港社区是织里镇最大的安置社区，老年人多。', '社区探索“楼栋微议事”模式，每月议事一次。']);
    expectWellCited(a);
  });

  it('trap: of two counts naming the word asked, the one without an unasked qualifier (专属) is taken, alone', async () => {
    expect(names(await ask('大港社区有多少个网格'))).toEqual(['网格 18个']);
    expect(names(await ask('大港社区有多少个专属网格'))).toEqual(['专属网格 4个']);
  });

  it('trap: of two rates in one sentence only the one asked for is taken', async () => {
    const a = await ask('大港社区的满意率是多少');
    expect(names(a)).toEqual(['满意率 95.4%']);
    expect(a.answers[0].source).toBe('text');
  });
});
