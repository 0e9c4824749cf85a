import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassageRecord } from '../../graph/model.js';
import type { Embedder } from '../embed/Embedder.js';
import { contentHash, VectorCache } from '../vector/VectorCache.js';
import { VectorIndex } from '../vector/VectorIndex.js';
import { VectorSync } from './VectorSync.js';

const DIM = 8;

/** A deterministic embedder that records every text it was asked for and can fail after a budget. */
function countingEmbedder(id = 'fake-model', failAfter = Infinity): Embedder & { seen: string[] } {
  const seen: string[] = [];
  return {
    id,
    dimension: DIM,
    seen,
    async embed(texts) {
      if (seen.length + texts.length > failAfter) throw new Error('model crashed');
      seen.push(...texts);
      return texts.map((text) => {
        const v = new Float32Array(DIM);
        for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) + i) % DIM] += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}

function passage(id: string, text: string): PassageRecord {
  return { id, docId: 'doc-x', articleId: 'art-x', index: 0, start: 0, end: text.length, text, breadcrumb: [], tokens: '' };
}

const texts = ['网格员每日巡查楼栋', '物业服务进小区', '老旧楼院改造', '社区议事会每月召开', '志愿者结对帮扶独居老人', '村规民约修订', '矛盾纠纷就地化解'];
const passages = texts.map((t, i) => passage(`psg-${i}`, t));

let dir: string;
let cache: VectorCache;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vector-sync-'));
  cache = VectorCache.open(path.join(dir, 'cache.sqlite'));
});
afterEach(async () => {
  cache.close();
  await rm(dir, { recursive: true, force: true });
});

const newIndex = (embedderId = 'fake-model') => VectorIndex.create({ dimension: DIM, embedderId });

async function loaded(embedderId = 'fake-model'): Promise<VectorIndex> {
  const result = await VectorIndex.load(path.join(dir, 'vectors'), embedderId);
  if (result.status !== 'loaded') throw new Error(`index not loaded: ${result.status}`);
  return result.index;
}

describe('VectorSync', () => {
  it('embeds every passage once, shortest first, saves, and the next open embeds nothing', async () => {
    const embedder = countingEmbedder();
    const sync = new VectorSync({ index: newIndex(), embedder, dir: path.join(dir, 'vectors'), cache, chunkSize: 3 });
    await sync.reconcile(passages);
    expect(embedder.seen).toHaveLength(texts.length);
    expect(embedder.seen[0]).toBe('老旧楼院改造'); // 6 characters, the shortest
    expect(embedder.seen.map((t) => t.length)).toEqual([...texts].map((t) => t.length).sort((a, b) => a - b));
    expect(sync.status()).toMatchObject({ state: 'ready', embedded: 7, total: 7, fromCache: 0 });

    const again = countingEmbedder();
    const reopened = new VectorSync({ index: await loaded(), embedder: again, dir: path.join(dir, 'vectors'), cache });
    await reopened.reconcile(passages);
    expect(again.seen).toEqual([]);
    expect(reopened.index.size).toBe(7);
  });

  it('drops passages that left the store and embeds only added ones', async () => {
    const embedder = countingEmbedder();
    const sync = new VectorSync({ index: newIndex(), embedder, dir: path.join(dir, 'vectors'), cache });
    await sync.reconcile(passages.slice(0, 4));
    const added = passage('psg-new', '街道综治中心统一受理群众诉求');
    await sync.reconcile([...passages.slice(1, 4), added]);
    expect(embedder.seen).toEqual([...embedder.seen.slice(0, 4), added.text]);
    expect((await loaded()).ids().sort()).toEqual(['psg-1', 'psg-2', 'psg-3', 'psg-new']);
  });

  it('rebuilds an index for the same embedder from the cache alone (replace and rebuild never re-embed)', async () => {
    await new VectorSync({ index: newIndex(), embedder: countingEmbedder(), dir: path.join(dir, 'vectors'), cache }).reconcile(passages);
    expect(cache.count('fake-model')).toBe(7);
    // The same texts under new passage ids, as after a re-ingest that replaced the document.
    const moved = passages.map((p) => ({ ...p, id: `${p.id}-v2` }));
    const embedder = countingEmbedder();
    const rebuilt = new VectorSync({ index: newIndex(), embedder, dir: path.join(dir, 'vectors'), cache });
    await rebuilt.reconcile(moved);
    expect(embedder.seen).toEqual([]);
    expect(rebuilt.status()).toMatchObject({ state: 'ready', embedded: 7, fromCache: 7 });
    const [query] = await countingEmbedder().embed([texts[4]], { kind: 'passage' });
    expect(rebuilt.index.search(query, 1)[0]).toMatchObject({ id: 'psg-4-v2', score: expect.closeTo(1, 5) });
  });

  it('keys the cache by embedder: another model re-embeds', async () => {
    await new VectorSync({ index: newIndex(), embedder: countingEmbedder('model-a'), dir: path.join(dir, 'vectors'), cache }).reconcile(passages);
    const other = countingEmbedder('model-b');
    await new VectorSync({ index: newIndex('model-b'), embedder: other, dir: path.join(dir, 'vectors'), cache }).reconcile(passages);
    expect(other.seen).toHaveLength(7);
    expect(cache.getMany('model-a', [contentHash(texts[0])], DIM).size).toBe(1);
  });

  it('after a failure midway keeps what was embedded, and the next run embeds only the rest', async () => {
    const failing = countingEmbedder('fake-model', 4);
    const sync = new VectorSync({ index: newIndex(), embedder: failing, dir: path.join(dir, 'vectors'), cache, chunkSize: 2 });
    await expect(sync.reconcile(passages)).rejects.toThrow('model crashed');
    expect(sync.status()).toMatchObject({ state: 'failed', embedded: 4, total: 7, error: 'model crashed' });
    expect(cache.count('fake-model')).toBe(4);

    const embedder = countingEmbedder();
    const resumed = new VectorSync({ index: await loaded(), embedder, dir: path.join(dir, 'vectors'), cache });
    await resumed.reconcile(passages);
    expect(embedder.seen).toHaveLength(3);
    expect(new Set([...failing.seen, ...embedder.seen])).toEqual(new Set(texts));
    expect((await loaded()).size).toBe(7);
  });

  it('a reconcile during a run is taken into account before the run resolves', async () => {
    const embedder = countingEmbedder();
    const sync = new VectorSync({ index: newIndex(), embedder, dir: path.join(dir, 'vectors'), cache, chunkSize: 1 });
    const first = sync.reconcile(passages.slice(0, 5));
    expect(sync.status()).toMatchObject({ state: 'embedding', embedded: 0, total: 5 });
    const second = sync.reconcile(passages.slice(3));
    await Promise.all([first, second]);
    expect(sync.index.ids().sort()).toEqual(['psg-3', 'psg-4', 'psg-5', 'psg-6']);
    expect((await loaded()).size).toBe(4);
  });
});
