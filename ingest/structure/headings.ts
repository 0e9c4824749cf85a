/** Heading recognition: markdown, Chinese/Arabic list numbering, chapters, bare short lines. */
import type { HeadingInfo } from './types.js';

const CN_NUM = '一二三四五六七八九十百零〇两';

interface NumberingRule {
  re: RegExp;
  style: (m: RegExpMatchArray) => string;
  rank: (m: RegExpMatchArray) => number;
  /** Weak markers (`1.`, `（1）`) may be a wrapped continuation such as `1.84万人`. */
  weak: boolean;
}

const RULES: NumberingRule[] = [
  { re: new RegExp(`^第[${CN_NUM}\\d]{1,4}(?:章|篇|部分|编)`), style: () => 'chap', rank: () => 1, weak: false },
  { re: new RegExp(`^第[${CN_NUM}\\d]{1,4}节`), style: () => 'sect', rank: () => 2, weak: false },
  { re: /^[一二三四五六七八九十]{1,3}\s*[、．.]/, style: () => 'cn', rank: () => 3, weak: false },
  { re: /^[（(][一二三四五六七八九十]{1,3}[）)]/, style: () => 'cn-paren', rank: () => 4, weak: false },
  // 1.1 / 2.1.3 followed by a space (or anything in markdown, see `numbering`)
  {
    re: /^\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?(?=[\s\u3000])/,
    style: (m) => `dec${m[0].split(/[.．]/).filter(Boolean).length}`,
    rank: (m) => 4 + m[0].split(/[.．]/).filter(Boolean).length,
    weak: true,
  },
  { re: /^\d{1,2}\s*[.．、](?![\d])/, style: () => 'dec1', rank: () => 5, weak: true },
  { re: /^[（(]\d{1,2}[）)]/, style: () => 'ar-paren', rank: () => 9, weak: true },
  { re: /^[①-⑳]/, style: () => 'circled', rank: () => 10, weak: true },
];

const MD_DECIMAL = /^\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?(?=\S)/;

export interface Numbering {
  style: string;
  rank: number;
  weak: boolean;
  /** Length of the marker (e.g. `（一）` → 3). */
  markerLength: number;
  /** The numeral itself, e.g. `1`, `一`, `2.1`. */
  numeral: string;
}

/** Numbering marker at the start of a line, if any. `inMarkup`: markdown/bold lines allow `1.1标题`. */
export function numbering(text: string, inMarkup = false): Numbering | null {
  for (const rule of RULES) {
    const m = text.match(rule.re);
    if (m) return mk(rule.style(m), rule.rank(m), rule.weak, m[0]);
  }
  if (inMarkup) {
    const m = text.match(MD_DECIMAL);
    if (m) {
      const depth = m[0].split(/[.．]/).filter(Boolean).length;
      return mk(`dec${depth}`, 4 + depth, true, m[0]);
    }
  }
  return null;
}

