/** Issue 11 (8): two ingests running at once give the same graph as one after the other (SIMILAR_TO kept). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-concurrent-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const REPORTS: Record<string, string> = {
  'wuhan.txt': '武汉市江岸区百步亭街道网格治理经验\n\n百步亭街道建立“1+3+X”网格力量体系，即每个网格配备1名专职网格员、3名兼职网格员和若干名志愿者。\n',
  'chengdu.txt': '成都市武侯区玉林街道综合执法经验\n\n玉林街道推出“1+3+N”执法工作模式，即下沉街道1支执法队伍、3个职能部门和N个协作单位联合执法。\n',
};
const files = Object.entries(REPORTS).map(([name, text]) => {
  const file = path.join(root, name);
  fs.writeFileSync(file, text);
  return file;
});

/** Holds every upsert until `parties` ingests have reached theirs: both build their graphs before either writes. */
function withBarrier(store: GraphStore, parties: number): GraphStore {
  let arrived = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'upsertDocument') {
        return async (...args: Parameters<GraphStore['upsertDocument']>) => {
          if (++arrived >= parties) open();
          await gate;
          return target.upsertDocument(...args);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function similarTo(store: GraphStore) {
  const mechanisms = await store.findEntities({ type: 'mechanism', nameContains: '+' });
  const relations = await store.relationsOfMany(mechanisms.map((m) => m.id), { types: ['SIMILAR_TO'] });
  return relations.map((r) => ({ id: r.id, from: r.from, to: r.to, evidence: r.evidence.map((e) => e.text) }));
}

describe('concurrent ingests', () => {
  it('keep the SIMILAR_TO link a sequential ingest makes', async () => {
    const sequential = new SqliteGraphStore(path.join(root, 'sequential.sqlite'));
    for (const file of files) await ingestPaths([file], sequential, { maxFileBytes: 1 << 20, baseDir: root });
    const expected = await similarTo(sequential);
    await sequential.close();
    expect(expected).toHaveLength(1);
    expect(expected[0].evidence[0]).toMatch(/1\+3\+[XN]/);

    const shared = new SqliteGraphStore(path.join(root, 'concurrent.sqlite'));
    const gated = withBarrier(shared, 2);
    const outcomes = await Promise.all(files.map((file) => ingestPaths([file], gated, { maxFileBytes: 1 << 20, baseDir: root })));
    expect(outcomes.flat().map((o) => o.status)).toEqual(['inserted', 'inserted']);
    // The link's evidence is the mention in whichever document was written second, so only the link itself must match.
    const concurrent = await similarTo(shared);
    expect(concurrent.map(({ id, from, to }) => ({ id, from, to }))).toEqual(expected.map(({ id, from, to }) => ({ id, from, to })));
    expect(concurrent[0].evidence[0]).toMatch(/1\+3\+[XN]/);
    await shared.close();
  });
});
