/**
 * Articles → retrieval passages of roughly minChars–maxChars clean chars, sentence-aligned,
 * never crossing an article. Title and byline paragraphs open the article's first passage.
 * Paragraphs inside a passage are joined with "\n": that char is SYNTHETIC, mapped to the
 * original offset just before the next paragraph (monotonic, inside [start, end)).
 */
import { splitLong, splitSentences } from './sentences.js';
import type { PassageDraft, StructuredArticle, StructuredDocument, StructuredParagraph } from './types.js';

interface Unit {
  p: StructuredParagraph;
  cs: number;
  ce: number;
  pinned: boolean;
  sectionStart: boolean;
}

const len = (u: Unit): number => u.ce - u.cs;

function unitsOf(art: StructuredArticle, max: number): Unit[] {
  const units: Unit[] = [];
  let prevKey: string | null = null;
  let head = true;
  for (const p of art.paragraphs) {
    const pinned: boolean = head && (p.kind === 'title' || p.kind === 'byline');
    head = pinned;
    const key = p.sectionPath.join('\u0001');
    const sectionStart = !pinned && (p.kind === 'heading' || (prevKey !== null && key !== prevKey));
    if (!pinned) prevKey = key;
    const whole = p.kind !== 'body';
    const ranges = (whole ? [{ start: 0, end: p.text.length }] : splitSentences(p.text)).flatMap((r) =>
      r.end - r.start > max ? splitLong(p.text, r.start, r.end, max) : [r],
    );
    ranges.forEach((r, k) => units.push({ p, cs: r.start, ce: r.end, pinned, sectionStart: sectionStart && k === 0 }));
  }
  return units;
}

/** Length of a group's text. */
function groupLength(g: Unit[]): number {
  let n = 0;
  g.forEach((u, i) => {
    const prev = g[i - 1];
    n += prev && prev.p === u.p ? u.ce - prev.ce : len(u) + (i ? 1 : 0);
  });
  return n;
}

function group(units: Unit[], min: number, max: number): Unit[][] {
  const groups: Unit[][] = [];
  let cur: Unit[] = [];
  let curLen = 0;
  let hasBody = false;
  const lenWith = (u: Unit): number => {
    const last = cur[cur.length - 1];
    if (!last) return len(u);
    return last.p === u.p ? curLen + (u.ce - last.ce) : curLen + 1 + len(u);
  };
  const push = (u: Unit): void => {
    curLen = lenWith(u);
    cur.push(u);
    if (!u.pinned) hasBody = true;
  };
  const flush = (): void => {
    if (cur.length) groups.push(cur);
    cur = [];
    curLen = 0;
    hasBody = false;
  };
  /** Put the head of `u` (up to a comma) into the current group; return the rest. */
  const fill = (u: Unit): Unit | null => {
    const room = max - curLen - (cur.length ? 1 : 0);
    const text = u.p.text;
    for (let i = Math.min(u.ce - 1, u.cs + room - 1); i >= u.cs + 20; i--) {
      if ('，、：；,;:'.includes(text[i])) {
        push({ ...u, ce: i + 1 });
        return { ...u, cs: i + 1, sectionStart: false, pinned: false };
      }
    }
    return null;
  };
  for (let u of units) {
    if (u.pinned) {
      push(u);
      continue;
    }
    if (hasBody && u.sectionStart && curLen >= min) flush();
    while (lenWith(u) > max && cur.length) {
      if (hasBody && curLen >= min) {
        flush();
        break;
      }
      const rest = fill(u);
      if (rest) {
        flush();
        u = rest;
        continue;
      }
      // no comma fits: a short passage beats an over-long one (title-only groups never flush)
      if (hasBody) flush();
      break;
    }
    push(u);
  }
  flush();
  if (groups.length >= 2 && groupLength(groups[groups.length - 1]) < min) {
    groups.splice(groups.length - 2, 2, ...rebalance(groups[groups.length - 2], groups[groups.length - 1], max));
  }
  return groups;
}

/**
 * A short article tail: merge it into the previous passage when the result fits `max`,
 * else move the cut to the unit boundary that makes the smaller side as long as possible.
 */
function rebalance(prev: Unit[], last: Unit[], max: number): Unit[][] {
  const all = [...prev, ...last];
  if (groupLength(all) <= max) return [all];
  let bestK = prev.length;
  let best = groupLength(last);
  const firstFree = all.findIndex((u) => !u.pinned);
  for (let k = Math.max(1, firstFree + 1); k < all.length; k++) {
    const a = groupLength(all.slice(0, k));
    const b = groupLength(all.slice(k));
    if (a <= max && b <= max && Math.min(a, b) > best) [bestK, best] = [k, Math.min(a, b)];
  }
  return [all.slice(0, bestK), all.slice(bestK)];
}

function commonPrefix(paths: string[][]): string[] {
  if (!paths.length) return [];
  const out = [...paths[0]];
  for (const p of paths) {
    let k = 0;
    while (k < out.length && k < p.length && out[k] === p[k]) k++;
    out.length = k;
  }
  return out;
}

function assemble(g: Unit[], doc: StructuredDocument, art: StructuredArticle, index: number): PassageDraft {
  const map = new Int32Array(groupLength(g));
  const parts: string[] = [];
  const sentences: { start: number; end: number }[] = [];
  let pos = 0;
  const add = (p: StructuredParagraph, a: number, b: number): void => {
    parts.push(p.text.slice(a, b));
    map.set(p.map.subarray(a, b), pos);
    pos += b - a;
  };
  g.forEach((u, i) => {
    const prev = g[i - 1];
    if (prev && prev.p === u.p && prev.ce <= u.cs) {
      const at = pos + (u.cs - prev.ce);
      add(u.p, prev.ce, u.ce);
      sentences.push({ start: at, end: pos });
      return;
    }
    if (pos > 0) {
      parts.push('\n');
      map[pos] = Math.max(map[pos - 1], u.p.map[u.cs] - 1);
      pos++;
    }
    const at = pos;
    add(u.p, u.cs, u.ce);
    sentences.push({ start: at, end: pos });
  });
  const paths = g.filter((u) => u.p.kind === 'heading' || u.p.kind === 'body').map((u) => u.p.sectionPath);
  return {
    text: parts.join(''),
    map,
    start: map.length ? map[0] : art.start,
    end: map.length ? map[map.length - 1] + 1 : art.start,
    articleIndex: art.index,
    index,
    breadcrumb: [doc.title, art.title, ...commonPrefix(paths)],
    sentences,
  };
}

export function buildPassages(doc: StructuredDocument, opts: { minChars?: number; maxChars?: number } = {}): PassageDraft[] {
  const max = Math.max(1, opts.maxChars ?? 400);
  const min = Math.min(opts.minChars ?? 150, max);
  const out: PassageDraft[] = [];
  for (const art of doc.articles) {
    for (const g of group(unitsOf(art, max), min, max)) if (g.length) out.push(assemble(g, doc, art, out.length));
  }
  return out;
}
