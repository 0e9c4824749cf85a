/**
 * Original lines → content segments: noise lines dropped, markup (`#`, `**`, paid markers,
 * inline ads) cut out of the clean text, every kept char still pointing at its original offset.
 */
import { isWs } from './block.js';
import { inlineBylineLength } from './bylines.js';
import { splitLines, visualWidth, type RawLine } from './lines.js';
import {
  INLINE_SPAM,
  PAID_MARKER,
  isCaption,
  isPageMarker,
  isPhotoCredit,
  isSeparator,
  isSpam,
  isTocContinuation,
  isTocHeading,
  isTocLine,
  tocEntryTitle,
} from './noise.js';
import type { Seg } from './types.js';

export interface TocEntry {
  title: string;
  norm: string;
}

/** Text plus original offset of each char. */
interface Chars {
  text: string;
  offs: number[];
}

/** Title comparison key: NFKC, no whitespace, punctuation, symbols or markup. */
export function normTitle(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

function fromLine(line: RawLine): Chars {
  const offs = new Array<number>(line.text.length);
  for (let i = 0; i < offs.length; i++) offs[i] = line.start + i;
  return { text: line.text, offs };
}

function removeMatches(c: Chars, re: RegExp): Chars {
  re.lastIndex = 0;
  if (!re.test(c.text)) return c;
  re.lastIndex = 0;
  let text = '';
  const offs: number[] = [];
  let last = 0;
  for (const m of c.text.matchAll(re)) {
    const at = m.index ?? 0;
    text += c.text.slice(last, at);
    for (let i = last; i < at; i++) offs.push(c.offs[i]);
    last = at + m[0].length;
  }
  text += c.text.slice(last);
  for (let i = last; i < c.text.length; i++) offs.push(c.offs[i]);
  return { text, offs };
}

function slice(c: Chars, a: number, b = c.text.length): Chars {
  return { text: c.text.slice(a, b), offs: c.offs.slice(a, b) };
}

function trim(c: Chars): Chars {
  let a = 0;
  let b = c.text.length;
  while (a < b && isWs(c.text[a])) a++;
  while (b > a && isWs(c.text[b - 1])) b--;
  return a === 0 && b === c.text.length ? c : slice(c, a, b);
}

function seg(c: Chars, line: number, mdLevel: number, bold: boolean): Seg {
  return {
    text: c.text,
    offs: Int32Array.from(c.offs),
    line,
    width: visualWidth(c.text),
    role: 'body',
    mdLevel,
    bold,
  };
}

/** One short sentence: what a photo description above a credit line looks like. */
function isCaptionText(text: string): boolean {
  return text.length <= 100 && (text.match(/[。！？]/g)?.length ?? 0) <= 1;
}

export interface SegmentResult {
  segs: Seg[];
  toc: TocEntry[];
}

/** Split the original text into content segments and collect table-of-contents titles. */
export function segmentLines(original: string): SegmentResult {
  const segs: Seg[] = [];
  const toc: TocEntry[] = [];
  let inToc = false;
  for (const line of splitLines(original)) {
    let c = trim(removeMatches(fromLine(line), PAID_MARKER));
    const t = c.text;
    if (!t) continue;
    if (inToc && !isTocContinuation(t) && !isPageMarker(t)) inToc = false;
    if (inToc || isTocHeading(t) || isTocLine(t)) {
      inToc = inToc || isTocHeading(t);
      const title = tocEntryTitle(t);
      if (title) toc.push({ title, norm: normTitle(title) });
      continue;
    }
    if (isPageMarker(t) || isSpam(t) || isSeparator(t)) continue;
    if (isCaption(t)) {
      // `2024年春节前夕，志愿者在…写春联。` directly above `彭俊 摄（…）` is the caption text
      const prev = segs[segs.length - 1];
      if (isPhotoCredit(t) && prev && prev.line === line.index - 1 && prev.mdLevel === 0 && isCaptionText(prev.text)) segs.pop();
      continue;
    }
    let mdLevel = 0;
    const md = t.match(/^(#{1,6})(?!#)[ \t\u3000]*/);
    if (md && md[0].length < t.length) {
      mdLevel = md[1].length;
      c = trim(slice(c, md[0].length));
    }
    let bold = false;
    let rest: Chars | null = null;
    if (c.text.startsWith('**')) {
      const close = c.text.indexOf('**', 2);
      if (close > 2) {
        const after = trim(slice(c, close + 2));
        if (!after.text || mdLevel > 0) bold = !after.text;
        else {
          rest = after;
          c = slice(c, 0, close + 2);
          bold = true;
        }
      }
    }
    for (const part of rest ? [c, rest] : [c]) {
      let p = trim(removeMatches(removeMatches(part, /\*\*/g), INLINE_SPAM));
      if (!p.text) continue;
      const isBold = part === c && bold;
      if (!mdLevel && !isBold) {
        const k = inlineBylineLength(p.text);
        if (k > 0) {
          const head = seg(trim(slice(p, 0, k)), line.index, 0, false);
          head.role = 'byline';
          segs.push(head);
          p = trim(slice(p, k));
          if (!p.text) continue;
        }
      }
      segs.push(seg(p, line.index, mdLevel, isBold));
    }
  }
  return { segs, toc };
}
