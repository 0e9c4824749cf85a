import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { AppError } from '../../graph/errors.js';
import {
  META_FILE,
  VECTOR_INDEX_FORMAT_VERSION,
  checkIndexFile,
  indexInvalid,
  readMeta,
  sha256File,
  tempName,
  writeFileAtomic,
  type VectorIndexMeta,
} from './indexFiles.js';

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

export interface VectorIndexOptions {
  readonly dimension: number;
  /** The id of the embedder whose vectors go in; stored so a changed embedder is detected on load. */
  readonly embedderId: string;
  /** HNSW graph degree. Default 16. */
  readonly m?: number;
  /** Candidate list size while building. Default 200. */
  readonly efConstruction?: number;
  /** Candidate list size while searching (raised to k when k is larger). Default 64. */
  readonly efSearch?: number;
  /** Starting capacity; grows by doubling. Default 1024. */
  readonly initialCapacity?: number;
}

export interface VectorHit {
  readonly id: string;
  /** Cosine similarity (vectors are normalized): 1 is identical. */
  readonly score: number;
}

export type VectorIndexLoadResult =
  | { readonly status: 'loaded'; readonly index: VectorIndex }
  | { readonly status: 'missing'; readonly reason: string }
  /** Built by another embedder (or dimension): the caller must rebuild it from the passages. */
  | { readonly status: 'stale'; readonly reason: string; readonly embedderId: string; readonly dimension: number };

/** The vector scaled to length 1, as the index stores it (and the Neo4j store, so both hold the same numbers). */
export function unitArray(vector: ArrayLike<number>): number[] {
  const out = Array.from(vector);
  const norm = Math.sqrt(out.reduce((sum, v) => sum + v * v, 0));
  return norm > 0 ? out.map((v) => v / norm) : out;
}

/**
 * Approximate nearest-neighbour index (hnswlib HNSW, inner product on normalized vectors) keyed by passage
 * id strings. Removal marks entries deleted; their slots are reused by later additions.
 */
