/** Issue 11 (9): foreign pages cannot change the store; public answers carry no server paths; long URLs get JSON. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../web/server/createApp.js';
import { startServer } from '../../web/server/http/listen.js';
import { withoutPaths } from '../../web/server/http/withoutPaths.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { buildHarness, waitForJob, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => {
  await h?.close();
});

const REPORT = '杭州市拱墅区米市巷街道“邻里帮帮团”简报\n\n米市巷街道组建邻里帮帮团，为独居老人提供代购、陪诊等服务。\n';

describe('same-origin check on state-changing requests', () => {
  it('refuses a multipart upload from another site with 403 and a JSON error in Chinese, saving nothing', async () => {
    const res = await request(h.app)
      .post('/api/documents')
      .set('Origin', 'https://evil.example')
      .attach('file', Buffer.from(REPORT), { filename: 'report.txt', contentType: 'text/plain' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'FORBIDDEN_ORIGIN', message: expect.stringMatching(/^拒绝跨站请求/) } });
  });

  it.each([
    ['a foreign Origin', { Origin: 'http://attacker.test:3000' }],
    ['the opaque null Origin (sandboxed page)', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses DELETE with %s', async (_label, headers) => {
    const [doc] = (await request(h.app).get('/api/documents')).body as { id: string }[];
    const res = await request(h.app).delete(`/api/documents/${doc.id}`).set(headers);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_ORIGIN');
    expect((await request(h.app).get(`/api/documents/${doc.id}`)).status).toBe(200);
  });

  it('accepts the same origin, and clients that send no Origin (curl, scripts)', async () => {
    const sameOrigin = await request(h.app)
      .post('/api/documents')
      .set('Host', 'atlas.local:3000')
      .set('Origin', 'http://atlas.local:3000')
      .set('Sec-Fetch-Site', 'same-origin')
      .attach('file', Buffer.from(REPORT), { filename: 'report.txt', contentType: 'text/plain' });
    expect(sameOrigin.status).toBe(202);
    expect((await waitForJob(() => request(h.app).get(`/api/jobs/${sameOrigin.body.jobId}`))).status).toBe('done');
    const noOrigin = await request(h.app).post('/api/export').send({ format: 'md', passages: [] });
    expect(noOrigin.status).not.toBe(403);
  });

  it('leaves reads from other sites alone (GET carries no state change)', async () => {
    const res = await request(h.app).get('/api/documents').set('Origin', 'https://elsewhere.example');
    expect(res.status).toBe(200);
  });
});

describe('no server file paths in public responses', () => {
  it('GET /api/health shows no absolute path', async () => {
    const res = await request(h.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(h.dataDir);
    expect(res.text).not.toMatch(/"[^"]*\/(?:work|tmp|home|srv|usr)\/[^"]*"/);
  });

  it('a document ingested from an absolute path outside the project is listed, opened and cited by its file name', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-outside-'));
    const file = path.join(folder, '西宁城西区报告.txt');
    fs.writeFileSync(file, '西宁市城西区胜利路街道推行“红色管家”物业服务模式，居民满意率达到96.3%。\n');
    const [outcome] = await ingestPaths([file], h.store, { maxFileBytes: h.config.maxFileBytes, baseDir: h.dataDir });
    expect(outcome.status).toBe('inserted');
    const list = await request(h.app).get('/api/documents');
    const listed = (list.body as { id: string; path: string }[]).find((d) => d.path.endsWith('西宁城西区报告.txt'));
    expect(listed?.path).toBe('西宁城西区报告.txt');
    const opened = await request(h.app).get(`/api/documents/${listed!.id}`);
    expect(opened.body.document.path).toBe('西宁城西区报告.txt');
    const search = await request(h.app).get('/api/search').query({ q: '红色管家物业服务模式' });
    expect(search.status).toBe(200);
    expect(search.text).toContain('西宁城西区报告.txt');
    expect(search.text).not.toContain(folder);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a failed job names the client file only, in its error and its outcome', async () => {
    const res = await request(h.app).post('/api/documents').attach('file', Buffer.alloc(0), { filename: '空文件.txt', contentType: 'text/plain' });
    const job = await waitForJob(() => request(h.app).get(`/api/jobs/${res.body.jobId}`));
    expect(job.status).toBe('failed');
    const text = JSON.stringify(job);
    expect(text).not.toContain(h.dataDir);
    expect(text).not.toContain('uploads/');
    expect(job.error).toMatch(/^空文件\.txt: /);
    expect((job.outcome as { file: string }).file).toBe('空文件.txt');
  });

  it.each([
    ['/srv/atlas/data/uploads/x-报告.txt: file is empty', 'x-报告.txt: file is empty'],
    ["ENOENT: open '/var/lib/atlas/graph.sqlite'", "ENOENT: open 'graph.sqlite'"],
    ['C:\\atlas\\data\\a.txt: bad', 'a.txt: bad'],
    ['完成率 1/2，路径 uploads/a.txt 与 ../shared/models', '完成率 1/2，路径 uploads/a.txt 与 ../shared/models'],
  ])('withoutPaths(%s)', (text, expected) => {
    expect(withoutPaths(text)).toBe(expected);
  });
});

describe('long URLs', () => {
  const get = (port: number, path: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
      }).on('error', reject);
    });

  it.each([20_000, 300_000])('a %i-character URL gets a 431 with a JSON error body, not a reset', async (length) => {
    const app = createApp({ store: h.store, engine: h.engine, config: h.config, log: () => {} });
    const server = await startServer(app, 0, '127.0.0.1');
    try {
      const { port } = server.address() as AddressInfo;
      const res = await get(port, `/api/search?q=${encodeURIComponent('街'.repeat(10))}${'a'.repeat(length)}`);
      expect(res.status).toBe(431);
      expect(res.type).toMatch(/application\/json/);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'URL_TOO_LONG', message: expect.stringMatching(/过长/) } });
      // The server keeps answering.
      expect((await get(port, '/api/health')).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
