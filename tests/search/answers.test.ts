import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { answerSchema, type Answer, type Citation } from '../../search/schema.js';
import { entityNamed, ingestCorpus, type CorpusStore } from '../helpers/corpusStore.js';

let ctx: CorpusStore;
let engine: AnswerEngine;
beforeAll(async () => {
  ctx = await ingestCorpus();
  engine = await AnswerEngine.open(ctx.store, ctx.config);
});
afterAll(() => ctx?.dispose());

const names = (answer: Answer) => answer.answers.map((a) => a.name);

/** Every citation anywhere in an answer is the exact slice of its document's original text. */
async function expectExactCitations(answer: Answer): Promise<void> {
  const citations: Citation[] = [
    ...answer.answers.flatMap((a) => a.citations),
    ...answer.passages,
    ...answer.summary.flatMap((s) => s.citations),
    ...(answer.table?.rows.flatMap((r) => r.cells.flatMap((c) => c.citations)) ?? []),
  ];
  for (const c of citations) {
    const doc = (await ctx.store.getDocument(c.docId))!;
    expect(c.text).toBe(doc.text.slice(c.start, c.end));
    expect(c.file).toBe(doc.path);
  }
}

describe('graph answers with citations', () => {
  it('哪些街道采用了1+3+X网格力量体系: 酒泉路街道 only, cited with its definition', async () => {
    const answer = answerSchema.parse(await engine.answer('哪些街道采用了1+3+X网格力量体系？'));
    expect(answer.intent).toBe('adopters');
    expect(names(answer)).toEqual(['酒泉路街道']);
    expect(answer.answers[0].citations[0].text).toContain('1名专职网格员+3名兼职网格员+X名辅助网格员');
    expect(answer.note).toBeUndefined();
    await expectExactCitations(answer);
  });

  it('a formula nobody uses gets no graph answer, only passages and a note', async () => {
    const answer = await engine.answer('哪些街道采用了1+5+X网格力量体系？');
    expect(answer.answers).toEqual([]);
    expect(answer.note).toMatch(/没有找到/);
    expect(answer.passages.length).toBeGreaterThan(0);
  });

  it('1+3+N is 平城区’s, and a 区 is no answer to a question about 街道', async () => {
    expect(names(await engine.answer('哪些区采用了1+3+N执法工作模式'))).toEqual(['平城区']);
    expect(names(await engine.answer('哪些街道采用了1+3+N执法工作模式'))).toEqual([]);
  });

  it('metric: 酒泉路街道的满意率是多少', async () => {
    const answer = await engine.answer('酒泉路街道的满意率是多少');
    expect(answer.intent).toBe('metric');
    expect(names(answer)).toEqual(['满意率 97.4%']);
    expect(answer.answers[0].citations[0].text).toContain('满意率达97.4%');
  });

  it('person: 福利路街道党工委书记是谁', async () => {
    const answer = await engine.answer('福利路街道党工委书记是谁');
    expect(answer.intent).toBe('person');
    expect(names(answer)).toEqual(['牟辉']);
  });

  it('region: 永登县有哪些镇', async () => {
    const answer = await engine.answer('永登县有哪些镇');
    expect(answer.intent).toBe('region');
    expect(names(answer).sort()).toEqual(['大同镇', '树屏镇']);
  });

  it('compare: a cited table with one row per region', async () => {
    const answer = await engine.answer('比较兰州和平城区的网格力量配备');
    expect(answer.intent).toBe('compare');
    expect(answer.table!.rows.map((r) => r.entity.name)).toEqual(['兰州市', '平城区']);
    for (const row of answer.table!.rows) {
      expect(row.cells.some((c) => c.values.length > 0), row.entity.name).toBe(true);
      for (const cell of row.cells) expect(cell.citations.length > 0 || cell.values.length === 0).toBe(true);
    }
    expect(answer.table!.rows[1].cells[1].values.join()).toMatch(/网格/);
    await expectExactCitations(answer);
  });

  it('an extractive summary groups key sentences by organization', async () => {
    const answer = await engine.answer('福利路街道在物业服务上做了哪些探索');
    expect(answer.summary.length).toBeGreaterThan(0);
    expect(answer.summary.every((s) => s.group === '福利路街道' && s.citations.length === 1)).toBe(true);
    await expectExactCitations(answer);
  });
});

describe('passage filters', () => {
  it('region filter keeps passages mentioning places inside the region', async () => {
    const pingcheng = await entityNamed(ctx.store, '平城区', 'region');
    const answer = await engine.answer('网格员队伍建设', { filters: { regionId: pingcheng.id } });
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(new Set(answer.passages.map((p) => p.file))).toEqual(new Set(['corpus/002_0815d26faf1ad906.txt']));
  });

  it('document filter keeps one document', async () => {
    const doc = (await ctx.store.listDocuments()).find((d) => d.path.endsWith('003_3b5b65008f8eb723.txt'))!;
    const answer = await engine.answer('网格', { filters: { docId: doc.id } });
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.every((p) => p.docId === doc.id)).toBe(true);
  });

  it('level filter keeps passages that mention a place at that level', async () => {
    const answer = await engine.answer('网格', { filters: { level: 'community' } });
    const communities = await ctx.store.findEntities({ level: 'community', limit: 10_000 });
    const mentioning = new Set<string>();
    for (const c of communities) for (const e of await ctx.store.evidenceOf(c.id, 10_000)) mentioning.add(e.passageId);
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.every((p) => mentioning.has(p.passageId))).toBe(true);
  });

  it('keyword mode: 1+3+X never retrieves a 1+3+N passage first', async () => {
    const answer = await engine.answer('1+3+X', { mode: 'keyword' });
    expect(answer.passages[0].text).toContain('1+3+X');
    expect(answer.passages.some((p) => p.text.includes('1+3+N'))).toBe(false);
  });
});
