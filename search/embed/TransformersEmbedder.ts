import os from 'node:os';
import { AppError } from '../../graph/errors.js';
import type { Embedder, EmbedKind } from './Embedder.js';
import { findLocalModel } from './localModel.js';

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/bge-small-zh-v1.5';
export const BGE_ZH_QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';
export const BGE_EN_QUERY_PREFIX = 'Represent this sentence for searching relevant passages: ';

export interface TransformersEmbedderOptions {
  /** Model id (hub name, or folder name under modelPath). Default Xenova/bge-small-zh-v1.5. */
  readonly model?: string;
  /** Local folder holding <model>/config.json, tokenizer files and onnx/…; checked before anything remote. */
  readonly modelPath?: string;
  /** Allow downloading from remoteHost (or the Hugging Face hub) when the model is not local. Default false. */
  readonly allowRemote?: boolean;
  /** Hub mirror, like HF_ENDPOINT (e.g. https://hf-mirror.com). */
  readonly remoteHost?: string;
  /** Where downloads are cached. */
  readonly cacheDir?: string;
  /** 'cls' for bge models, 'mean' otherwise (the default follows the model id). */
  readonly pooling?: 'cls' | 'mean';
  /** Prepended to 'query' texts; default the bge instruction for bge models, '' otherwise. */
  readonly queryPrefix?: string;
  /** Use onnx/model_quantized.onnx; default: whichever exists locally (quantized first), true remotely. */
  readonly quantized?: boolean;
  /** Texts per forward pass. Default 16. */
  readonly batchSize?: number;
  /** onnxruntime intra-op threads. Default: the cores of this machine (os.availableParallelism). */
  readonly threads?: number;
}

type Extractor = (texts: string[], opts: { pooling: 'cls' | 'mean'; normalize: boolean }) => Promise<{ dims: number[]; data: Float32Array }>;
type TransformersModule = typeof import('@xenova/transformers');

/** transformers.js keeps its settings in one global env object: loads are serialized so they cannot mix. */
let loading: Promise<unknown> = Promise.resolve();

function isBge(model: string): boolean {
  return /bge/i.test(model);
}

/** Embeds with a transformers.js feature-extraction pipeline (onnxruntime-node), vectors L2-normalized. */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  /** The options it was created with, so a worker thread can load the same model (WorkerEmbedder). */
  createOptions: TransformersEmbedderOptions = {};

  private constructor(
    private readonly extractor: Extractor,
    readonly model: string,
    readonly dimension: number,
    readonly pooling: 'cls' | 'mean',
    readonly queryPrefix: string,
    private readonly batchSize: number,
    readonly source: string,
    quantized: boolean,
  ) {
    this.id = `transformers-${model.replace(/[^\w.-]+/g, '_')}-${pooling}${quantized ? '-q8' : ''}`;
  }

  /**
   * Loads the model: from modelPath when it is there, else (only with allowRemote) from the hub or
   * remoteHost. Failure is AppError EMBEDDER_UNAVAILABLE naming what was looked at.
   */
  static async create(options: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
    const model = options.model ?? DEFAULT_TRANSFORMERS_MODEL;
    const pooling = options.pooling ?? (isBge(model) ? 'cls' : 'mean');
    const queryPrefix = options.queryPrefix ?? (isBge(model) ? (/zh/i.test(model) ? BGE_ZH_QUERY_PREFIX : BGE_EN_QUERY_PREFIX) : '');
    const local = options.modelPath ? findLocalModel(options.modelPath, model) : undefined;
    if (!local?.found && !options.allowRemote) {
      const where = local && !local.found ? local.reason : 'no modelPath configured';
      throw new AppError('EMBEDDER_UNAVAILABLE', `Embedding model ${model} not found locally (${where}) and remote download is off`, {
        model,
        looked: local && !local.found ? local.looked : [],
      });
    }
    const quantized = options.quantized ?? (local?.found ? local.quantized : true);
    const modelName = local?.found ? local.modelName : model;
    const source = local?.found ? local.folder : `${options.remoteHost ?? 'https://huggingface.co/'}${model}`;

    const load = loading.then(async () => {
      const transformers: TransformersModule = await import('@xenova/transformers');
      const { env } = transformers;
      env.allowLocalModels = Boolean(local?.found);
      if (local?.found) env.localModelPath = local.localModelPath.endsWith('/') ? local.localModelPath : `${local.localModelPath}/`;
      env.allowRemoteModels = Boolean(options.allowRemote) && !local?.found;
      if (options.remoteHost) env.remoteHost = options.remoteHost.endsWith('/') ? options.remoteHost : `${options.remoteHost}/`;
      if (options.cacheDir) env.cacheDir = options.cacheDir;
      // transformers.js 2 passes no session options; its InferenceSession is onnxruntime-node's, so the
      // thread count is set by wrapping create() for the duration of this (serialized) load.
      const { InferenceSession } = (await import('onnxruntime-node')).default ?? (await import('onnxruntime-node'));
      const create = InferenceSession.create;
      const threads = Math.max(1, Math.floor(options.threads ?? os.availableParallelism()));
      const patched = (...args: unknown[]) => {
        const last = args.length - 1;
        const withThreads = { ...(args[last] as object), intraOpNumThreads: threads, interOpNumThreads: 1 };
        return (create as (...a: unknown[]) => unknown).apply(InferenceSession, [...args.slice(0, last), withThreads]);
      };
      InferenceSession.create = patched as typeof create;
      try {
        return await transformers.pipeline('feature-extraction', modelName, { quantized });
      } finally {
        InferenceSession.create = create;
      }
    });
    loading = load.catch(() => undefined);
    let extractor: Awaited<typeof load>;
    try {
      extractor = await load;
    } catch (error) {
      throw new AppError(
        'EMBEDDER_UNAVAILABLE',
        `Embedding model ${model} could not be loaded from ${source}: ${(error as Error).message}`,
        { model, source },
        { cause: error },
      );
    }
    const hidden = (extractor.model.config as { hidden_size?: unknown }).hidden_size;
    const run = extractor as unknown as Extractor;
    const dimension = typeof hidden === 'number' ? hidden : (await run(['a'], { pooling, normalize: true })).dims[1];
    const embedder = new TransformersEmbedder(run, model, dimension, pooling, queryPrefix, options.batchSize ?? 16, source, quantized);
    embedder.createOptions = { ...options, model, pooling, queryPrefix, quantized };
    return embedder;
  }

  async embed(texts: string[], opts: { kind: EmbedKind }): Promise<Float32Array[]> {
    const prefix = opts.kind === 'query' ? this.queryPrefix : '';
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      // onnxruntime-node runs a batch synchronously on this thread: let waiting requests in between batches.
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = texts.slice(start, start + this.batchSize).map((text) => prefix + text);
      const output = await this.extractor(batch, { pooling: this.pooling, normalize: true });
      const width = output.dims[output.dims.length - 1];
      if (width !== this.dimension) {
        throw new AppError('EMBEDDER_UNAVAILABLE', `Model ${this.model} returned vectors of dimension ${width}, expected ${this.dimension}`);
      }
      for (let i = 0; i < batch.length; i++) vectors.push(Float32Array.from(output.data.subarray(i * width, (i + 1) * width)));
    }
    return vectors;
  }
}
