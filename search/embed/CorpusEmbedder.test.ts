import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusEmbedder, type CorpusTrainingPassage } from './CorpusEmbedder.js';
import { dot } from './l2Normalize.js';
import { jiebaTokenize, loadCorpusChunks, type CorpusChunk } from './testSupport/corpusChunks.js';

/**
 * Paraphrase queries written from the corpus, sharing few words with their target: the target is any chunk
 * matching the pattern. Measured with the defaults (128 dimensions, 300-character chunks, 208 chunks):
 * 6 of 8 land a target in the top 5 (ranks 1, 1, 1, 3, 2, 1); the road-maintenance and high-speed-rail
 * queries miss (ranks 15 and ~119). Random ranking would get about 1.4 of 8.
 */
const PARAPHRASES: ReadonlyArray<readonly [string, RegExp]> = [
  ['小区物业管理由谁来负责', /物业/],
  ['老人在社区吃饭和养老的地方', /食堂|老年餐厅|养老/],
  ['社区工作人员的工资待遇和职业发展', /薪酬/],
  ['邻里之间的矛盾怎么在基层解决', /矛盾纠纷|枫桥/],
  ['给老年人办学习的学校', /老年大学/],
  ['把网格划分得更小更细', /微网格/],
  ['农村道路维护的钱从哪里来', /养护/],
  ['高铁开通以后长途汽车没人坐了', /客运/],
];
const TOP = 5;

describe('CorpusEmbedder on the real corpus', () => {
  let chunks: CorpusChunk[];
  let passages: CorpusTrainingPassage[];
  let embedder: CorpusEmbedder;
  let passageVectors: Float32Array[];
  let trainingMs: number;
  let dir: string;

  beforeAll(async () => {
    chunks = loadCorpusChunks(300);
    passages = chunks.map((c) => ({ text: c.text, tokens: jiebaTokenize(c.text) }));
    const start = performance.now();
    embedder = CorpusEmbedder.train(passages, { tokenize: jiebaTokenize });
    trainingMs = performance.now() - start;
    passageVectors = await embedder.embed(chunks.map((c) => c.text), { kind: 'passage' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-embedder-'));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains quickly into normalized vectors of the reported dimension', () => {
    expect(chunks.length).toBeGreaterThan(150);
    expect(trainingMs).toBeLessThan(5_000); // about 0.4–0.9 s on the 2-core dev machine
    expect(embedder.dimension).toBe(128);
    expect(embedder.id).toMatch(/^corpus-svd-128-[0-9a-f]{16}$/);
    expect(embedder.vocabularySize).toBeGreaterThan(3_000);
    for (const v of passageVectors) {
      expect(v).toHaveLength(128);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic, and its id changes with the training data', () => {
    const again = CorpusEmbedder.train(passages, { tokenize: jiebaTokenize });
    expect(again.id).toBe(embedder.id);
    const fewer = CorpusEmbedder.train(passages.slice(1), { tokenize: jiebaTokenize });
    expect(fewer.id).not.toBe(embedder.id);
    expect(embedder.trainedOn).toMatchObject({ passages: chunks.length, fingerprint: CorpusEmbedder.fingerprint([...chunks].reverse().map((c) => c.text)) });
    expect(fewer.trainedOn.fingerprint).not.toBe(embedder.trainedOn.fingerprint);
    const smaller = CorpusEmbedder.train(passages, { tokenize: jiebaTokenize, dimension: 64 });
    expect(smaller.dimension).toBe(64);
    expect(smaller.id).toMatch(/^corpus-svd-64-/);
  });

  it('embeds queries and passages alike; identical texts give identical vectors', async () => {
    const [q, p, p2] = await embedder.embed([chunks[5].text, chunks[5].text, chunks[5].text], { kind: 'query' });
    expect(Array.from(q)).toEqual(Array.from(passageVectors[5]));
    expect(Array.from(p)).toEqual(Array.from(p2));
  });

  it('refuses to train on too little text with EMBEDDER_UNAVAILABLE', () => {
    expect(() => CorpusEmbedder.train([], { tokenize: jiebaTokenize })).toThrow(expect.objectContaining({ code: 'EMBEDDER_UNAVAILABLE' }));
    expect(() => CorpusEmbedder.train(passages.slice(0, 1), { tokenize: jiebaTokenize })).toThrow(/at least 2 passages/);
  });

  it('gives the zero vector to text with no known term', async () => {
    const [v] = await embedder.embed(['！？ 12345 zzzzqqq'], { kind: 'query' });
    expect(Array.from(v).every((x) => x === 0)).toBe(true);
  });

  it('round-trips through save/load with identical vectors and no temp files left', async () => {
    const file = path.join(dir, 'nested', 'corpus-embedder.bin');
    await embedder.save(file);
    expect((await readdir(path.dirname(file))).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const loaded = await CorpusEmbedder.load(file, { tokenize: jiebaTokenize });
    expect(loaded.id).toBe(embedder.id);
    expect(loaded.trainedOn).toEqual(embedder.trainedOn);
    expect(loaded.dimension).toBe(embedder.dimension);
    const texts = [chunks[0].text, chunks[100].text, '小区物业管理由谁来负责'];
    const before = await embedder.embed(texts, { kind: 'passage' });
    const after = await loaded.embed(texts, { kind: 'passage' });
    after.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(before[i])));
  });

  it('rejects a missing, foreign or damaged model file with EMBEDDER_UNAVAILABLE naming it', async () => {
    const file = path.join(dir, 'model.bin');
    await embedder.save(file);
    const bytes = await readFile(file);
    const tokenize = jiebaTokenize;

    await expect(CorpusEmbedder.load(path.join(dir, 'absent.bin'), { tokenize })).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringContaining('absent.bin'),
    });
    await writeFile(file, '{"not": "a model"}');
    await expect(CorpusEmbedder.load(file, { tokenize })).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringContaining(file) });
    await writeFile(file, bytes.subarray(0, bytes.length - 8));
    await expect(CorpusEmbedder.load(file, { tokenize })).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringMatching(/size/) });
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] ^= 0xff;
    await writeFile(file, flipped);
    await expect(CorpusEmbedder.load(file, { tokenize })).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringMatching(/corrupt/) });
  });

  it('lands paraphrase queries on their target chunks far better than chance', async () => {
    const queryVectors = await embedder.embed(PARAPHRASES.map(([q]) => q), { kind: 'query' });
    let hits = 0;
    let chance = 0;
    const ranks: number[] = [];
    PARAPHRASES.forEach(([, target], qi) => {
      const ranked = passageVectors.map((v, i) => ({ i, score: dot(v, queryVectors[qi]) })).sort((a, b) => b.score - a.score);
      const rank = ranked.findIndex(({ i }) => target.test(chunks[i].text));
      ranks.push(rank + 1);
      if (rank < TOP) hits++;
      const targets = chunks.filter((c) => target.test(c.text)).length;
      let miss = 1;
      for (let j = 0; j < TOP; j++) miss *= (chunks.length - targets - j) / (chunks.length - j);
      chance += 1 - miss;
    });
    expect(ranks[0]).toBe(1); // 小区物业管理由谁来负责 → the 红色物业 / 物业服务 chunk first
    expect(hits).toBeGreaterThanOrEqual(6);
    expect(hits).toBeGreaterThan(3 * chance);
  });
});
