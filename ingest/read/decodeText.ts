/**
 * Bytes → text with automatic encoding detection, tuned for Chinese documents.
 *
 * Order of evidence:
 *   1. BOMs of UTF-16/32 (these bytes are never valid UTF-8);
 *   2. NUL bytes: only BOM-less UTF-16 (found by statistics) may contain them, else FILE_BINARY;
 *   3. strictly valid UTF-8 (with or without BOM) → UTF-8;
 *   4. chardet's candidates, GB18030 first (short Chinese texts are often
 *      misdetected as EUC-KR/KOI8-R/…) unless chardet is confident of another
 *      encoding; the first clean decoding wins; GB names decode as gb18030;
 *   5. BOM-less UTF-16 without NULs (pure CJK) as a last resort.
 * A decoding with too many U+FFFD/control characters is FILE_UNDECODABLE.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { FileError } from '../../graph/errors.js';
import { canonicalizeText, requireContent } from './canonicalText.js';
import { decodeMixed } from './decodeMixed.js';
import { garbageRatio, guessUtf16ByteOrder, isClean, MAX_GARBAGE_RATIO, textStats, type TextStats } from './textQuality.js';

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', or another iconv-lite name. */
  encoding: string;
}

const GB_FAMILY = new Set(['gb18030', 'gbk', 'gb2312', 'gb_2312-80', 'euc-cn', 'x-euc-cn', 'cp936', 'ms936', 'windows-936', 'x-gbk', 'chinese', 'csgb2312', 'iso-ir-58']);
const CHARDET_SAMPLE_BYTES = 64 * 1024;

/** Maps a charset label to the name used for decoding: GB family → gb18030; undefined when unsupported. */
export function canonicalEncodingName(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (GB_FAMILY.has(name)) return 'gb18030';
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes strictly valid UTF-8; a multi-byte sequence cut off at the very end is dropped. */
export function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

interface Attempt extends DecodedText {
  stats: TextStats;
}

function attempt(bytes: Uint8Array, encoding: string, label = encoding): Attempt {
  const text = iconv.decode(asBuffer(bytes), encoding, { stripBOM: true });
  return { text, encoding: label, stats: textStats(text) };
}

function undecodable(file: string, best: Attempt | undefined): FileError {
  const detail = best
    ? `best guess ${best.encoding} gives ${(garbageRatio(best.stats) * 100).toFixed(1)}% replacement/control characters`
    : 'no candidate encoding';
  return new FileError('FILE_UNDECODABLE', file, `bytes are not valid UTF-8 and no encoding decodes them cleanly (${detail})`);
}

function accept(file: string, result: Attempt): DecodedText {
  if (garbageRatio(result.stats) > MAX_GARBAGE_RATIO) throw undecodable(file, result);
  return { text: result.text, encoding: result.encoding };
}

function decodeByBom(bytes: Uint8Array): Attempt | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return attempt(bytes.subarray(4), 'utf-32le');
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return attempt(bytes.subarray(4), 'utf-32be');
  if (startsWith(bytes, [0xff, 0xfe])) return attempt(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return attempt(bytes.subarray(2), 'utf-16be');
  return undefined;
}

/** chardet confidence (0-100) at which its non-GB verdict overrides the Chinese bias. */
const CONFIDENT = 90;
/** …provided GB18030 scores at least this much lower. */
const CONFIDENT_MARGIN = 50;

/**
 * Encodings to try, most likely first: GB18030 (the Chinese bias), then
 * chardet's ranking — unless chardet is confident of another encoding and
 * rates GB18030 far lower (Japanese Shift_JIS, Korean EUC-KR, …).
 */
function candidateEncodings(bytes: Uint8Array): string[] {
  const matches = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES));
  const names = matches
    .map((m) => canonicalEncodingName(m.name))
    .filter((n): n is string => n !== undefined && n !== 'utf-8' && !n.startsWith('utf-16') && !n.startsWith('utf-32'));
  const top = matches[0];
  const gbConfidence = matches.find((m) => canonicalEncodingName(m.name) === 'gb18030')?.confidence ?? 0;
  const trustTop = top !== undefined && top.confidence >= CONFIDENT && gbConfidence <= top.confidence - CONFIDENT_MARGIN;
  return [...new Set(trustTop ? [...names, 'gb18030'] : ['gb18030', ...names])];
}

