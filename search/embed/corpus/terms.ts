/**
 * The features the corpus embedder counts for one text: the tokenizer's words (lower-cased, without
 * punctuation-only or number-only tokens) plus, optionally, character bigrams inside runs of Han
 * characters. Bigrams are handled as numbers (two code points) while counting, which avoids building a
 * string per bigram; as vocabulary entries they are strings in their own namespace (BIGRAM_PREFIX + the two
 * characters), so the word 物业 and the bigram 物业 stay separate terms.
 */

export const BIGRAM_PREFIX = '\u0002';

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER_LIKE = /^[\p{N}.,:/%\-+]+$/u;
const HAN = /\p{Script=Han}/u;
const CODE_POINT_LIMIT = 0x110000;

function isHan(codePoint: number): boolean {
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return true; // CJK Unified Ideographs, the common case
  if (codePoint < 0x2e80) return false;
  return HAN.test(String.fromCodePoint(codePoint));
}

/** Keeps a token as a term, or returns null for whitespace, punctuation and bare numbers. */
export function normalizeToken(token: string): string | null {
  let allCommonHan = token.length > 0;
  for (let i = 0; i < token.length && allCommonHan; i++) {
    const c = token.charCodeAt(i);
    allCommonHan = c >= 0x4e00 && c <= 0x9fff;
  }
  if (allCommonHan) return token; // fast path for the bulk of Chinese tokens: nothing to trim or lower-case
  const t = token.trim().toLowerCase();
  if (t.length === 0 || !HAS_WORD_CHAR.test(t) || NUMBER_LIKE.test(t)) return null;
  return t;
}

/** A bigram of two code points as one number (exact: below 2^41). */
export function bigramKey(first: number, second: number): number {
  return first * CODE_POINT_LIMIT + second;
}

export function bigramTerm(key: number): string {
  return BIGRAM_PREFIX + String.fromCodePoint(Math.floor(key / CODE_POINT_LIMIT), key % CODE_POINT_LIMIT);
}

/** The key of a bigram vocabulary entry, or null for a word. */
export function bigramKeyOfTerm(term: string): number | null {
  if (!term.startsWith(BIGRAM_PREFIX)) return null;
  const [first, second] = [...term.slice(BIGRAM_PREFIX.length)];
  return bigramKey(first.codePointAt(0)!, second.codePointAt(0)!);
}

/** Calls visit with the key of every bigram of two adjacent Han characters in text. */
export function forEachHanBigram(text: string, visit: (key: number) => void): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
    }
    if (isHan(codePoint)) {
      if (previous >= 0) visit(bigramKey(previous, codePoint));
      previous = codePoint;
    } else {
      previous = -1;
    }
  }
}

export interface TermVisitor {
  word(term: string): void;
  bigram(key: number): void;
}

/** Visits every term occurrence of one text: its words, then (with charBigrams) its Han bigrams. */
export function forEachTerm(tokens: readonly string[], text: string, charBigrams: boolean, visitor: TermVisitor): void {
  for (const token of tokens) {
    const term = normalizeToken(token);
    if (term !== null) visitor.word(term);
  }
  if (charBigrams) forEachHanBigram(text, (key) => visitor.bigram(key));
}

/** Vocabulary lookup for words and bigrams, built from the vocabulary strings. */
export class TermIndex {
  private readonly words = new Map<string, number>();
  private readonly bigrams = new Map<number, number>();

  constructor(vocabulary: readonly string[]) {
    vocabulary.forEach((term, id) => {
      const key = bigramKeyOfTerm(term);
      if (key === null) this.words.set(term, id);
      else this.bigrams.set(key, id);
    });
  }

  /** Vocabulary ids of a text's term occurrences (unknown terms skipped). */
  ids(tokens: readonly string[], text: string, charBigrams: boolean): number[] {
    const ids: number[] = [];
    forEachTerm(tokens, text, charBigrams, {
      word: (term) => {
        const id = this.words.get(term);
        if (id !== undefined) ids.push(id);
      },
      bigram: (key) => {
        const id = this.bigrams.get(key);
        if (id !== undefined) ids.push(id);
      },
    });
    return ids;
  }
}
