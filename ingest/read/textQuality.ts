/**
 * Character statistics used to judge whether decoded text is real text:
 * how many characters are replacement/control garbage, and how many look
 * like ordinary Chinese or Latin prose.
 */
import iconv from 'iconv-lite';

/** Counts over the characters of a decoded string. */
export interface TextStats {
  /** Number of code points. */
  total: number;
  /** U+FFFD replacement characters and unpaired surrogates. */
  replacement: number;
  /** C0/C1 control characters other than tab, LF, VT, FF, CR; plus DEL. */
  control: number;
  /** Private-use-area characters (typical of a wrong legacy decoding). */
  privateUse: number;
  /** Characters outside ASCII. */
  nonAscii: number;
  /** CJK ideographs (unified, extension A, compatibility). */
  cjk: number;
  /** Characters of the kinds ordinary Chinese/Latin documents consist of. */
  plausible: number;
}

function isCjkIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f);
}

function isAllowedControl(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0b || cp === 0x0c || cp === 0x0d;
}

/** Ordinary characters: printable ASCII, whitespace, Latin letters, CJK and its punctuation. */
function isPlausible(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (isAllowedControl(cp)) return true;
  if (isCjkIdeograph(cp)) return true;
  return (
    (cp >= 0x00a0 && cp <= 0x024f) || // Latin-1 supplement, Latin extended
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation (… — “ ”)
    (cp >= 0x2100 && cp <= 0x27bf) || // letterlike, numbers, arrows, math, shapes (★ ①)
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, compatibility
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    cp === 0xfeff
  );
}

export function textStats(text: string): TextStats {
  const stats: TextStats = { total: 0, replacement: 0, control: 0, privateUse: 0, nonAscii: 0, cjk: 0, plausible: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    stats.total++;
    if (cp >= 0x80) stats.nonAscii++;
    if (cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff)) stats.replacement++;
    else if ((cp < 0x20 && !isAllowedControl(cp)) || (cp >= 0x7f && cp <= 0x9f)) stats.control++;
    else if (cp >= 0xe000 && cp <= 0xf8ff) stats.privateUse++;
    if (isCjkIdeograph(cp)) stats.cjk++;
    if (isPlausible(cp)) stats.plausible++;
  }
  return stats;
}

/** Share of garbage characters (replacement + control) above which text counts as undecodable. */
export const MAX_GARBAGE_RATIO = 0.01;

export function garbageRatio(stats: TextStats): number {
  return stats.total === 0 ? 0 : (stats.replacement + stats.control) / stats.total;
}

/** True when the text has no replacement, control or private-use characters at all. */
export function isClean(stats: TextStats): boolean {
  return stats.replacement === 0 && stats.control === 0 && stats.privateUse === 0;
}

export function plausibleRatio(stats: TextStats): number {
  return stats.total === 0 ? 0 : stats.plausible / stats.total;
}

/**
 * Guesses the byte order of BOM-less UTF-16 from character statistics: decodes
 * the bytes both ways and keeps the reading that is (almost) entirely ordinary
 * text. Returns undefined when neither reading is convincing.
 */
export function guessUtf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = plausibleRatio(textStats(iconv.decode(buffer, 'utf-16le')));
  const be = plausibleRatio(textStats(iconv.decode(buffer, 'utf-16be')));
  const best = Math.max(le, be);
  if (best < 0.95 || le === be) return undefined;
  return le > be ? 'utf-16le' : 'utf-16be';
}
