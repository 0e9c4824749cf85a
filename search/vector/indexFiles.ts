import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../graph/errors.js';

/** On-disk layout of a vector index directory: meta.json names the generation's index file. */
export const VECTOR_INDEX_FORMAT_VERSION = 1;
export const META_FILE = 'meta.json';

export interface VectorIndexMeta {
  readonly formatVersion: number;
  readonly embedderId: string;
  readonly dimension: number;
  readonly space: 'ip';
  /** File name (inside the directory) of the hnswlib index this meta belongs to. */
  readonly indexFile: string;
  /** sha256 of the index file, checked before hnswlib reads it. */
  readonly indexSha256: string;
  readonly capacity: number;
  readonly nextLabel: number;
  /** [passage id, hnswlib label] for every live entry. */
  readonly labels: ReadonlyArray<readonly [string, number]>;
}

export { tempName, writeFileAtomic } from '../../graph/writeFileAtomic.js';

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

function invalid(file: string, reason: string, cause?: unknown): AppError {
  return new AppError('INDEX_INVALID', `${file}: ${reason}`, { file, reason }, { cause });
}

/** Reads meta.json; null when there is none; AppError INDEX_INVALID naming the file when it is unusable. */
export async function readMeta(dir: string): Promise<VectorIndexMeta | null> {
  const file = path.join(dir, META_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw invalid(file, 'unreadable', error);
  }
  let meta: VectorIndexMeta;
  try {
    meta = JSON.parse(text) as VectorIndexMeta;
  } catch (error) {
    throw invalid(file, 'not valid JSON', error);
  }
  if (typeof meta !== 'object' || meta === null) throw invalid(file, 'not a JSON object');
  if (meta.formatVersion !== VECTOR_INDEX_FORMAT_VERSION) {
    throw invalid(file, `format version ${String(meta.formatVersion)}, expected ${VECTOR_INDEX_FORMAT_VERSION}`);
  }
  const wellFormed =
    typeof meta.embedderId === 'string' &&
    Number.isInteger(meta.dimension) &&
    meta.dimension > 0 &&
    typeof meta.indexFile === 'string' &&
    path.basename(meta.indexFile) === meta.indexFile &&
    typeof meta.indexSha256 === 'string' &&
    Number.isInteger(meta.capacity) &&
    Number.isInteger(meta.nextLabel) &&
    Array.isArray(meta.labels) &&
    meta.labels.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]));
  if (!wellFormed) throw invalid(file, 'missing or malformed fields');
  return meta;
}

export async function checkIndexFile(dir: string, meta: VectorIndexMeta): Promise<string> {
  const file = path.join(dir, meta.indexFile);
  let digest: string;
  try {
    digest = await sha256File(file);
  } catch (error) {
    throw invalid(file, 'index file named by meta.json is missing or unreadable', error);
  }
  if (digest !== meta.indexSha256) throw invalid(file, 'checksum does not match meta.json (corrupt or partly written)');
  return file;
}

export { invalid as indexInvalid };
