import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModel, type TinyModel } from '../../tests/fixtures/tiny-model/buildTinyModel.js';
import { dot } from './l2Normalize.js';
import { TransformersEmbedder } from './TransformersEmbedder.js';

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

describe('TransformersEmbedder on a tiny generated BERT model (offline)', () => {
  let tiny: TinyModel;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    tiny = await buildTinyModel();
    embedder = await TransformersEmbedder.create({ model: tiny.modelName, modelPath: tiny.root, pooling: 'cls', queryPrefix: '', batchSize: 2 });
  });
  afterAll(async () => {
    await rm(tiny.root, { recursive: true, force: true });
  });

  it('reports the model dimension and an id naming the model and pooling', () => {
    expect(embedder.dimension).toBe(tiny.hiddenSize);
    expect(embedder.id).toBe('transformers-test_tiny-bert-zh-cls');
    expect(embedder.source).toBe(tiny.folder);
  });

  it('returns one normalized vector per text, identical for identical texts across batches', async () => {
    const texts = ['小区物业管理由谁来负责', '全省公路网总里程达15.7万公里', '小区物业管理由谁来负责', '乡村振兴'];
    const vectors = await embedder.embed(texts, { kind: 'passage' });
    expect(vectors).toHaveLength(4);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(tiny.hiddenSize);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(Array.from(vectors[2])).toEqual(Array.from(vectors[0])); // same text, other batch and padding
    expect(dot(vectors[0], vectors[1])).toBeLessThan(0.99);
    const again = await embedder.embed([texts[1]], { kind: 'passage' });
    // Another call pads differently; onnxruntime may then sum in another order (last-bit differences).
    again[0].forEach((x, i) => expect(x).toBeCloseTo(vectors[1][i], 6));
  });

  it('puts a query closer to a passage sharing its characters than to unrelated text', async () => {
    const [query] = await embedder.embed(['物业服务'], { kind: 'query' });
    const [related, unrelated] = await embedder.embed(['积极推动社区物业服务提质增效', '高速公路通车总里程6706公里'], { kind: 'passage' });
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.1);
  });

  it('prepends the query prefix only for queries', async () => {
    const prefixed = await TransformersEmbedder.create({ model: tiny.modelName, modelPath: tiny.root, pooling: 'mean', queryPrefix: '查询：' });
    expect(prefixed.pooling).toBe('mean');
    const [asQuery] = await prefixed.embed(['乡村振兴'], { kind: 'query' });
    const [asPassage] = await prefixed.embed(['乡村振兴'], { kind: 'passage' });
    const [explicit] = await prefixed.embed(['查询：乡村振兴'], { kind: 'passage' });
    expect(Array.from(asQuery)).toEqual(Array.from(explicit));
    expect(dot(asQuery, asPassage)).toBeLessThan(0.999);
  });

  it('defaults to cls pooling and the Chinese instruction for bge model ids', async () => {
    // A folder named like the bge model but holding the tiny model: only the defaults are under test.
    const root = path.join(tiny.root, 'as-bge');
    const bgeLike = await buildTinyModel({ root, modelName: 'Xenova/bge-small-zh-v1.5' });
    const bge = await TransformersEmbedder.create({ modelPath: bgeLike.root });
    expect(bge.pooling).toBe('cls');
    expect(bge.queryPrefix).toBe('为这个句子生成表示以用于检索相关文章：');
  });

  it('fails with EMBEDDER_UNAVAILABLE naming the folder when the model is missing', async () => {
    const missing = path.join(tiny.root, 'nowhere');
    await expect(TransformersEmbedder.create({ model: 'Xenova/bge-small-zh-v1.5', modelPath: missing })).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringContaining(path.join(missing, 'Xenova/bge-small-zh-v1.5')),
    });
  });
});

// The real model (bge-small-zh-v1.5 in MODELS_DIR, fetched by npm run models) is tested in tests/search/realModel.test.ts.
