import { describe, expect, it } from 'vitest';
import { buildPassages, splitSentences, structureDocument, toOriginalSpan, type PassageDraft, type StructuredDocument } from './index.js';
import { corpusFiles, corpusText, expectRoundTrip } from './testCorpus.js';

const prefixes = corpusFiles.map((f) => f.slice(0, 3));
const built = new Map<string, { doc: StructuredDocument; passages: PassageDraft[] }>();
function get(p: string): { doc: StructuredDocument; passages: PassageDraft[] } {
  let b = built.get(p);
  if (!b) {
    const doc = structureDocument(corpusText(p));
    b = { doc, passages: buildPassages(doc) };
    built.set(p, b);
  }
  return b;
}

describe('splitSentences', () => {
  it('splits after 。！？； with closing quotes, and at newlines', () => {
    const t = '“子女都在外地，这里还可以就餐。”张本珍说。好！\n标题行\n  第二句；末尾';
    expect(splitSentences(t).map((r) => t.slice(r.start, r.end))).toEqual(['“子女都在外地，这里还可以就餐。”', '张本珍说。', '好！', '标题行', '第二句；', '末尾']);
  });
  it('returns nothing for blank text', () => expect(splitSentences(' \n ')).toEqual([]));
});

describe('passages', () => {
  it.each(prefixes)('%s: map round-trips (only the joining \\n is synthetic)', (p) => {
    const original = corpusText(p);
    for (const ps of get(p).passages) {
      expectRoundTrip(original, ps, false);
      for (let i = 0; i < ps.text.length; i++) if (/\s/.test(ps.text[i]) && ps.text[i] !== '\n') expect(original[ps.map[i]]).toMatch(/\s/);
    }
  });

  it.each(prefixes)('%s: passages stay inside their article, in order, and cover every paragraph char once', (p) => {
    const { doc, passages } = get(p);
    passages.forEach((ps, i) => {
      expect(ps.index).toBe(i);
      const a = doc.articles[ps.articleIndex];
      expect(ps.start).toBeGreaterThanOrEqual(a.start);
      expect(ps.end).toBeLessThanOrEqual(a.end);
      if (i) expect(ps.start).toBeGreaterThan(passages[i - 1].end - 1);
      expect(ps.breadcrumb.slice(0, 2)).toEqual([doc.title, a.title]);
    });
    const fromParas = doc.articles.flatMap((a) => a.paragraphs.flatMap((q) => [...q.map]));
    const fromPassages = passages.flatMap((ps) => [...ps.map].filter((_, i) => ps.text[i] !== '\n'));
    expect(fromPassages).toEqual(fromParas);
  });

  it.each(prefixes)('%s: the first passage of an article opens with its title and byline', (p) => {
    const { doc, passages } = get(p);
    for (const a of doc.articles) {
      const first = passages.find((ps) => ps.articleIndex === a.index);
      expect(first).toBeDefined();
      for (const q of a.paragraphs.filter((x) => x.kind === 'title' || x.kind === 'byline')) expect(first?.text).toContain(q.text);
      if (a.byline) expect(first?.text).toContain(a.byline);
    }
  });

  it.each(prefixes)('%s: sentences are clean ranges of the passage text', (p) => {
    for (const ps of get(p).passages) {
      let last = 0;
      for (const s of ps.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeGreaterThan(s.start);
        expect(ps.text.slice(s.start, s.end)).not.toMatch(/\n/);
        last = s.end;
      }
    }
  });

  it.each(prefixes)('%s: no noise in passage text', (p) => {
    for (const ps of get(p).passages) expect(ps.text).not.toMatch(/##paid|联系微信|rcjubi9|\*\*|(^|\n)#|图为|[.．…]{3,}\s*\d|—\s*\d+\s*—|扫码观看|(^|\n)目\s*录(\n|$)|邱东芳摄|彭俊 摄/);
  });

  it('lengths: almost all within 150–400; shorter ones are article tails or rebalanced neighbours', () => {
    const all = prefixes.flatMap((p) => get(p).passages);
    const lens = all.map((ps) => ps.text.length).sort((a, b) => a - b);
    const inRange = lens.filter((n) => n >= 150 && n <= 400).length;
    console.log(`passages=${lens.length} min=${lens[0]} p10=${lens[Math.floor(lens.length * 0.1)]} median=${lens[Math.floor(lens.length / 2)]} p90=${lens[Math.floor(lens.length * 0.9)]} max=${lens[lens.length - 1]} in[150,400]=${inRange}`);
    expect(inRange / lens.length).toBeGreaterThan(0.95);
    expect(lens[lens.length - 1]).toBeLessThanOrEqual(400);
    expect(lens[0]).toBeGreaterThanOrEqual(60);
  });

  it('003: the wrapped sentence is unbroken inside one passage', () => {
    const hits = get('003').passages.filter((ps) => ps.text.includes('立足巴中实践探索和实际需要'));
    expect(hits).toHaveLength(1);
    const ps = hits[0];
    const cs = ps.text.indexOf('立足巴中实践探索和实际需要');
    const span = toOriginalSpan(ps, cs, cs + '立足巴中实践探索和实际需要'.length);
    const orig = corpusText('003').slice(span.start, span.end);
    expect(orig.replace(/\s/g, '')).toBe('立足巴中实践探索和实际需要');
  });

  it('toOriginalSpan maps a citation back to the original text', () => {
    const ps = get('001').passages.find((x) => x.text.includes('纸长廊'));
    expect(ps).toBeDefined();
    if (!ps) return;
    const cs = ps.text.indexOf('党史剪纸长廊');
    const span = toOriginalSpan(ps, cs, cs + 6);
    const orig = corpusText('001').slice(span.start, span.end);
    expect(orig.startsWith('党史剪')).toBe(true);
    expect(orig).toContain('— 1 —'); // the page break sits inside the original span
    expect(orig.endsWith('纸长廊')).toBe(true);
    expect(toOriginalSpan(ps, 3, 3)).toEqual({ start: ps.map[3], end: ps.map[3] });
  });

  it('001: breadcrumbs carry the speech title and the lead-phrase section', () => {
    const ps = get('001').passages.find((x) => x.text.startsWith('二、全力优化物业服务'));
    expect(ps?.breadcrumb).toEqual(['兰州市乡镇街道党（工）委书记工作交流会发言材料汇编', '党建引领强服务基层治理新实践', '二、全力优化物业服务']);
  });

  it('respects custom sizes and splits an over-long sentence at commas', () => {
    const { doc } = get('003');
    const small = buildPassages(doc, { minChars: 40, maxChars: 80 });
    for (const ps of small) expect(ps.text.length).toBeLessThanOrEqual(80 + 40);
    const long = '基层治理' + '，推进网格化管理'.repeat(80) + '。';
    const d = structureDocument(`标题\n\n${long}\n`);
    const ps = buildPassages(d, { maxChars: 100 });
    expect(ps.length).toBeGreaterThan(5);
    for (const x of ps) expect(x.text.length).toBeLessThanOrEqual(100);
    expect(ps.map((x) => x.text.replace(/^标题\n/, '')).join('')).toBe(long);
  });
});
