/** Issue 11 (2): uploads are ingested in a worker process with a time and memory budget; searches keep answering. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../web/server/createApp.js';
import { buildHarness, waitForJob, type Harness } from './harness.js';

let h: Harness;
const extraApps: App[] = [];
// Ingesting corpus/ and starting the worker can take minutes on a saturated 2-core machine.
beforeAll(async () => {
  h = await buildHarness();
}, 300_000);
afterAll(async () => {
  for (const app of extraApps) await app.locals.queue.close();
  await h?.close();
});

const upload = (app: App, bytes: Buffer, filename: string) =>
  request(app).post('/api/documents').attach('file', bytes, { filename, contentType: 'application/octet-stream' });
const jobOf = (app: App, id: string) => waitForJob(() => request(app).get(`/api/jobs/${id}`), 120_000);

/** A report with `n` level-1 headings: each an article, each sentence through the extraction rules. */
function manyHeadings(n: number): Buffer {
  const lines = ['# 基层治理工作汇编'];
  for (let i = 1; i <= n; i++) lines.push(`# 社区工作纪要${i}`, `海淀区学院路街道第${i}社区推行“接诉即办”，每月走访居民${i}户。`);
  return Buffer.from(lines.join('\n'));
}

describe('uploads run off the request thread', () => {
  it('answers searches while a 2 MB nested-HTML upload is processed; the upload fails alone with a Chinese reason', async () => {
    const html = Buffer.from('<html><body>' + '<div>'.repeat(200_000) + '深层嵌套' + '</div>'.repeat(200_000) + '</body></html>');
    expect(html.length).toBeGreaterThan(2_000_000);
    const res = await upload(h.app, html, 'nested.html');
    expect(res.status).toBe(202);
    const answered: { status: number; during: string }[] = [];
    for (;;) {
      const { body: job } = await request(h.app).get(`/api/jobs/${res.body.jobId}`);
      if (job.status === 'done' || job.status === 'failed') break;
      const search = await request(h.app).get(`/api/search?q=${encodeURIComponent('网格力量体系')}`);
      answered.push({ status: search.status, during: job.status });
    }
    expect(answered.some((a) => a.during === 'queued' || a.during === 'running')).toBe(true);
    expect(answered.every((a) => a.status === 200)).toBe(true);
    const job = await jobOf(h.app, res.body.jobId);
    expect(job).toMatchObject({ status: 'failed', error: 'nested.html: HTML 元素嵌套超过 512 层，超出读取限制，已拒绝' });
  });

  it('a file over the time budget fails alone with a clear error; the next upload is ingested', async () => {
    const app = h.appWith({ INGEST_TIMEOUT_SECONDS: '1' });
    extraApps.push(app);
    await app.locals.queue.warm();
    const slow = await upload(app, manyHeadings(20_000), 'slow.md');
    const failed = await jobOf(app, slow.body.jobId);
    expect(failed).toMatchObject({ status: 'failed', error: 'slow.md: 入库超过 1 秒的时间预算，已中止；文件未入库，其他文件不受影响' });
    expect((await request(app).get('/api/documents')).body.some((d: { title: string }) => d.title === '基层治理工作汇编')).toBe(false);

    const small = await upload(app, Buffer.from('成都市锦江区春熙路街道简报\n\n春熙路街道推行“商圈党建”，联合商户开展志愿服务。\n'), 'small.txt');
    expect(await jobOf(app, small.body.jobId)).toMatchObject({ status: 'done', outcome: { status: 'inserted' } });
  }, 300_000);

  it('a file over the memory budget fails alone with a clear error', async () => {
    const app = h.appWith({ INGEST_MEMORY_MB: '160', INGEST_TIMEOUT_SECONDS: '600' });
    extraApps.push(app);
    const big = await upload(app, manyHeadings(120_000), 'big.md');
    const failed = await jobOf(app, big.body.jobId);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^big\.md: 入库(超出 160 MB 的内存预算|进程启动失败)/) });
    const search = await request(h.app).get(`/api/search?q=${encodeURIComponent('网格力量体系')}`);
    expect(search.status).toBe(200);
  }, 600_000);
});
