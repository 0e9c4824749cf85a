import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import { createApp } from '../../web/server/createApp.js';
import { buildHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await buildHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The real store, except one method that fails the way a driver bug would. */
function failing(store: GraphStore, method: keyof GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === method) return async () => { throw new Error('boom at /secret/path/graph.sqlite'); };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('errors', () => {
  it('answers an unexpected failure with a generic 500: no stack, no message, logged server-side', async () => {
    const logs: string[] = [];
    const app = createApp({ store: failing(h.store, 'listDocuments'), engine: h.engine, config: h.config, log: (l) => logs.push(l) });
    const res = await request(app).get('/api/documents');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(res.text).not.toMatch(/boom|secret|\bat\s+\S+\s+\(|\.ts:\d+/);
    expect(logs.join('\n')).toContain('boom');
  });

  it('keeps a failing entity read a JSON 500 too', async () => {
    const app = createApp({ store: failing(h.store, 'getEntity'), engine: h.engine, config: h.config, log: () => {} });
    const res = await request(app).get('/api/entities/ent-x/graph');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.text).not.toContain('boom');
  });

  it('rejects a JSON body over 1 MB with 413', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ format: 'md', title: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await request(h.app).post('/api/export').set('Content-Type', 'application/json').send('{"format": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.text).not.toContain('SyntaxError');
  });

  it('never shows express HTML error pages', async () => {
    const res = await request(h.app).get('/api/entities/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});
