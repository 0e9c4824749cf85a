/** Issue 11 (6): a running server notices ingests and deletes made by another process (the CLI). */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { createApp, type App } from '../../web/server/createApp.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const REPORTS: Record<string, string> = {
  'hefei.txt': '合肥市蜀山区三里庵街道“红色物业”工作报告\n\n三里庵街道推行“红色物业”联席会议制度，社区党组织、业委会和物业企业每月共同研究小区停车难、电梯维修等问题。\n',
  'nanning.txt': '南宁市青秀区中山街道“邻里议事厅”工作报告\n\n中山街道设立邻里议事厅，居民代表每周商议老旧小区加装电梯、楼道照明改造等事项，议定事项限时办结。\n',
  'xining.txt': '西宁市城东区东关大街街道“民情茶话会”工作报告\n\n东关大街街道每月举办民情茶话会，听取居民对背街小巷改造和菜市场管理的意见。\n',
};

let dataDir: string;
let config: Config;
let store: GraphStore;
let app: App;
const docIds = new Map<string, string>();
let refreshes = 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-external-'));
  const input = path.join(dataDir, 'input');
  fs.mkdirSync(input);
  for (const [name, text] of Object.entries(REPORTS)) fs.writeFileSync(path.join(input, name), text);
  config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus' });
  store = await openStore(config);
  for (const name of ['hefei.txt', 'nanning.txt']) {
    const [outcome] = await ingestPaths([path.join(input, name)], store, { maxFileBytes: config.maxFileBytes, baseDir: dataDir });
    docIds.set(name, outcome.docId!);
  }
  const engine = await AnswerEngine.open(store, config);
  const counted = new Proxy(engine, {
    get(target, prop) {
      if (prop === 'refresh') return async () => { refreshes++; await target.refresh(); };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  app = createApp({ store, engine: counted, config, log: () => {} });
});

afterAll(async () => {
  await app?.locals.queue.idle();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const searchDocs = async (q: string) => {
  const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}&mode=keyword`);
  expect(res.status).toBe(200);
  return (res.body.passages as { docId: string }[]).map((p) => p.docId);
};

describe('changes made by another process', () => {
  it('a document deleted with the CLI no longer appears in search and is 404', async () => {
    const hefei = docIds.get('hefei.txt')!;
    expect(await searchDocs('红色物业联席会议')).toContain(hefei);
    expect((await request(app).get(`/api/documents/${hefei}`)).status).toBe(200);

    const cli = await run(TSX, ['scripts/ingest.ts', '--delete', hefei], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'corpus' } });
    expect(cli.stdout).toContain(`Deleted ${hefei}`);

    expect(await searchDocs('红色物业联席会议')).not.toContain(hefei);
    expect((await request(app).get(`/api/documents/${hefei}`)).status).toBe(404);
    expect((await request(app).get('/api/documents')).body.map((d: { id: string }) => d.id)).not.toContain(hefei);
    expect(await searchDocs('邻里议事厅')).toContain(docIds.get('nanning.txt'));
  }, 60_000);

  it('a document ingested through another connection becomes searchable', async () => {
    const before = await searchDocs('民情茶话会');
    const other = await openStore(config);
    const [outcome] = await ingestPaths([path.join(dataDir, 'input', 'xining.txt')], other, { maxFileBytes: config.maxFileBytes, baseDir: dataDir });
    await other.close();
    expect(outcome.status).toBe('inserted');
    expect(before).not.toContain(outcome.docId);
    expect(await searchDocs('民情茶话会')).toContain(outcome.docId);
  });

  it('refreshes once per change, however many requests are waiting, and never without one', async () => {
    await searchDocs('邻里议事厅');
    const settled = refreshes;
    await Promise.all([searchDocs('邻里议事厅'), request(app).get('/api/documents')]);
    expect(refreshes).toBe(settled);
    const other = await openStore(config);
    await other.deleteDocument(docIds.get('nanning.txt')!);
    await other.close();
    const lists = await Promise.all([1, 2, 3, 4].map(() => searchDocs('邻里议事厅')));
    expect(refreshes).toBe(settled + 1);
    for (const docs of lists) expect(docs).not.toContain(docIds.get('nanning.txt'));
  });
});
