import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { normalizeWidth } from './normalizeText.js';
import { findProtectedSpans } from './protectedSpans.js';

export interface Token {
  word: string;
  /** jieba part-of-speech tag; `pn` for a protected practice name, `m` for a formula. */
  tag: string;
  start: number;
  end: number;
}

const DICT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dict');
export const USER_DICT_FILES = [path.join(DICT_DIR, 'governance.dict')];

let loaded = false;
function ensureLoaded(): void {
  if (loaded) return;
  // jieba's 6 MB IDF table and stop-word list serve only its keyword extractor, which we never
  // call: one-line stand-ins save about a third of the dictionary load time.
  nodejieba.load({
    userDict: USER_DICT_FILES.join('|'),
    idfDict: path.join(DICT_DIR, 'minimal-idf.utf8'),
    stopWordDict: path.join(DICT_DIR, 'minimal-stopwords.utf8'),
  });
  loaded = true;
}

function tagPlain(text: string, offset: number, out: Token[]): void {
  if (!text) return;
  let cursor = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    out.push({ word, tag, start: offset + at, end: offset + at + word.length });
    cursor = at + word.length;
  }
}

/**
 * Segments text into tokens with offsets into `text`. Width is normalized first (offsets are
 * unchanged by that), so ＋ and + segment alike; protected spans become single tokens.
 */
export function segment(text: string): Token[] {
  const cached = recent.get(text);
  if (cached) return cached.map((t) => ({ ...t }));
  const tokens = segmentUncached(text);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, tokens);
  return tokens.map((t) => ({ ...t }));
}

/** Several extraction rules segment the same sentence: a small memo saves re-running jieba. */
const RECENT_LIMIT = 512;
const recent = new Map<string, Token[]>();

function segmentUncached(text: string): Token[] {
  ensureLoaded();
  const normalized = normalizeWidth(text);
  const tokens: Token[] = [];
  let cursor = 0;
  for (const span of findProtectedSpans(normalized)) {
    tagPlain(normalized.slice(cursor, span.start), cursor, tokens);
    const word = normalized.slice(span.start, span.end).replace(/\s+/g, '');
    tokens.push({ word, tag: /^[\d+A-Za-z\s]+$/.test(word) ? 'm' : 'pn', start: span.start, end: span.end });
    cursor = span.end;
  }
  tagPlain(normalized.slice(cursor), cursor, tokens);
  return tokens;
}

const SKIP = /^[\s\p{P}\p{S}]*$/u;

/**
 * Numbers, codes and Latin words (049, 12345, 12.5, COVID-19, DROP, 1,234): jieba alone cuts
 * them into single characters, so an exact number in a report could never be found.
 */
const LATIN_RUN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*/g;

/** jieba words for CJK text, with Latin/digit runs kept whole (thousands separators dropped). */
function cutKeepingLatin(text: string, add: (word: string) => void): void {
  let cursor = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    if (m.index > cursor) nodejieba.cut(text.slice(cursor, m.index)).forEach(add);
    add(/^\d{1,3}(?:,\d{3})+/.test(m[0]) ? m[0].replace(/,/g, '') : m[0]);
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) nodejieba.cut(text.slice(cursor)).forEach(add);
}

/**
 * Index-time and query-time tokenizer (one function, so the two never drift): words without
 * punctuation or space, ASCII upper-cased so 1+3+x finds 1+3+X; numbers, codes and Latin words
 * stay whole (`049号` → 049, 号).
 */
export function tokenize(text: string): string[] {
  ensureLoaded();
  const normalized = normalizeWidth(text);
  const words: string[] = [];
  const add = (word: string) => {
    if (!SKIP.test(word)) words.push(word.toUpperCase());
  };
  // Same cuts as segment(), without part-of-speech tagging, which tokenizing has no use for.
  let cursor = 0;
  for (const span of findProtectedSpans(normalized)) {
    cutKeepingLatin(normalized.slice(cursor, span.start), add);
    add(normalized.slice(span.start, span.end).replace(/\s+/g, ''));
    cursor = span.end;
  }
  cutKeepingLatin(normalized.slice(cursor), add);
  return words;
}
