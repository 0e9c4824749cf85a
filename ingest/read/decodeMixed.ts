/**
 * Files stitched together from several sources mix encodings line by line (UTF-8 paragraphs pasted
 * into a GBK file). Whole-file detection then picks one encoding and the rest becomes mojibake, so
 * such files are decoded per group of lines: UTF-8 where the line is valid UTF-8 with CJK-range
 * characters, the best clean legacy decoding elsewhere — or refused when a part has none.
 */
import { FileError } from '../../graph/errors.js';
import { plausibleRatio, textStats, isClean } from './textQuality.js';

export interface MixedDecoding {
  text: string;
  encoding: string;
}

type LineKind = 'ascii' | 'utf8' | 'other';

/** Legacy parts must read as ordinary text: KOI8-R or Latin-1 "decodings" of Chinese bytes do not. */
const MIN_PLAUSIBLE = 0.95;
/**
 * A line that is not valid UTF-8 but whose non-ASCII bytes are nearly all well-formed UTF-8 is damaged
 * UTF-8: GB18030 would "decode" it cleanly into mojibake (涓枃). Real GBK lines stay near 0.3–0.5.
 */
const DAMAGED_UTF8_COVERAGE = 0.8;

function isValidUtf8(line: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(line);
    return true;
  } catch {
    return false;
  }
}

function damagedUtf8(file: string, line: number): FileError {
  return new FileError('FILE_UNDECODABLE', file, `第 ${line} 行是损坏的 UTF-8（夹有无效字节），无法可靠解码，为避免乱码已拒绝`);
}

function kindOf(line: Uint8Array): LineKind {
  if (line.every((b) => b < 0x80)) return 'ascii';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(line);
    // Only 2-byte sequences ("目录" in GBK is valid UTF-8 "Ŀ¼") are no evidence of UTF-8.
    return /[\u0800-\uffff]/.test(text) ? 'utf8' : 'other';
  } catch {
    return 'other';
  }
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

interface Group {
  kind: 'utf8' | 'other';
  firstLine: number;
  parts: Uint8Array[];
}

/**
 * Decodes bytes whose lines mix UTF-8 with another encoding; undefined when they do not (no line
 * is clearly UTF-8). `decodeLegacy` decodes a non-UTF-8 part with the file-level detection.
 */
export function decodeMixed(
  bytes: Uint8Array,
  file: string,
  decodeLegacy: (part: Uint8Array) => { text: string; encoding: string } | undefined,
): MixedDecoding | undefined {
  const lines = splitLines(bytes);
  const kinds = lines.map(kindOf);
  for (const [i, line] of lines.entries()) {
    if (kinds[i] === 'other' && !isValidUtf8(line) && utf8Coverage(line) >= DAMAGED_UTF8_COVERAGE) throw damagedUtf8(file, i + 1);
  }
  if (!kinds.includes('utf8') || !kinds.includes('other')) return undefined;
  const groups: Group[] = [];
  let pendingAscii: Uint8Array[] = [];
  kinds.forEach((kind, i) => {
    if (kind === 'ascii') {
      if (groups.length) groups[groups.length - 1].parts.push(lines[i]);
      else pendingAscii.push(lines[i]);
      return;
    }
    const last = groups[groups.length - 1];
    if (last?.kind === kind) last.parts.push(lines[i]);
    else groups.push({ kind, firstLine: i + 1 - pendingAscii.length, parts: [...pendingAscii, lines[i]] });
    pendingAscii = [];
  });
  const used = new Set<string>();
  let text = '';
  for (const group of groups) {
    const part = Buffer.concat(group.parts);
    if (group.kind === 'utf8') {
      text += new TextDecoder('utf-8').decode(part);
      used.add('utf-8');
      continue;
    }
    const decoded = decodeLegacy(part);
    const stats = decoded && textStats(decoded.text);
    if (!decoded || !stats || !isClean(stats) || plausibleRatio(stats) < MIN_PLAUSIBLE) {
      throw new FileError(
        'FILE_UNDECODABLE',
        file,
        `文件混用了多种文字编码（UTF-8 与其他编码），从第 ${group.firstLine} 行起的内容无法可靠解码，为避免乱码已拒绝；请统一保存为 UTF-8 后重试`,
      );
    }
    text += decoded.text;
    used.add(decoded.encoding);
  }
  return { text, encoding: [...used].join('+') };
}

/** Share of the non-ASCII bytes that form well-formed UTF-8 sequences (1 for UTF-8, low for GBK). */
export function utf8Coverage(bytes: Uint8Array): number {
  let nonAscii = 0;
  let covered = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf;
    if (ok) {
      nonAscii += length;
      covered += length;
      i += length;
    } else {
      nonAscii++;
      i++;
    }
  }
  return nonAscii === 0 ? 1 : covered / nonAscii;
}
