/** File format from the extension, plus magic-byte checks for the binary containers. */
import path from 'node:path';
import { FileError } from '../../graph/errors.js';

export type DocumentFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'html';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

export const SUPPORTED_EXTENSIONS: string[] = Object.keys(FORMAT_BY_EXTENSION);

/** The format for a path's extension (case-insensitive), or FILE_UNSUPPORTED. */
export function detectFormat(filePath: string): DocumentFormat {
  const ext = path.extname(filePath).toLowerCase();
  const format = FORMAT_BY_EXTENSION[ext];
  if (!format) {
    const shown = ext === '' ? 'no extension' : `extension ${ext}`;
    throw new FileError('FILE_UNSUPPORTED', filePath, `unsupported file type (${shown}); supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  return format;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A .docx must be a ZIP container; a legacy Word .doc renamed to .docx is named as such. */
export function checkDocxMagic(bytes: Uint8Array, file: string): void {
  if (startsWith(bytes, OLE_COMPOUND_FILE)) {
    throw new FileError('FILE_UNSUPPORTED', file, 'legacy Word 97-2003 (.doc) or encrypted Office file, not a .docx');
  }
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) {
    throw new FileError('FILE_CORRUPT', file, 'not a valid .docx: missing ZIP signature');
  }
}

/** Index of an ASCII marker within a byte range, or -1. */
function indexOfAscii(bytes: Uint8Array, marker: string, from: number, to: number): number {
  const needle = Buffer.from(marker, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(from, to).indexOf(needle);
}

/**
 * A PDF must start with %PDF- (within the first KiB, as readers allow) and end
 * with %%EOF (within the last KiB); a file without the trailer is truncated.
 */
export function checkPdfMagic(bytes: Uint8Array, file: string): void {
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) < 0) {
    throw new FileError('FILE_CORRUPT', file, 'not a valid PDF: missing %PDF- header');
  }
  if (indexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - 1024), bytes.length) < 0) {
    throw new FileError('FILE_CORRUPT', file, 'PDF is truncated: missing %%EOF trailer');
  }
}
