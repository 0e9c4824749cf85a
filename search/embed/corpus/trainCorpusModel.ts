import { AppError } from '../../../graph/errors.js';
import { CsrMatrix } from './CsrMatrix.js';
import { CORPUS_MODEL_FORMAT_VERSION, corpusModelId, type CorpusModel } from './modelFile.js';
import { passagesFingerprint } from './passagesFingerprint.js';
import { randomizedSvd } from './randomizedSvd.js';
import { bigramTerm, forEachTerm } from './terms.js';

export interface CorpusTrainingPassage {
  readonly text: string;
  /** The tokenizer's words for text (the same tokenizer must be used at embed time). */
  readonly tokens: readonly string[];
}

export interface CorpusTrainingOptions {
  /** Requested vector dimension; a small corpus may yield fewer components. Default 128. */
  readonly dimension?: number;
  /** Vocabulary cap, most widespread terms first. Default 30 000. */
  readonly maxTerms?: number;
  /** A term must occur in at least this many passages. Default 2. */
  readonly minDocFrequency?: number;
  /** Add Han character bigrams to the words. Default true. */
  readonly charBigrams?: boolean;
  /** SIF smoothing a in a / (a + p(w)). Default 1e-3. */
  readonly sifA?: number;
  /** Power iterations of the randomized SVD. Default 1. */
  readonly powerIterations?: number;
  readonly seed?: number;
}

interface Counts {
  readonly docs: Int32Array[];
  /** A word, or the numeric key of a bigram. */
  readonly terms: (string | number)[];
  readonly counts: number[];
  readonly docFrequency: number[];
}

function countTerms(passages: readonly CorpusTrainingPassage[], charBigrams: boolean): Counts {
  const wordIds = new Map<string, number>();
  const bigramIds = new Map<number, number>();
  const terms: (string | number)[] = [];
  const counts: number[] = [];
  const docFrequency: number[] = [];
  const lastDoc: number[] = [];
  let current: number[] = [];
  let d = 0;
  const occur = (id: number) => {
    counts[id]++;
    if (lastDoc[id] !== d) {
      lastDoc[id] = d;
      docFrequency[id]++;
    }
    current.push(id);
  };
  const fresh = (term: string | number) => {
    terms.push(term);
    counts.push(0);
    docFrequency.push(0);
    lastDoc.push(-1);
    return terms.length - 1;
  };
  const visitor = {
    word: (term: string) => {
      let id = wordIds.get(term);
      if (id === undefined) wordIds.set(term, (id = fresh(term)));
      occur(id);
    },
    bigram: (key: number) => {
      let id = bigramIds.get(key);
      if (id === undefined) bigramIds.set(key, (id = fresh(key)));
      occur(id);
    },
  };
  const docs = passages.map((passage, index) => {
    d = index;
    current = [];
    forEachTerm(passage.tokens, passage.text, charBigrams, visitor);
    return Int32Array.from(current);
  });
  return { docs, terms, counts, docFrequency };
}

