import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, waitForJob, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => {
  await h?.close();
});

const uploads = () => path.join(h.dataDir, 'uploads');
const listUploads = () => (fs.existsSync(uploads()) ? fs.readdirSync(uploads()) : []);
const upload = (bytes: Buffer | string, filename: string, app = h.app) =>
  request(app).post('/api/documents').attach('file', Buffer.from(bytes), { filename, contentType: 'application/octet-stream' });
const job = (id: string) => waitForJob(() => request(h.app).get(`/api/jobs/${id}`));

const REPORT = [
  '榆中县青城镇“红色管家”服务实践报告',
  '',
  '一、基本做法',
  '青城镇党委探索建立“红色管家”楼栋服务机制，每个楼栋选聘一名党员担任红色管家，负责收集居民诉求、调解邻里纠纷。',
  '二、主要成效',
  '2023年以来，红色管家累计化解矛盾纠纷120余件，居民满意度明显提升。',
].join('\n');

describe('POST /api/documents', () => {
  it('ingests an uploaded .txt in the background; it becomes searchable; delete removes it', async () => {
    const before = listUploads().length;
    const res = await upload(REPORT, '../../报告 红色管家.txt');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ jobId: expect.any(String) });
    const done = await job(res.body.jobId);
    expect(done).toMatchObject({ status: 'done', progress: 1, file: '报告 红色管家.txt', outcome: { status: 'inserted' } });
    const docId = (done.outcome as { docId: string }).docId;

    // Saved inside <dataDir>/uploads under a generated name that keeps the extension.
    const saved = listUploads();
    expect(saved.length).toBe(before + 1);
    const name = saved.find((f) => f.endsWith('.txt'))!;
    expect(name).toMatch(/^[a-z0-9]+-[0-9a-f]{12}-报告_红色管家\.txt$/);
    const doc = await h.store.getDocument(docId);
    expect(doc!.path).toBe(`uploads/${name}`);

    const search = await request(h.app).get(`/api/search?q=${encodeURIComponent('红色管家楼栋服务')}&mode=keyword`);
    expect(search.status).toBe(200);
    expect(search.body.passages.some((p: { docId: string }) => p.docId === docId)).toBe(true);
    expect((await request(h.app).get('/api/documents')).body.map((d: { id: string }) => d.id)).toContain(docId);

    const removed = await request(h.app).delete(`/api/documents/${docId}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ docId, passages: expect.any(Number) });
    expect((await request(h.app).get(`/api/documents/${docId}`)).status).toBe(404);
    expect((await request(h.app).delete(`/api/documents/${docId}`)).status).toBe(404);
    expect(listUploads()).not.toContain(name);
    const after = await request(h.app).get(`/api/search?q=${encodeURIComponent('红色管家楼栋服务')}&mode=keyword`);
    expect(after.body.passages.some((p: { docId: string }) => p.docId === docId)).toBe(false);
  });

  it('ends an empty upload as failed with its one-line reason', async () => {
    const res = await upload('', 'empty.txt');
    expect(res.status).toBe(202);
    const failed = await job(res.body.jobId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('empty.txt: file is empty (0 bytes)');
  });

  it('ends a binary upload as failed with its reason, without server paths', async () => {
    const binary = Buffer.alloc(2048);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
    const res = await upload(binary, 'blob.txt');
    const failed = await job(res.body.jobId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^blob\.txt: .*binary/);
    expect(String(failed.error)).not.toContain('\n');
    expect(String(failed.error)).not.toContain(h.dataDir);
    expect(listUploads().some((f) => f.endsWith('-blob.txt'))).toBe(false);
  });

  it('rejects an unsupported type with 415 and the reason, saving nothing', async () => {
    const before = listUploads();
    const res = await upload('MZ', 'tool.exe');
    expect(res.status).toBe(415);
    expect(res.body.error).toEqual({ code: 'FILE_UNSUPPORTED', message: expect.stringContaining('unsupported file type (extension .exe)') });
    expect(listUploads()).toEqual(before);
  });

  it('rejects a request without a file', async () => {
    const res = await request(h.app).post('/api/documents').field('note', 'x');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^file: /);
    const json = await request(h.app).post('/api/documents').send({ file: 'x' });
    expect(json.status).toBe(400);
  });

  it('rejects an upload over MAX_FILE_MB with 413, keeping no partial file', async () => {
    const small = h.appWith({ MAX_FILE_MB: '0.001' });
    const before = listUploads();
    const res = await upload('网'.repeat(5000), 'big.txt', small);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(res.body.error.message).toContain('1049 bytes');
    expect(listUploads()).toEqual(before);
  });
});

describe('GET /api/jobs/:id', () => {
  it('answers 404 for an unknown job', async () => {
    const res = await request(h.app).get('/api/jobs/not-a-job');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('DELETE /api/documents/:id', () => {
  it('answers 404 for an unknown document', async () => {
    const res = await request(h.app).delete('/api/documents/doc-nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('deletes a corpus document and refreshes search', async () => {
    const docs = (await request(h.app).get('/api/documents')).body as { id: string }[];
    const target = docs[docs.length - 1];
    const res = await request(h.app).delete(`/api/documents/${target.id}`);
    expect(res.status).toBe(200);
    const search = await request(h.app).get(`/api/search?q=${encodeURIComponent('党建引领基层治理')}&doc=${target.id}`);
    expect(search.status).toBe(404);
    expect(fs.existsSync(path.resolve('corpus'))).toBe(true);
  });
});