function mk(style: string, rank: number, weak: boolean, marker: string): Numbering {
  const numeral = marker.replace(/^第/, '').replace(/[（()）、．.\s章节篇编部分]+$/g, '').replace(/^[（(]/, '');
  return { style, rank, weak, markerLength: marker.length, numeral };
}

/** True for the first item of a list: `1.`, `一、`, `第一章`, `（1）`. */
export function isFirstNumeral(n: Numbering): boolean {
  return n.numeral === '1' || n.numeral === '一' || n.numeral === '①';
}

/**
 * Sentence-final punctuation at the end: 。！？；：… — and a closing quote/bracket only
 * right after one of those (`…。”`), since `打造“临港特色乡村度假区”` can break mid-sentence.
 */
export function endsWithFinal(text: string): boolean {
  const t = text.trimEnd();
  const c = t[t.length - 1];
  if (!c) return false;
  if ('。！？；：…!?;:'.includes(c)) return true;
  if ('”’」』）)》】"\''.includes(c)) return '。！？；：…!?;:'.includes(t[t.length - 2] ?? '');
  return false;
}

/** Ends like a sentence (used for headings, which may end with ” or ：). */
export function endsLikeSentence(text: string): boolean {
  const c = text.trimEnd().slice(-1);
  return '。！？；!?;'.includes(c) && c !== '';
}

function headingText(text: string): string {
  return text.trim().replace(/[。！？；!?;，,、]+$/, '').trim();
}

/**
 * Heading info for a line that IS a heading (markdown, bold, numbered or a bare title line).
 * Numbered headings use their numbering style (so `### 2.1` and `#### 2.4` are siblings);
 * unnumbered markdown headings use `md<level>`; everything else `plain`/`bold`.
 */
export function headingInfoOf(text: string, mdLevel: number, bold = false): HeadingInfo {
  const n = numbering(text.trim(), mdLevel > 0 || bold);
  if (n) return { style: n.style, family: 'num', rank: n.rank, text: headingText(text) };
  if (mdLevel > 0) return { style: `md${mdLevel}`, family: 'md', rank: mdLevel, text: headingText(text) };
  return { style: bold ? 'bold' : 'plain', family: 'other', rank: 0, text: headingText(text) };
}

const MAX_HEADING_WIDTH = 45;

/** A numbered line short enough, and without a final stop, to stand alone as a heading. */
export function isStandaloneNumbered(text: string): Numbering | null {
  const t = text.trim();
  const n = numbering(t);
  if (!n) return null;
  const rest = t.slice(n.markerLength).trim();
  if (rest.length < 2 || rest.length > MAX_HEADING_WIDTH || endsLikeSentence(t) || /[。！？]/.test(rest)) return null;
  return n;
}

/**
 * Lead phrase of a numbered body paragraph: `一、凝聚党建联建合力。牢固树立…` → heading
 * `一、凝聚党建联建合力` while the paragraph stays body. Only strong-enough markers and a
 * short phrase (≤ 30 chars after the marker) qualify.
 */
export function leadPhrase(text: string): HeadingInfo | null {
  const t = text.trim();
  const n = numbering(t);
  if (!n) return null;
  const stop = t.search(/[。！？]/);
  if (stop < 0) return null;
  const phrase = t.slice(0, stop);
  if (phrase.length - n.markerLength < 2 || phrase.length - n.markerLength > 30) return null;
  return { style: n.style, family: 'num', rank: n.rank, text: phrase.trim() };
}

/** Shape of a bare title/heading line: short, no clause punctuation, no final stop. */
export function looksLikeBareHeading(text: string, width: number): boolean {
  const t = text.trim();
  if (t.length < 2 || width > MAX_HEADING_WIDTH) return false;
  // `以“矛盾处置闭环”聚焦基层治理“微循环”，不断强化问题导向的“主动应对”路径` has one comma
  if (/[,。；;！？!?：:]/.test(t) || (t.match(/，/g)?.length ?? 0) > 2) return false;
  if (/[，、—\-（(“《]$/.test(t) || /^[—–-]/.test(t)) return false;
  if (/^\d+$/.test(t)) return false;
  return true;
}

/**
 * Nominal heading level of a single line, 0 when the line is not a heading on its own.
 * Markdown: number of `#`. Numbered: 第X章 1, 第X节 2, 一、 1, （一） 2, 1./1． 3, 1.1 4, （1） 5, ① 6.
 * Bare short lines are context dependent (see segments.ts) and return 0 here.
 */
export function headingLevel(line: string): number {
  const t = line.replace(/##paid(?:begin|end)##/gi, '').trim();
  const md = t.match(/^(#{1,6})(?!#)\s*\S/);
  if (md) return md[1].length;
  const bold = /^\*\*[^*]+\*\*$/.test(t);
  const inner = bold ? t.slice(2, -2).trim() : t;
  const n = bold ? numbering(inner, true) : isStandaloneNumbered(inner);
  if (!n) return 0;
  const byStyle: Record<string, number> = { chap: 1, sect: 2, cn: 1, 'cn-paren': 2, dec1: 3, dec2: 4, dec3: 5, dec4: 6, 'ar-paren': 5, circled: 6 };
  return byStyle[n.style] ?? 3;
}
