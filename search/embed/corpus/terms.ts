/**
 * The features the corpus embedder counts for one text: the tokenizer's words (lower-cased, without
 * punctuation-only or number-only tokens) plus, optionally, character bigrams inside runs of Han
 * characters. Bigrams live in their own namespace so the word 物业 and the bigram 物业 stay separate terms.
 */

export const BIGRAM_PREFIX = '\u0002';

const HAN = /\p{Script=Han}/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER_LIKE = /^[\p{N}.,:/%\-+]+$/u;

export interface TermOptions {
  /** Add character bigrams of Han runs to the words. */
  readonly charBigrams: boolean;
}

/** Keeps a token as a term, or returns null for whitespace, punctuation and bare numbers. */
export function normalizeToken(token: string): string | null {
  const t = token.trim().toLowerCase();
  if (t.length === 0 || !HAS_WORD_CHAR.test(t) || NUMBER_LIKE.test(t)) return null;
  return t;
}

/** Character bigrams of every run of two or more Han characters in the text. */
export function hanBigrams(text: string, out: string[] = []): string[] {
  let previous = '';
  for (const ch of text) {
    if (HAN.test(ch)) {
      if (previous) out.push(BIGRAM_PREFIX + previous + ch);
      previous = ch;
    } else {
      previous = '';
    }
  }
  return out;
}

/** All term occurrences of one text, in order (duplicates kept: counts matter). */
export function extractTerms(tokens: readonly string[], text: string, options: TermOptions): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const term = normalizeToken(token);
    if (term !== null) terms.push(term);
  }
  if (options.charBigrams) hanBigrams(text, terms);
  return terms;
}
