import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import { buildTinyModel, type TinyModel } from '../../tests/fixtures/tiny-model/buildTinyModel.js';
import { chooseEmbedder, modelFolder, type ChooseEmbedderOptions } from './chooseEmbedder.js';
import type { Embedder } from './Embedder.js';
import { TransformersEmbedder } from './TransformersEmbedder.js';

const fakeCorpus: Embedder = { id: 'corpus-svd-fake', dimension: 3, embed: async (texts) => texts.map(() => Float32Array.of(1, 0, 0)) };

describe('chooseEmbedder', () => {
  let tiny: TinyModel;
  let empty: string;
  let corpusLoads = 0;

  beforeAll(async () => {
    tiny = await buildTinyModel();
    empty = await mkdtemp(path.join(os.tmpdir(), 'no-models-'));
  });
  afterAll(async () => {
    await rm(tiny.root, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  const options = (embedder: 'auto' | 'transformers' | 'corpus', modelPath: string, model = tiny.modelName): ChooseEmbedderOptions => ({
    config: { embedder, embeddingModel: model, embeddingModelPath: modelPath },
    loadCorpusEmbedder: async () => {
      corpusLoads++;
      return fakeCorpus;
    },
  });

  it('looks in the configured model path, which defaults to MODELS_DIR inside the project', () => {
    expect(modelFolder(options('auto', '/models/here'))).toBe('/models/here');
    const defaults = loadConfig({});
    expect(defaults.modelsDir).toBe(path.resolve(import.meta.dirname, '../../models'));
    expect(defaults.embeddingModelPath).toBe(defaults.modelsDir);
    expect(loadConfig({ MODELS_DIR: '/opt/m' }).embeddingModelPath).toBe('/opt/m');
    expect(loadConfig({ MODELS_DIR: '/opt/m', EMBEDDING_MODEL_PATH: '/elsewhere' })).toMatchObject({ modelsDir: '/opt/m', embeddingModelPath: '/elsewhere' });
  });

  it('uses the corpus embedder when told to, without touching any model', async () => {
    const before = corpusLoads;
    const chosen = await chooseEmbedder(options('corpus', tiny.root));
    expect(chosen).toMatchObject({ kind: 'corpus', embedder: fakeCorpus, reason: expect.stringContaining('EMBEDDER=corpus') });
    expect(corpusLoads).toBe(before + 1);
  });

  it('auto picks the local transformers model when the folder has one', async () => {
    const chosen = await chooseEmbedder(options('auto', tiny.root));
    expect(chosen.kind).toBe('transformers');
    expect(chosen.embedder).toBeInstanceOf(TransformersEmbedder);
    expect(chosen.embedder.dimension).toBe(tiny.hiddenSize);
    expect(chosen.reason).toContain(tiny.folder);
  });

  it('auto falls back to the corpus embedder, saying where it looked', async () => {
    const chosen = await chooseEmbedder(options('auto', empty, 'Xenova/bge-small-zh-v1.5'));
    expect(chosen.kind).toBe('corpus');
    expect(chosen.reason).toContain(path.join(empty, 'Xenova/bge-small-zh-v1.5'));
  });

  it('auto falls back when the local model is there but broken', async () => {
    const broken = await buildTinyModel({ root: path.join(empty, 'broken') });
    await writeFile(path.join(broken.folder, 'onnx', 'model.onnx'), 'not an onnx graph');
    const chosen = await chooseEmbedder(options('auto', broken.root));
    expect(chosen.kind).toBe('corpus');
    expect(chosen.reason).toMatch(/failed to load/);
  });

  it('EMBEDDER=transformers uses the local copy when present', async () => {
    const chosen = await chooseEmbedder(options('transformers', tiny.root));
    expect(chosen).toMatchObject({ kind: 'transformers', reason: expect.stringContaining('EMBEDDER=transformers') });
  });

  it('reports a folder that lacks files as the reason', async () => {
    const partial = path.join(empty, 'partial', 'm');
    await mkdir(partial, { recursive: true });
    await writeFile(path.join(partial, 'config.json'), '{}');
    const chosen = await chooseEmbedder(options('auto', path.join(empty, 'partial'), 'm'));
    expect(chosen.reason).toMatch(/lacks tokenizer\.json/);
  });
});
