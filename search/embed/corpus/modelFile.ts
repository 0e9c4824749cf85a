import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../../graph/writeFileAtomic.js';
import { AppError } from '../../../graph/errors.js';

/**
 * Binary file of a trained corpus embedder:
 *   8 bytes magic "PACORPUS" | uint32 LE format version | uint32 LE header byte length | header JSON (UTF-8)
 *   | zero padding to a multiple of 4 | float32 LE term vectors (terms × dimension) | float32 term weights
 *   | float32 principal component (dimension).
 */
export const CORPUS_MODEL_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('PACORPUS', 'latin1');

export interface CorpusTrainingSummary {
  readonly passages: number;
  readonly termOccurrences: number;
  /** passagesFingerprint of the training texts. */
  readonly fingerprint: string;
}

export interface CorpusModelHeader {
  readonly formatVersion: number;
  readonly id: string;
  readonly dimension: number;
  readonly charBigrams: boolean;
  readonly sifA: number;
  readonly vocabulary: readonly string[];
  readonly trainedOn: CorpusTrainingSummary;
}

export interface CorpusModel {
  readonly header: CorpusModelHeader;
  /** Row-major terms × dimension. */
  readonly termVectors: Float32Array;
  /** SIF weight a / (a + p(term)) per term. */
  readonly termWeights: Float32Array;
  /** The common direction removed from every vector (zero when none). */
  readonly principalComponent: Float32Array;
}

/** A content hash over everything that shapes the vectors: same model ⇔ same id. */
export function corpusModelId(model: Omit<CorpusModel, 'header'> & { header: Omit<CorpusModelHeader, 'id' | 'trainedOn'> }): string {
  const hash = createHash('sha256');
  const { header } = model;
  hash.update(JSON.stringify([header.formatVersion, header.dimension, header.charBigrams, header.sifA]));
  hash.update(header.vocabulary.join('\n'));
  for (const array of [model.termVectors, model.termWeights, model.principalComponent]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return `corpus-svd-${header.dimension}-${hash.digest('hex').slice(0, 16)}`;
}

function float32Bytes(array: Float32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Writes the model atomically: a temp file beside the target, then rename. */
export async function writeCorpusModel(file: string, model: CorpusModel): Promise<void> {
  const headerBytes = Buffer.from(JSON.stringify(model.header), 'utf8');
  const prefix = Buffer.alloc(16);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(CORPUS_MODEL_FORMAT_VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  const padding = Buffer.alloc((4 - ((16 + headerBytes.length) % 4)) % 4);
  const body = Buffer.concat([
    prefix,
    headerBytes,
    padding,
    float32Bytes(model.termVectors),
    float32Bytes(model.termWeights),
    float32Bytes(model.principalComponent),
  ]);
  await writeFileAtomic(file, body);
}

function invalid(file: string, reason: string, cause?: unknown): AppError {
  return new AppError('EMBEDDER_UNAVAILABLE', `${file}: not a usable corpus embedder model (${reason})`, { file, reason }, { cause });
}

function readFloats(buffer: Buffer, offset: number, count: number): Float32Array {
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(buffer.subarray(offset, offset + count * 4));
  return out;
}

/** Reads and verifies a model file; any problem is an EMBEDDER_UNAVAILABLE error naming the file. */
export async function readCorpusModel(file: string): Promise<CorpusModel> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    throw invalid(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'unreadable', error);
  }
  if (buffer.length < 16 || !buffer.subarray(0, 8).equals(MAGIC)) throw invalid(file, 'bad magic bytes');
  const version = buffer.readUInt32LE(8);
  if (version !== CORPUS_MODEL_FORMAT_VERSION) {
    throw invalid(file, `format version ${version}, expected ${CORPUS_MODEL_FORMAT_VERSION}`);
  }
  const headerLength = buffer.readUInt32LE(12);
  if (16 + headerLength > buffer.length) throw invalid(file, 'truncated header');
  let header: CorpusModelHeader;
  try {
    header = JSON.parse(buffer.subarray(16, 16 + headerLength).toString('utf8')) as CorpusModelHeader;
  } catch (error) {
    throw invalid(file, 'header is not JSON', error);
  }
  if (!Number.isInteger(header?.dimension) || header.dimension <= 0 || !Array.isArray(header.vocabulary)) {
    throw invalid(file, 'header lacks dimension or vocabulary');
  }
  const terms = header.vocabulary.length;
  const start = 16 + headerLength + ((4 - ((16 + headerLength) % 4)) % 4);
  const expected = start + 4 * (terms * header.dimension + terms + header.dimension);
  if (buffer.length !== expected) throw invalid(file, `size ${buffer.length} bytes, expected ${expected}`);
  const termVectors = readFloats(buffer, start, terms * header.dimension);
  const termWeights = readFloats(buffer, start + termVectors.byteLength, terms);
  const principalComponent = readFloats(buffer, start + termVectors.byteLength + termWeights.byteLength, header.dimension);
  const model: CorpusModel = { header, termVectors, termWeights, principalComponent };
  if (corpusModelId(model) !== header.id) throw invalid(file, 'content does not match its id (corrupt)');
  return model;
}
