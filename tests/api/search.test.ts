import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '../../search/schema.js';
import { createApp } from '../../web/server/createApp.js';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => {
  await h?.close();
});

const get = (url: string) => request(h.app).get(url);
const QUESTION = '哪些街道采用了1+3+X网格力量体系？';

function expectBadRequest(res: request.Response, field: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('BAD_REQUEST');
  expect(res.body.error.message).toContain(field);
}

describe('GET /api/health', () => {
  it('reports the embedder and backend', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, embedder: h.engine.embedderReason, backend: 'sqlite', vectors: { state: 'ready', embedded: expect.any(Number), total: expect.any(Number) } });
    expect(res.body.vectors.embedded).toBe(res.body.vectors.total);
    expect(res.body.embedder).toMatch(/corpus/);
  });

  it('sends helmet headers and hides x-powered-by', async () => {
    const res = await get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('GET /api/search', () => {
  it('answers the 1+3+X question with 酒泉路街道 and a citation of the text', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent(QUESTION)}`);
    expect(res.status).toBe(200);
    const answer = answerSchema.parse(res.body);
    expect(answer.intent).toBe('adopters');
    const jiuquan = answer.answers.find((a) => a.name === '酒泉路街道');
    expect(jiuquan).toBeDefined();
    expect(jiuquan!.citations.some((c) => c.text.includes('1+3+X'))).toBe(true);
    const [citation] = jiuquan!.citations;
    const doc = await h.store.getDocument(citation.docId);
    expect(doc!.text.slice(citation.start, citation.end)).toBe(citation.text);
    expect(citation.file).toBe(doc!.path);
  });

  it('accepts every mode and a rate-limit header', async () => {
    for (const mode of ['hybrid', 'keyword', 'vector']) {
      const res = await get(`/api/search?q=${encodeURIComponent('网格化管理')}&mode=${mode}`);
      expect(res.status).toBe(200);
      expect(res.body.passages.length).toBeGreaterThan(0);
      expect(res.headers['ratelimit-policy']).toBeDefined();
    }
  });

  it('filters by document and by level', async () => {
    const [doc] = await h.store.listDocuments();
    const res = await get(`/api/search?q=${encodeURIComponent('党建引领')}&doc=${doc.id}`);
    expect(res.status).toBe(200);
    expect(res.body.passages.length).toBeGreaterThan(0);
    expect(res.body.passages.every((p: { docId: string }) => p.docId === doc.id)).toBe(true);
    const byLevel = await get(`/api/search?q=${encodeURIComponent('党建引领')}&level=township`);
    expect(byLevel.status).toBe(200);
  });

  it('filters by region', async () => {
    const [lanzhou] = await h.store.findEntities({ type: 'region', name: '兰州市', limit: 1 });
    expect(lanzhou).toBeDefined();
    const res = await get(`/api/search?q=${encodeURIComponent('网格')}&region=${lanzhou.id}`);
    expect(res.status).toBe(200);
    answerSchema.parse(res.body);
  });

  it('rejects a missing, empty or too long q, a bad mode and a bad level', async () => {
    expectBadRequest(await get('/api/search'), 'q');
    expectBadRequest(await get('/api/search?q='), 'q');
    expectBadRequest(await get(`/api/search?q=${'网'.repeat(201)}`), 'q');
    expectBadRequest(await get('/api/search?q=x&mode=fuzzy'), 'mode');
    expectBadRequest(await get('/api/search?q=x&level=city'), 'level');
  });

  it('answers 404 for an unknown region or document filter', async () => {
    const region = await get('/api/search?q=x&region=ent-nope');
    expect(region.status).toBe(404);
    expect(region.body.error.code).toBe('ENTITY_NOT_FOUND');
    const doc = await get('/api/search?q=x&doc=doc-nope');
    expect(doc.status).toBe(404);
    expect(doc.body.error.code).toBe('DOCUMENT_NOT_FOUND');
  });
});

describe('GET /api/compare', () => {
  async function someIds(n: number): Promise<string[]> {
    const orgs = await h.store.findEntities({ type: 'region', level: 'township', limit: n });
    expect(orgs.length).toBe(n);
    return orgs.map((o) => o.id);
  }

  it('returns a table for 2–4 ids', async () => {
    const ids = await someIds(3);
    const res = await get(`/api/compare?ids=${ids.join(',')}&topic=${encodeURIComponent('网格 党建')}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { entity: { id: string } }) => r.entity.id)).toEqual(ids);
    expect(Array.isArray(res.body.columns)).toBe(true);
  });

  it('rejects 1 or 5 ids, and missing ids', async () => {
    const ids = await someIds(5);
    expectBadRequest(await get(`/api/compare?ids=${ids[0]}`), 'ids');
    expectBadRequest(await get(`/api/compare?ids=${ids.join(',')}`), 'ids');
    expectBadRequest(await get(`/api/compare?ids=${ids[0]},${ids[0]}`), 'ids');
    expectBadRequest(await get('/api/compare'), 'ids');
  });

  it('answers 404 for an unknown id', async () => {
    const [id] = await someIds(1);
    const res = await get(`/api/compare?ids=${id},ent-nope`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ENTITY_NOT_FOUND');
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every endpoint', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toMatch(/^3\.1\./);
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/search',
        'GET /api/entities',
        'GET /api/entities/{id}',
        'GET /api/entities/{id}/graph',
        'GET /api/compare',
        'GET /api/documents',
        'POST /api/documents',
        'GET /api/documents/{id}',
        'DELETE /api/documents/{id}',
        'GET /api/jobs/{id}',
        'POST /api/export',
        'GET /api/openapi.json',
      ].sort(),
    );
    expect(doc.components.schemas.Answer).toBeDefined();
  });
});

describe('static UI', () => {
  it('serves a built UI with SPA fallback, keeping /api JSON', async () => {
    const uiDir = path.join(h.dataDir, 'ui-dist');
    fs.mkdirSync(path.join(uiDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(uiDir, 'assets', 'app.js'), 'console.log(1)');
    const app = createApp({ store: h.store, engine: h.engine, config: h.config, uiDir, log: () => {} });
    const index = await request(app).get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('id="root"');
    expect((await request(app).get('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    const deep = await request(app).get('/entities/ent-123');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('id="root"');
    const api = await request(app).get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });
});
