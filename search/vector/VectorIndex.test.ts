import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../embed/corpus/denseLinalg.js';
import { VectorIndex } from './VectorIndex.js';

const DIM = 16;

function randomVectors(count: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: DIM }, () => random() * 2 - 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

function bruteForce(vectors: Float32Array[], ids: string[], query: Float32Array, k: number): string[] {
  return ids
    .map((id, i) => [id, vectors[i].reduce((s, x, j) => s + x * query[j], 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([id]) => id);
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vector-index-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('VectorIndex', () => {
  const vectors = randomVectors(300, 7);
  const ids = vectors.map((_, i) => `psg-${i}`);

  it('finds each stored vector as its own nearest neighbour and agrees with brute force', () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    index.add(ids, vectors);
    expect(index.size).toBe(300);
    for (const i of [0, 17, 150, 299]) {
      const hits = index.search(vectors[i], 5);
      expect(hits[0]).toEqual({ id: ids[i], score: expect.closeTo(1, 5) });
      expect(hits.map((h) => h.id)).toEqual(bruteForce(vectors, ids, vectors[i], 5));
    }
  });

  it('grows past its initial capacity', () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1', initialCapacity: 10 });
    index.add(ids, vectors);
    expect(index.size).toBe(300);
    expect(index.capacity).toBeGreaterThanOrEqual(300);
    expect(index.search(vectors[250], 1)[0].id).toBe('psg-250');
  });

  it('removes ids, reuses their slots, and replaces a re-added id in place', () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1', initialCapacity: 300 });
    index.add(ids, vectors);
    expect(index.remove(['psg-3', 'psg-4', 'nope'])).toBe(2);
    expect(index.has('psg-3')).toBe(false);
    expect(index.search(vectors[3], 10).map((h) => h.id)).not.toContain('psg-3');
    const fresh = randomVectors(2, 99);
    index.add(['new-a', 'new-b'], fresh);
    expect(index.capacity).toBe(300); // the two deleted slots were reused
    expect(index.search(fresh[1], 1)[0].id).toBe('new-b');
    index.add(['psg-10'], [vectors[20]]);
    expect(index.size).toBe(300);
    expect(index.search(vectors[20], 2).map((h) => h.id).sort()).toEqual(['psg-10', 'psg-20']);
  });

  it('applies a filter on ids and clamps k', () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    index.add(ids.slice(0, 50), vectors.slice(0, 50));
    const even = index.search(vectors[1], 10, (id) => Number(id.split('-')[1]) % 2 === 0);
    expect(even).toHaveLength(10);
    expect(even.every((h) => Number(h.id.split('-')[1]) % 2 === 0)).toBe(true);
    expect(index.search(vectors[1], 500)).toHaveLength(50);
    expect(index.search(new Float32Array(DIM), 5)).toEqual([]);
  });

  it('rejects vectors of the wrong dimension', () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    expect(() => index.add(['x'], [new Float32Array(DIM + 1)])).toThrow(/dimension 17, expected 16/);
  });

  it('round-trips through save/load with the same results, leaving no temp files', async () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    index.add(ids, vectors);
    index.remove(['psg-0']);
    await index.save(dir);
    await index.save(dir); // a second save replaces the first generation
    const files = await readdir(dir);
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.hnsw'))).toHaveLength(1);
    expect(files).toContain('meta.json');

    const loaded = await VectorIndex.load(dir, 'e1');
    expect(loaded.status).toBe('loaded');
    if (loaded.status !== 'loaded') return;
    expect(loaded.index.size).toBe(299);
    expect(loaded.index.has('psg-0')).toBe(false);
    for (const i of [1, 99, 200]) expect(loaded.index.search(vectors[i], 5)).toEqual(index.search(vectors[i], 5));
    loaded.index.add(['after-load'], randomVectors(1, 5));
    expect(loaded.index.has('after-load')).toBe(true);
    expect(loaded.index.size).toBe(300);
  });

  it('serializes overlapping saves of one index', async () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    index.add(ids.slice(0, 10), vectors.slice(0, 10));
    await Promise.all([index.save(dir), index.save(dir), index.save(dir)]);
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.hnsw'))).toHaveLength(1);
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(await VectorIndex.load(dir, 'e1')).toMatchObject({ status: 'loaded' });
  });

  it('reports a missing index and a different embedder as signals, not errors', async () => {
    expect(await VectorIndex.load(dir, 'e1')).toMatchObject({ status: 'missing' });
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'corpus-svd-old' });
    index.add(ids.slice(0, 3), vectors.slice(0, 3));
    await index.save(dir);
    expect(await VectorIndex.load(dir, 'corpus-svd-new')).toMatchObject({
      status: 'stale',
      embedderId: 'corpus-svd-old',
      dimension: DIM,
      reason: expect.stringContaining('corpus-svd-old'),
    });
  });

  it('throws INDEX_INVALID naming the file for corrupt meta or index files', async () => {
    const index = VectorIndex.create({ dimension: DIM, embedderId: 'e1' });
    index.add(ids.slice(0, 20), vectors.slice(0, 20));
    await index.save(dir);
    const metaFile = path.join(dir, 'meta.json');
    const goodMeta = await readFile(metaFile, 'utf8');

    await writeFile(metaFile, '{"formatVersion": 1, "embedderId": ');
    await expect(VectorIndex.load(dir, 'e1')).rejects.toMatchObject({ code: 'INDEX_INVALID', message: expect.stringContaining(metaFile) });

    await writeFile(metaFile, JSON.stringify({ ...JSON.parse(goodMeta), labels: 'oops' }));
    await expect(VectorIndex.load(dir, 'e1')).rejects.toMatchObject({ code: 'INDEX_INVALID', message: expect.stringContaining('malformed') });

    await writeFile(metaFile, goodMeta);
    const indexFile = path.join(dir, JSON.parse(goodMeta).indexFile as string);
    const bytes = await readFile(indexFile);
    await writeFile(indexFile, bytes.subarray(0, bytes.length >> 1));
    await expect(VectorIndex.load(dir, 'e1')).rejects.toMatchObject({ code: 'INDEX_INVALID', message: expect.stringContaining(indexFile) });

    await rm(indexFile);
    await expect(VectorIndex.load(dir, 'e1')).rejects.toMatchObject({ code: 'INDEX_INVALID', message: expect.stringContaining('missing') });
  });
});
