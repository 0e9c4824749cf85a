import { AppError } from '../../graph/errors.js';
import type { Neo4jPassageIndex } from '../../graph/neo4j/passageIndex.js';
import type { Embedder } from '../embed/Embedder.js';
import { unitArray, type VectorHit } from '../vector/VectorIndex.js';

/**
 * Passage vectors kept in Neo4j, behind the synchronous surface VectorSync drives (has, ids, add,
 * remove, save): the ids are mirrored in memory, writes go to the database in order, and save()
 * waits for them (and reports the first failure), as VectorIndex.save makes its additions durable.
 * Search goes through Neo4jSearchIndex, never through this mirror.
 */
export class Neo4jVectorStore {
  private readonly present: Set<string>;
  private pending: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(
    private readonly passages: Neo4jPassageIndex,
    readonly embedderId: string,
    readonly dimension: number,
    ids: string[],
  ) {
    this.present = new Set(ids);
  }

  /** Creates the vector index for the embedder's dimension and reads which passages already have a vector. */
  static async open(passages: Neo4jPassageIndex, embedder: Pick<Embedder, 'id' | 'dimension'>): Promise<Neo4jVectorStore> {
    await passages.ensureVectorIndex(embedder.dimension);
    return new Neo4jVectorStore(passages, embedder.id, embedder.dimension, await passages.vectorIds(embedder.id));
  }

  /** Re-reads the ids: another server may have embedded (or a delete removed) passages meanwhile. */
  async reload(): Promise<void> {
    await this.save();
    const ids = await this.passages.vectorIds(this.embedderId);
    this.present.clear();
    for (const id of ids) this.present.add(id);
  }

  get size(): number {
    return this.present.size;
  }

  has(id: string): boolean {
    return this.present.has(id);
  }

  ids(): string[] {
    return [...this.present];
  }

  add(ids: readonly string[], vectors: readonly ArrayLike<number>[]): void {
    if (ids.length !== vectors.length) throw new AppError('BAD_REQUEST', `Neo4jVectorStore.add: ${ids.length} ids but ${vectors.length} vectors`);
    vectors.forEach((vector, i) => {
      if (vector.length !== this.dimension) {
        throw new AppError('BAD_REQUEST', `Neo4jVectorStore.add: vector for ${ids[i]} has dimension ${vector.length}, expected ${this.dimension}`);
      }
    });
    for (const id of ids) this.present.add(id);
    const copy = [...ids];
    // Stored as the embedded index stores them (unit length, 32-bit), so exact ranking sees the same numbers.
    const list = vectors.map((v) => Float32Array.from(unitArray(v)));
    this.enqueue(() => this.passages.setVectors(this.embedderId, copy, list));
  }

  remove(ids: readonly string[]): number {
    const gone = ids.filter((id) => this.present.delete(id));
    if (gone.length > 0) this.enqueue(() => this.passages.removeVectors(gone));
    return gone.length;
  }

  /** Not used for retrieval (Neo4jSearchIndex asks the database); here so the store stands in for a VectorIndex. */
  search(): VectorHit[] {
    throw new AppError('BAD_REQUEST', 'Neo4jVectorStore.search: search through Neo4jSearchIndex');
  }

  /** Waits for every write so far; the directory is unused (the vectors live in the database). */
  async save(_dir?: string): Promise<void> {
    await this.pending;
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private enqueue(write: () => Promise<void>): void {
    this.pending = this.pending.then(write).catch((error: Error) => {
      this.failure ??= error;
    });
  }
}
