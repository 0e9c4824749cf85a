import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => {
  await h?.close();
});

const get = (url: string) => request(h.app).get(url);

function expectBadRequest(res: request.Response, field: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('BAD_REQUEST');
  expect(res.body.error.message).toContain(field);
}

async function mechanismId(name: string): Promise<string> {
  const [mechanism] = await h.store.findEntities({ type: 'mechanism', name, limit: 1 });
  expect(mechanism).toBeDefined();
  return mechanism.id;
}

describe('GET /api/entities', () => {
  it('lists with total, filters and paging', async () => {
    const all = await get('/api/entities?type=mechanism&limit=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(await h.store.countEntities({ type: 'mechanism' }));
    expect(all.body.items.every((e: { type: string }) => e.type === 'mechanism')).toBe(true);
    const page = await get('/api/entities?type=mechanism&limit=5&offset=5');
    expect(page.body.items.map((e: { id: string }) => e.id)).toEqual(all.body.items.slice(5, 10).map((e: { id: string }) => e.id));
    const defaultPage = await get('/api/entities');
    expect(defaultPage.body.items.length).toBe(Math.min(50, defaultPage.body.total));
  });

  it('filters by level and by name', async () => {
    const towns = await get('/api/entities?type=region&level=township');
    expect(towns.body.items.length).toBeGreaterThan(0);
    expect(towns.body.items.every((e: { level: string }) => e.level === 'township')).toBe(true);
    const blank = await get('/api/entities?type=region&level=&q=');
    expect(blank.status).toBe(200);
    expect(blank.body.total).toBe(await h.store.countEntities({ type: 'region' }));
    const named = await get(`/api/entities?q=${encodeURIComponent('酒泉路')}`);
    expect(named.body.items.map((e: { name: string }) => e.name)).toContain('酒泉路街道');
  });

  it('rejects limit 0 and 201, a negative offset, a bad type or level', async () => {
    expectBadRequest(await get('/api/entities?limit=0'), 'limit');
    expectBadRequest(await get('/api/entities?limit=201'), 'limit');
    expectBadRequest(await get('/api/entities?limit=abc'), 'limit');
    expectBadRequest(await get('/api/entities?offset=-1'), 'offset');
    expectBadRequest(await get('/api/entities?type=planet'), 'type');
    expectBadRequest(await get('/api/entities?level=city'), 'level');
  });
});

describe('GET /api/entities/:id', () => {
  it('describes a mechanism: evidence with files, adopters by region, similar mechanisms', async () => {
    const id = await mechanismId('1+3+X');
    const res = await get(`/api/entities/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.entity.id).toBe(id);
    const docs = new Map((await h.store.listDocuments()).map((d) => [d.id, d.path]));
    for (const e of [...res.body.mentions, ...res.body.links.flatMap((l: { evidence: unknown[] }) => l.evidence)]) {
      expect(e.file).toBe(docs.get(e.docId));
    }
    const orgs = res.body.adoptersByRegion.flatMap((g: { organizations: { name: string }[] }) => g.organizations);
    const jiuquan = orgs.find((o: { name: string }) => o.name === '酒泉路街道');
    expect(jiuquan.citations.some((c: { text: string }) => c.text.includes('1+3+X'))).toBe(true);
    const group = res.body.adoptersByRegion.find((g: { organizations: { name: string }[] }) => g.organizations.includes(jiuquan));
    expect(group.chain.at(-1)).toEqual({ id: group.region.id, name: group.region.name });
    expect(res.body.similar.map((s: { name: string }) => s.name)).toContain('1+3+N');
  });

  it('has no mechanism-only fields for a region', async () => {
    const [region] = await h.store.findEntities({ type: 'region', name: '酒泉路街道', limit: 1 });
    const res = await get(`/api/entities/${region.id}`);
    expect(res.status).toBe(200);
    expect(res.body.regionChain.map((r: { name: string }) => r.name)).toContain('兰州市');
    expect(res.body.adoptersByRegion).toBeUndefined();
  });

  it('answers 404 for an unknown id', async () => {
    const res = await get('/api/entities/ent-0000');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'ENTITY_NOT_FOUND', message: 'Entity not found: ent-0000' } });
  });
});

describe('GET /api/entities/:id/graph', () => {
  it('returns the neighbourhood at depth 1 and 2', async () => {
    const id = await mechanismId('1+3+X');
    const one = await get(`/api/entities/${id}/graph`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(await h.store.neighbourhood(id, { depth: 1, limit: 100 }));
    const two = await get(`/api/entities/${id}/graph?depth=2&limit=300`);
    expect(two.body.nodes.length).toBeGreaterThanOrEqual(one.body.nodes.length);
    const capped = await get(`/api/entities/${id}/graph?depth=2&limit=2`);
    expect(capped.body.nodes.length).toBeLessThanOrEqual(2);
    expect(capped.body.truncated).toBe(true);
  });

  it('rejects a bad depth or limit and answers 404 for an unknown id', async () => {
    const id = await mechanismId('1+3+X');
    expectBadRequest(await get(`/api/entities/${id}/graph?depth=3`), 'depth');
    expectBadRequest(await get(`/api/entities/${id}/graph?depth=0`), 'depth');
    expectBadRequest(await get(`/api/entities/${id}/graph?depth=x`), 'depth');
    expectBadRequest(await get(`/api/entities/${id}/graph?limit=301`), 'limit');
    expect((await get('/api/entities/ent-nope/graph')).status).toBe(404);
  });
});

describe('GET /api/documents', () => {
  it('lists the corpus', async () => {
    const res = await get('/api/documents');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    expect(res.body[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), path: expect.stringMatching(/^corpus\//) });
    expect(res.body[0].text).toBeUndefined();
  });

  it('returns one document with text, articles, passages and mentions whose offsets hold', async () => {
    const [summary] = (await get('/api/documents')).body;
    const res = await get(`/api/documents/${summary.id}`);
    expect(res.status).toBe(200);
    const { document, articles, passages, mentions } = res.body;
    expect(document).toMatchObject({ id: summary.id, title: summary.title, path: summary.path, format: 'txt' });
    expect(document.text.length).toBeGreaterThan(1000);
    expect(articles.length).toBe(summary.articles);
    expect(passages.length).toBe(summary.passages);
    expect(passages[0]).toEqual({ id: expect.any(String), articleId: expect.any(String), index: 0, start: expect.any(Number), end: expect.any(Number), breadcrumb: expect.any(Array) });
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions.slice(0, 50)) expect(m.end).toBeGreaterThan(m.start);
  });

  it('answers 404 for an unknown document and an unknown endpoint', async () => {
    const res = await get('/api/documents/doc-nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DOCUMENT_NOT_FOUND');
    const none = await get('/api/nowhere');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
  });
});
