/**
 * The canonical "original text" that downstream offsets point into:
 * line endings normalized to \n (CRLF and lone CR) and Unicode NFC.
 * Nothing else is changed — no trimming, no whitespace collapsing.
 */
import { FileError } from '../../graph/errors.js';

export function canonicalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** True when the text holds nothing but whitespace (including U+3000 and U+FEFF). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Throws FILE_EMPTY when the text is blank; returns it unchanged otherwise. */
export function requireContent(text: string, file: string, reason = 'contains only whitespace'): string {
  if (isBlank(text)) throw new FileError('FILE_EMPTY', file, reason);
  return text;
}