function decodeLegacy(bytes: Uint8Array, declared?: string): Attempt | undefined {
  let best: Attempt | undefined;
  const candidates = candidateEncodings(bytes);
  for (const encoding of declared && declared !== 'utf-8' ? [declared, ...candidates.filter((c) => c !== declared)] : candidates) {
    const result = attempt(bytes, encoding);
    if (isClean(result.stats)) return result;
    const score = (r: Attempt) => (r.stats.replacement + r.stats.control) * 10 + r.stats.privateUse;
    if (!best || score(result) < score(best)) best = result;
  }
  return best;
}

/**
 * Detects the encoding of text bytes and decodes them, without canonicalization.
 * `declared` is a charset label from the container (e.g. HTML <meta charset>).
 */
export function detectAndDecode(bytes: Uint8Array, file: string, declared?: string): DecodedText {
  if (bytes.length === 0) throw new FileError('FILE_EMPTY', file, 'file is empty (0 bytes)');

  const byBom = decodeByBom(bytes);
  if (byBom) return accept(file, byBom);

  if (bytes.includes(0)) {
    const order = guessUtf16ByteOrder(bytes);
    if (order) return accept(file, attempt(bytes, order));
    throw new FileError('FILE_BINARY', file, 'contains NUL bytes: binary data, not text');
  }

  const hasUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const utf8 = decodeStrictUtf8(hasUtf8Bom ? bytes.subarray(3) : bytes);
  const declaredName = declared ? canonicalEncodingName(declared) : undefined;
  if (utf8 !== undefined && !hasUtf8Bom && declaredName && declaredName !== 'utf-8' && !/[\u0800-\uffff]/.test(utf8)) {
    // Valid UTF-8 without 3-byte sequences is ambiguous ("目 录" in GBK is valid UTF-8): trust the declaration.
    const result = attempt(bytes, declaredName, declaredName);
    if (isClean(result.stats)) return accept(file, result);
  }
  if (utf8 !== undefined) {
    return accept(file, { text: utf8, encoding: hasUtf8Bom ? 'utf-8-bom' : 'utf-8', stats: textStats(utf8) });
  }

  // Valid UTF-8 lines beside lines in another encoding: decode each part by itself, or refuse.
  const mixed = decodeMixed(bytes, file, (part) => {
    const legacy = decodeLegacy(part, declaredName);
    return legacy && { text: legacy.text, encoding: legacy.encoding };
  });
  if (mixed) return mixed;

  if (declaredName && declaredName !== 'utf-8') {
    const result = attempt(bytes, declaredName);
    if (garbageRatio(result.stats) <= MAX_GARBAGE_RATIO) return accept(file, result);
  }

  const legacy = decodeLegacy(bytes);
  if (legacy && garbageRatio(legacy.stats) <= MAX_GARBAGE_RATIO) return accept(file, legacy);

  const order = guessUtf16ByteOrder(bytes);
  if (order) return accept(file, attempt(bytes, order));
  throw undecodable(file, legacy);
}

/**
 * Decodes the bytes of a text file into its canonical original text
 * (BOM stripped, line endings \n, NFC). Throws FileError FILE_EMPTY,
 * FILE_BINARY or FILE_UNDECODABLE.
 */
export function decodeTextBytes(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const decoded = detectAndDecode(bytes, file);
  const text = requireContent(canonicalizeText(decoded.text), file);
  return { text, encoding: decoded.encoding };
}