export class VectorIndex {
  readonly dimension: number;
  readonly embedderId: string;
  private readonly idToLabel = new Map<string, number>();
  private readonly labelToId = new Map<number, string>();
  private nextLabel = 0;
  private readonly efSearch: number;
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly hnsw: Hnsw,
    options: Pick<VectorIndexOptions, 'dimension' | 'embedderId' | 'efSearch'>,
  ) {
    this.dimension = options.dimension;
    this.embedderId = options.embedderId;
    this.efSearch = options.efSearch ?? 64;
  }

  static create(options: VectorIndexOptions): VectorIndex {
    if (!Number.isInteger(options.dimension) || options.dimension <= 0) {
      throw new AppError('BAD_REQUEST', `VectorIndex: dimension must be a positive integer, got ${options.dimension}`);
    }
    const hnsw = new hnswlib.HierarchicalNSW('ip', options.dimension);
    hnsw.initIndex({
      maxElements: Math.max(1, options.initialCapacity ?? 1024),
      m: options.m ?? 16,
      efConstruction: options.efConstruction ?? 200,
      randomSeed: 100,
      allowReplaceDeleted: true,
    });
    return new VectorIndex(hnsw, options);
  }

  /** Number of live (not removed) entries. */
  get size(): number {
    return this.idToLabel.size;
  }

  get capacity(): number {
    return this.hnsw.getMaxElements();
  }

  has(id: string): boolean {
    return this.idToLabel.has(id);
  }

  ids(): string[] {
    return [...this.idToLabel.keys()];
  }

  /** Adds or replaces vectors; an id already present gets the new vector. */
  add(ids: readonly string[], vectors: readonly ArrayLike<number>[]): void {
    if (ids.length !== vectors.length) {
      throw new AppError('BAD_REQUEST', `VectorIndex.add: ${ids.length} ids but ${vectors.length} vectors`);
    }
    vectors.forEach((vector, i) => {
      if (vector.length !== this.dimension) {
        throw new AppError('BAD_REQUEST', `VectorIndex.add: vector for ${ids[i]} has dimension ${vector.length}, expected ${this.dimension}`);
      }
    });
    ids.forEach((id, i) => {
      const point = unitArray(vectors[i]);
      const existing = this.idToLabel.get(id);
      if (existing !== undefined) {
        this.hnsw.addPoint(point, existing); // hnswlib updates a live label in place
        return;
      }
      const vacant = this.hnsw.getCurrentCount() - this.idToLabel.size;
      if (vacant === 0 && this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) {
        this.hnsw.resizeIndex(Math.max(1024, this.hnsw.getMaxElements() * 2));
      }
      const label = this.nextLabel++;
      this.hnsw.addPoint(point, label, true);
      this.idToLabel.set(id, label);
      this.labelToId.set(label, id);
    });
  }

  /** Removes ids (unknown ones are ignored); returns how many were removed. */
  remove(ids: readonly string[]): number {
    let removed = 0;
    for (const id of ids) {
      const label = this.idToLabel.get(id);
      if (label === undefined) continue;
      this.hnsw.markDelete(label);
      this.idToLabel.delete(id);
      this.labelToId.delete(label);
      removed++;
    }
    return removed;
  }

  /** The stored (unit, 32-bit) vector of a live entry. */
  vectorOf(id: string): number[] | undefined {
    const label = this.idToLabel.get(id);
    return label === undefined ? undefined : this.hnsw.getPoint(label);
  }

  /**
   * The k nearest live entries by cosine similarity, best first. With a filter, only ids it accepts are
   * returned (HNSW may then find fewer than k when the filter rejects most entries). A zero vector finds nothing.
   */
  search(vector: ArrayLike<number>, k: number, filter?: (id: string) => boolean): VectorHit[] {
    if (vector.length !== this.dimension) {
      throw new AppError('BAD_REQUEST', `VectorIndex.search: query has dimension ${vector.length}, expected ${this.dimension}`);
    }
    const wanted = Math.min(Math.floor(k), this.size);
    const query = unitArray(vector);
    if (wanted <= 0 || query.every((v) => v === 0)) return [];
    this.hnsw.setEf(Math.max(this.efSearch, wanted));
    const accept = filter
      ? (label: number) => {
          const id = this.labelToId.get(label);
          return id !== undefined && filter(id);
        }
      : undefined;
    const { distances, neighbors } = this.hnsw.searchKnn(query, wanted, accept);
    const hits: VectorHit[] = [];
    neighbors.forEach((label, i) => {
      const id = this.labelToId.get(label);
      if (id !== undefined) hits.push({ id, score: 1 - distances[i] });
    });
    return hits;
  }

  /**
   * Saves atomically: the index goes to a new generation file (temp + rename), then meta.json naming it and
   * its checksum replaces the old one by rename; older generation files are removed afterwards.
   */
  save(dir: string): Promise<void> {
    const run = this.saving.then(() => this.writeGeneration(dir));
    this.saving = run.catch(() => undefined); // saves of one index run one after another
    return run;
  }

  private async writeGeneration(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const earlier = (await readdir(dir)).filter((name) => /^index-.*\.hnsw$/.test(name));
    const indexFile = `index-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.hnsw`;
    const target = path.join(dir, indexFile);
    const temp = tempName(target);
    // The labels are taken before hnswlib writes on its own thread, so meta.json describes the file written.
    const labels = [...this.idToLabel.entries()];
    const nextLabel = this.nextLabel;
    try {
      await this.hnsw.writeIndex(temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const meta: VectorIndexMeta = {
      formatVersion: VECTOR_INDEX_FORMAT_VERSION,
      embedderId: this.embedderId,
      dimension: this.dimension,
      space: 'ip',
      indexFile,
      indexSha256: await sha256File(target),
      capacity: this.hnsw.getMaxElements(),
      nextLabel,
      labels,
    };
    await writeFileAtomic(path.join(dir, META_FILE), JSON.stringify(meta));
    // Only generations that existed before this save: a concurrent writer's new file is left alone.
    for (const name of earlier) await rm(path.join(dir, name), { force: true });
  }

  /**
   * Loads an index saved by save(). 'missing' when the directory holds none, 'stale' when it was built by
   * another embedder or dimension (rebuild it); a corrupt meta.json or index file throws AppError
   * INDEX_INVALID naming the file.
   */
  static async load(
    dir: string,
    expectedEmbedderId: string,
    options: { efSearch?: number; expectedDimension?: number } = {},
  ): Promise<VectorIndexLoadResult> {
    const meta = await readMeta(dir);
    if (meta === null) return { status: 'missing', reason: `no ${META_FILE} in ${dir}` };
    const { embedderId, dimension } = meta;
    if (embedderId !== expectedEmbedderId || (options.expectedDimension !== undefined && dimension !== options.expectedDimension)) {
      const reason = `index in ${dir} was built by embedder ${embedderId} (dimension ${dimension}); the current one is ${expectedEmbedderId}`;
      return { status: 'stale', reason, embedderId, dimension };
    }
    const file = await checkIndexFile(dir, meta);
    const hnsw = new hnswlib.HierarchicalNSW('ip', dimension);
    try {
      await hnsw.readIndex(file, true);
    } catch (error) {
      throw indexInvalid(file, 'hnswlib could not read the index', error);
    }
    if (hnsw.getNumDimensions() !== dimension || hnsw.getCurrentCount() < meta.labels.length) {
      throw indexInvalid(file, 'index does not match meta.json (dimension or element count)');
    }
    const index = new VectorIndex(hnsw, { dimension, embedderId, efSearch: options.efSearch });
    for (const [id, label] of meta.labels) {
      index.idToLabel.set(id, label);
      index.labelToId.set(label, id);
    }
    index.nextLabel = meta.nextLabel;
    return { status: 'loaded', index };
  }
}
