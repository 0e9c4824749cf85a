/**
 * ingest/read — a file on disk → the document's original text.
 *
 * The returned `text` is canonical (line endings \n, NFC): every downstream
 * offset points into it. Failures are FileError with a code naming the cause.
 */
import { readFile, stat } from 'node:fs/promises';
import { FileError } from '../../graph/errors.js';
import { canonicalizeText, requireContent } from './canonicalText.js';
import { decodeTextBytes } from './decodeText.js';
import { detectFormat, type DocumentFormat } from './detectFormat.js';
import { DEFAULT_EXPANDED_BYTES, readDocx } from './readDocx.js';
import { readHtml } from './readHtml.js';
import { NO_TEXT_LAYER, readPdf } from './readPdf.js';

export { decodeTextBytes } from './decodeText.js';
export { SUPPORTED_EXTENSIONS, type DocumentFormat } from './detectFormat.js';

export interface ReadResult {
  text: string;
  format: DocumentFormat;
  /**
   * How the bytes were decoded: an encoding name for txt/md/html ('utf-8',
   * 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', …); 'utf-8' for docx
   * (OOXML); 'pdf-text-layer' for pdf.
   */
  encoding: string;
  title?: string;
}

export interface ReadOptions {
  /** Largest accepted file size in bytes. */
  maxBytes: number;
  /**
   * What a file may expand to while it is read: the inflated XML of a .docx, the text layer of a
   * .pdf. Default 32 MiB — the same for the CLI and uploads, which both read through here.
   */
  maxExpandedBytes?: number;
  /** Deepest HTML element nesting accepted (default 512, as browsers). */
  maxHtmlDepth?: number;
}

function unreadable(filePath: string, code: string | undefined, cause: unknown): FileError {
  if (code === 'EACCES' || code === 'EPERM') return new FileError('FILE_UNREADABLE', filePath, `没有读取权限（${code}）`, { cause });
  return new FileError('FILE_CORRUPT', filePath, `cannot read file: ${code ?? String(cause)}`, { cause });
}

async function statFile(filePath: string): Promise<{ size: number }> {
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) throw new FileError('FILE_UNSUPPORTED', filePath, 'is a directory, not a file');
    return info;
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileError('FILE_NOT_FOUND', filePath, 'file not found', { cause: error });
    throw unreadable(filePath, code, error);
  }
}

function tooLarge(filePath: string, size: number, maxBytes: number): FileError {
  return new FileError('FILE_TOO_LARGE', filePath, `file is ${size} bytes, over the limit of ${maxBytes} bytes`);
}

async function readBytes(filePath: string, size: number, maxBytes: number): Promise<Uint8Array> {
  if (size === 0) throw new FileError('FILE_EMPTY', filePath, 'file is empty (0 bytes)');
  if (size > maxBytes) throw tooLarge(filePath, size, maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileError('FILE_NOT_FOUND', filePath, 'file not found', { cause: error });
    throw unreadable(filePath, code, error);
  }
  if (bytes.length > maxBytes) throw tooLarge(filePath, bytes.length, maxBytes); // grew since stat
  if (bytes.length === 0) throw new FileError('FILE_EMPTY', filePath, 'file is empty (0 bytes)');
  return bytes;
}

async function extract(format: DocumentFormat, bytes: Uint8Array, file: string, opts: ReadOptions): Promise<Omit<ReadResult, 'format'>> {
  const expanded = opts.maxExpandedBytes ?? DEFAULT_EXPANDED_BYTES;
  switch (format) {
    case 'txt':
    case 'md':
      return decodeTextBytes(bytes, file);
    case 'html':
      return readHtml(bytes, file, opts.maxHtmlDepth);
    case 'docx':
      return { ...(await readDocx(bytes, file, expanded)), encoding: 'utf-8' };
    case 'pdf':
      return { ...(await readPdf(bytes, file, expanded)), encoding: 'pdf-text-layer' };
  }
}

const EMPTY_REASON: Record<DocumentFormat, string> = {
  txt: 'contains only whitespace',
  md: 'contains only whitespace',
  html: 'HTML has no visible text',
  docx: 'document has no text',
  pdf: NO_TEXT_LAYER,
};

/**
 * Reads a .txt/.md/.docx/.pdf/.html/.htm file into its canonical original text.
 * Throws FileError: FILE_NOT_FOUND, FILE_UNSUPPORTED, FILE_EMPTY, FILE_TOO_LARGE,
 * FILE_BINARY, FILE_UNDECODABLE or FILE_CORRUPT.
 */
export async function readDocumentFile(filePath: string, opts: ReadOptions): Promise<ReadResult> {
  const { size } = await statFile(filePath);
  const format = detectFormat(filePath);
  const bytes = await readBytes(filePath, size, opts.maxBytes);
  const extracted = await extract(format, bytes, filePath, opts);
  const text = requireContent(canonicalizeText(extracted.text), filePath, EMPTY_REASON[format]);
  const title = extracted.title === undefined ? undefined : canonicalizeText(extracted.title).trim() || undefined;
  return { text, format, encoding: extracted.encoding, ...(title === undefined ? {} : { title }) };
}
