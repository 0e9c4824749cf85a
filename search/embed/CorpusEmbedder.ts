import type { Embedder, EmbedKind } from './Embedder.js';
import { l2NormalizeInPlace } from './l2Normalize.js';
import { readCorpusModel, writeCorpusModel, type CorpusModel, type CorpusTrainingSummary } from './corpus/modelFile.js';
import { passagesFingerprint } from './corpus/passagesFingerprint.js';
import { TermIndex } from './corpus/terms.js';
import {
  sifAverage,
  trainCorpusModel,
  type CorpusTrainingOptions,
  type CorpusTrainingPassage,
} from './corpus/trainCorpusModel.js';

export type { CorpusTrainingOptions, CorpusTrainingPassage } from './corpus/trainCorpusModel.js';
export type { CorpusTrainingSummary } from './corpus/modelFile.js';

/** The word tokenizer used both for the training passages' tokens and at embed time. */
export type Tokenize = (text: string) => string[];

export interface CorpusEmbedderOptions extends CorpusTrainingOptions {
  readonly tokenize: Tokenize;
}

/**
 * An embedder trained from the corpus itself, needing no download: LSA term vectors (truncated SVD of a
 * TF-IDF passage × term matrix over words and Han character bigrams); a text's vector is the SIF-weighted
 * mean of its term vectors with the corpus' common component removed, L2-normalized. Texts with no known
 * term get the zero vector.
 */
export class CorpusEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly termIndex: TermIndex;

  private constructor(
    private readonly model: CorpusModel,
    private readonly tokenize: Tokenize,
  ) {
    this.id = model.header.id;
    this.dimension = model.header.dimension;
    this.termIndex = new TermIndex(model.header.vocabulary);
  }

  /** Order-independent hash of passage texts; compare with trainedOn.fingerprint to see if a retrain is due. */
  static fingerprint(texts: Iterable<string>): string {
    return passagesFingerprint(texts);
  }

  /**
   * Trains on passages whose tokens came from opts.tokenize. Synchronous and CPU-bound. Fewer than 2
   * passages (or shared terms) is AppError EMBEDDER_UNAVAILABLE.
   */
  static train(passages: readonly CorpusTrainingPassage[], opts: CorpusEmbedderOptions): CorpusEmbedder {
    const { tokenize, ...training } = opts;
    return new CorpusEmbedder(trainCorpusModel(passages, training), tokenize);
  }

  /** Loads a saved model; a missing or corrupt file is AppError EMBEDDER_UNAVAILABLE naming the file. */
  static async load(file: string, opts: { tokenize: Tokenize }): Promise<CorpusEmbedder> {
    return new CorpusEmbedder(await readCorpusModel(file), opts.tokenize);
  }

  /** Writes the model atomically (temp file + rename). */
  save(file: string): Promise<void> {
    return writeCorpusModel(file, this.model);
  }

  /** How many passages and term occurrences the model was trained on, and their fingerprint. */
  get trainedOn(): CorpusTrainingSummary {
    return this.model.header.trainedOn;
  }

  get vocabularySize(): number {
    return this.model.header.vocabulary.length;
  }

  /** Query and passage texts are embedded alike. */
  async embed(texts: string[], _opts: { kind: EmbedKind }): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): Float32Array {
    const { termVectors, termWeights, principalComponent } = this.model;
    const dimension = this.dimension;
    const ids = this.termIndex.ids(this.tokenize(text), text, this.model.header.charBigrams);
    const mean = new Float64Array(dimension);
    sifAverage(ids, termVectors, termWeights, dimension, mean);
    let projection = 0;
    for (let j = 0; j < dimension; j++) projection += mean[j] * principalComponent[j];
    for (let j = 0; j < dimension; j++) mean[j] -= projection * principalComponent[j];
    l2NormalizeInPlace(mean);
    return Float32Array.from(mean);
  }
}
