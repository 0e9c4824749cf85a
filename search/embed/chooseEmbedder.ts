import path from 'node:path';
import type { Config } from '../../graph/config.js';
import { isAppError } from '../../graph/errors.js';
import type { Embedder } from './Embedder.js';
import { findLocalModel } from './localModel.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './TransformersEmbedder.js';

export interface ChooseEmbedderOptions {
  /** embeddingModelPath is EMBEDDING_MODEL_PATH, else MODELS_DIR (where `npm run models` puts the model). */
  readonly config: Pick<Config, 'embedder' | 'embeddingModel' | 'embeddingModelPath' | 'hfEndpoint'>;
  /** Loads or trains the corpus embedder; only called when that is the one chosen. */
  readonly loadCorpusEmbedder: () => Promise<Embedder>;
  /** Extra transformers settings (pooling, queryPrefix, cacheDir, batchSize). */
  readonly transformers?: Omit<TransformersEmbedderOptions, 'model' | 'modelPath' | 'allowRemote' | 'remoteHost'>;
}

export interface ChosenEmbedder {
  readonly embedder: Embedder;
  readonly kind: 'transformers' | 'corpus';
  /** A sentence for logs and the UI: which embedder is active and why. */
  readonly reason: string;
}

/** The folder searched for local models. */
export function modelFolder(options: Pick<ChooseEmbedderOptions, 'config'>): string {
  return path.resolve(options.config.embeddingModelPath);
}

/**
 * EMBEDDER=corpus → the corpus embedder. EMBEDDER=transformers → the transformers model from the local
 * folder, else downloaded from HF_ENDPOINT or the hub; failure is AppError EMBEDDER_UNAVAILABLE.
 * EMBEDDER=auto → the transformers model when the local folder has a usable copy (never downloads), the
 * corpus embedder otherwise or when the local model fails to load.
 */
export async function chooseEmbedder(options: ChooseEmbedderOptions): Promise<ChosenEmbedder> {
  const { config } = options;
  const folder = modelFolder(options);
  const local = findLocalModel(folder, config.embeddingModel);
  const corpus = async (why: string): Promise<ChosenEmbedder> => ({
    embedder: await options.loadCorpusEmbedder(),
    kind: 'corpus',
    reason: `Using the corpus-trained embedder (LSA over words and character bigrams): ${why}.`,
  });
  const transformers = (allowRemote: boolean) =>
    TransformersEmbedder.create({
      ...options.transformers,
      model: config.embeddingModel,
      modelPath: folder,
      allowRemote,
      remoteHost: config.hfEndpoint,
    });

  if (config.embedder === 'corpus') return corpus('EMBEDDER=corpus');

  if (config.embedder === 'transformers') {
    const embedder = await transformers(true);
    const from = local.found ? `the local copy in ${local.folder}` : `a download from ${config.hfEndpoint ?? 'the Hugging Face hub'}`;
    return { embedder, kind: 'transformers', reason: `Using transformers model ${config.embeddingModel} from ${from} (EMBEDDER=transformers).` };
  }

  if (!local.found) return corpus(`EMBEDDER=auto and no usable local copy of ${config.embeddingModel} (${local.reason})`);
  try {
    const embedder = await transformers(false);
    return {
      embedder,
      kind: 'transformers',
      reason: `Using transformers model ${config.embeddingModel} from ${local.folder} (EMBEDDER=auto found a local copy).`,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return corpus(`EMBEDDER=auto found ${local.folder} but it failed to load: ${error.message}`);
  }
}
