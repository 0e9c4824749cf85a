/** .docx → plain text with mammoth: one paragraph per block, separated by a blank line. */
import mammoth from 'mammoth';
import { FileError } from '../../graph/errors.js';
import { checkDocxMagic } from './detectFormat.js';
import { checkZipBudget } from './zipBudget.js';

export interface ExtractedText {
  text: string;
  title?: string;
}

/** Longest first line still taken as a title. */
const MAX_TITLE_CHARS = 120;

/** The first non-empty line, if it is short enough to be a heading. */
export function firstLineTitle(text: string): string | undefined {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return line !== undefined && [...line].length <= MAX_TITLE_CHARS ? line : undefined;
}

/** What a .docx's XML parts may inflate to unless the caller says otherwise. */
export const DEFAULT_EXPANDED_BYTES = 32 * 1024 * 1024;

export async function readDocx(bytes: Uint8Array, file: string, maxExpandedBytes = DEFAULT_EXPANDED_BYTES): Promise<ExtractedText> {
  checkDocxMagic(bytes, file);
  checkZipBudget(bytes, file, maxExpandedBytes);
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    text = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FileError('FILE_CORRUPT', file, `cannot read .docx: ${reason}`, { cause: error });
  }
  return { text, title: firstLineTitle(text) };
}
