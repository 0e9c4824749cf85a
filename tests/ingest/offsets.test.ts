import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeKey } from '../../text/segment/index.js';
import { ingestCorpus, type CorpusStore } from '../helpers/corpusStore.js';

let ctx: CorpusStore;
beforeAll(async () => {
  ctx = await ingestCorpus();
});
afterAll(() => ctx?.dispose());

/** Noise the cleaner drops inside one mention: whitespace, page markers, markdown emphasis. */
const stripNoise = (text: string) => text.replace(/[—–-]\s*\d+\s*[—–-]\s*★?|★|##paid(begin|end)##|[*#]+|\s+/g, '');

/** The cleaned text is the original span minus dropped noise: an in-order subsequence of it. */
function isSubsequence(clean: string, original: string): boolean {
  let at = 0;
  for (const ch of clean) {
    if (/\s/.test(ch)) continue;
    at = original.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

describe('offsets round-trip to the original text', () => {
  it('every passage span holds its cleaned text in order, and spans of one document never overlap', async () => {
    const passages = await ctx.store.allPassages();
    expect(passages.length).toBeGreaterThan(100);
    let previous: (typeof passages)[number] | undefined;
    for (const p of [...passages].sort((a, b) => a.docId.localeCompare(b.docId) || a.start - b.start)) {
      const doc = (await ctx.store.getDocument(p.docId))!;
      const original = doc.text.slice(p.start, p.end);
      expect(isSubsequence(p.text, original), p.id).toBe(true);
      expect(original[0]).toBe(p.text[0]);
      expect(original[original.length - 1]).toBe(p.text[p.text.length - 1]);
      if (previous?.docId === p.docId) expect(p.start).toBeGreaterThanOrEqual(previous.end);
      previous = p;
    }
  });

  it('every entity evidence span names the entity (name or alias) in the original text', async () => {
    let checked = 0;
    const regions = await ctx.store.findEntities({ type: 'region', limit: 100_000 });
    for (const type of ['region', 'organization', 'mechanism', 'person'] as const) {
      for (const entity of await ctx.store.findEntities({ type, limit: 100_000 })) {
        // A division ancestor a document never names (甘肃省 of 酒泉路街道) is cited with a descendant's mention: its code proves the link.
        const code = entity.props.citedBy === 'descendant' ? String(entity.props.code) : undefined;
        const descendants = code ? regions.filter((r) => String(r.props.code ?? '').startsWith(code) && r.id !== entity.id) : [];
        const names = [entity.name, entity.key, ...entity.aliases, ...descendants.flatMap((d) => [d.name, ...d.aliases])].map(normalizeKey);
        for (const ev of await ctx.store.evidenceOf(entity.id, 1000)) {
          const doc = (await ctx.store.getDocument(ev.docId))!;
          expect(ev.text).toBe(doc.text.slice(ev.start, ev.end));
          const cited = normalizeKey(stripNoise(ev.text));
          expect(names.some((n) => cited.includes(n) || n.includes(cited)), `${entity.name} ← “${ev.text}”`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('every relation evidence lies inside the passage it names', async () => {
    const passages = new Map((await ctx.store.allPassages()).map((p) => [p.id, p]));
    const mechanisms = await ctx.store.findEntities({ type: 'mechanism', limit: 100_000 });
    let checked = 0;
    for (const m of mechanisms) {
      for (const rel of await ctx.store.relationsOf(m.id)) {
        for (const ev of rel.evidence) {
          const p = passages.get(ev.passageId)!;
          expect(p.docId).toBe(ev.docId);
          expect(ev.start).toBeGreaterThanOrEqual(p.start);
          expect(ev.end).toBeLessThanOrEqual(p.end);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