/** Ids of the kept terms, most widespread first, and their vocabulary strings. */
function chooseVocabulary(c: Counts, minDocFrequency: number, maxTerms: number): { ids: number[]; vocabulary: string[] } {
  const candidates: number[] = [];
  for (let id = 0; id < c.terms.length; id++) if (c.docFrequency[id] >= minDocFrequency) candidates.push(id);
  const text = new Map(candidates.map((id) => [id, termString(c.terms[id])]));
  candidates.sort((a, b) => {
    const byFrequency = c.docFrequency[b] - c.docFrequency[a] || c.counts[b] - c.counts[a];
    if (byFrequency !== 0) return byFrequency;
    const ta = text.get(a)!;
    const tb = text.get(b)!;
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  const ids = candidates.slice(0, maxTerms);
  return { ids, vocabulary: ids.map((id) => text.get(id)!) };
}

function termString(term: string | number): string {
  return typeof term === 'string' ? term : bigramTerm(term);
}

/** Passage × term matrix, (1 + ln tf) · idf, rows L2-normalized; doc ids already remapped to vocabulary ids. */
function tfidfMatrix(docs: readonly Int32Array[], vocabularySize: number, docFrequency: Float64Array): CsrMatrix {
  const n = docs.length;
  const idf = docFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const rowPtr = new Int32Array(n + 1);
  const tf = new Float64Array(vocabularySize);
  const touched: number[] = [];
  const colChunks: Int32Array[] = [];
  const valueChunks: Float32Array[] = [];
  docs.forEach((ids, d) => {
    touched.length = 0;
    for (const id of ids) {
      if (tf[id] === 0) touched.push(id);
      tf[id]++;
    }
    const cols = Int32Array.from(touched);
    const values = new Float32Array(cols.length);
    let norm = 0;
    cols.forEach((id, i) => {
      const w = (1 + Math.log(tf[id])) * idf[id];
      values[i] = w;
      norm += w * w;
      tf[id] = 0;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
    colChunks.push(cols);
    valueChunks.push(values);
    rowPtr[d + 1] = rowPtr[d] + cols.length;
  });
  const colIdx = new Int32Array(rowPtr[n]);
  const values = new Float32Array(rowPtr[n]);
  colChunks.forEach((cols, d) => {
    colIdx.set(cols, rowPtr[d]);
    values.set(valueChunks[d], rowPtr[d]);
  });
  return new CsrMatrix(n, vocabularySize, rowPtr, colIdx, values);
}

/** Mean SIF-weighted term vector of one passage, accumulated into out (zero when no known term). */
export function sifAverage(ids: ArrayLike<number>, termVectors: Float32Array, termWeights: Float32Array, dimension: number, out: Float64Array): void {
  out.fill(0);
  if (ids.length === 0) return;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const w = termWeights[id];
    const base = id * dimension;
    for (let j = 0; j < dimension; j++) out[j] += w * termVectors[base + j];
  }
  for (let j = 0; j < dimension; j++) out[j] /= ids.length;
}

/** First principal direction (uncentered) of the passage vectors, by power iteration. */
function principalComponent(vectors: Float64Array, count: number, dimension: number, seed: number): Float32Array {
  let u = new Float64Array(dimension).map((_, j) => Math.sin(seed + j + 1));
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(dimension);
    for (let r = 0; r < count; r++) {
      const base = r * dimension;
      let projection = 0;
      for (let j = 0; j < dimension; j++) projection += vectors[base + j] * u[j];
      for (let j = 0; j < dimension; j++) next[j] += projection * vectors[base + j];
    }
    const norm = Math.hypot(...next);
    if (norm === 0) return new Float32Array(dimension);
    let change = 0;
    for (let j = 0; j < dimension; j++) {
      next[j] /= norm;
      change += Math.abs(next[j] - u[j]);
    }
    u = next;
    if (change < 1e-7) break;
  }
  return Float32Array.from(u);
}

/** Trains LSA term vectors (randomized SVD of TF-IDF) plus SIF weights and the common component to remove. */
export function trainCorpusModel(passages: readonly CorpusTrainingPassage[], options: CorpusTrainingOptions = {}): CorpusModel {
  const charBigrams = options.charBigrams ?? true;
  const sifA = options.sifA ?? 1e-3;
  const seed = options.seed ?? 42;
  const counted = countTerms(passages, charBigrams);
  const { ids: chosen, vocabulary } = chooseVocabulary(counted, options.minDocFrequency ?? 2, options.maxTerms ?? 30_000);
  if (chosen.length < 2 || passages.length < 2) {
    throw new AppError(
      'EMBEDDER_UNAVAILABLE',
      `The corpus embedder needs at least 2 passages sharing at least 2 terms to train (got ${passages.length} passages, ${chosen.length} shared terms): ingest documents first`,
      { passages: passages.length, terms: chosen.length },
    );
  }
  const remap = new Int32Array(counted.terms.length).fill(-1);
  chosen.forEach((id, newId) => (remap[id] = newId));
  const docs = counted.docs.map((ids) => {
    const kept = new Int32Array(ids.length);
    let n = 0;
    for (const id of ids) if (remap[id] >= 0) kept[n++] = remap[id];
    return kept.subarray(0, n);
  });
  const docFrequency = Float64Array.from(chosen, (id) => counted.docFrequency[id]);
  const total = chosen.reduce((sum, id) => sum + counted.counts[id], 0);
  const termWeights = Float32Array.from(chosen, (id) => sifA / (sifA + counted.counts[id] / total));

  const svd = randomizedSvd(tfidfMatrix(docs, vocabulary.length, docFrequency), options.dimension ?? 128, {
    powerIterations: options.powerIterations ?? 1,
    seed,
  });
  const dimension = svd.rank;
  const termVectors = Float32Array.from(svd.scaledRightVectors);

  const sampleStep = Math.max(1, Math.ceil(docs.length / 5_000)); // the common direction is stable well before that
  const sample = docs.filter((_, i) => i % sampleStep === 0);
  const vectors = new Float64Array(sample.length * dimension);
  const scratch = new Float64Array(dimension);
  sample.forEach((ids, r) => {
    sifAverage(ids, termVectors, termWeights, dimension, scratch);
    vectors.set(scratch, r * dimension);
  });
  const pc = principalComponent(vectors, sample.length, dimension, seed);

  const headerBase = { formatVersion: CORPUS_MODEL_FORMAT_VERSION, dimension, charBigrams, sifA, vocabulary };
  const id = corpusModelId({ header: headerBase, termVectors, termWeights, principalComponent: pc });
  return {
    header: {
      ...headerBase,
      id,
      trainedOn: { passages: passages.length, termOccurrences: total, fingerprint: passagesFingerprint(passages.map((p) => p.text)) },
    },
    termVectors,
    termWeights,
    principalComponent: pc,
  };
}
