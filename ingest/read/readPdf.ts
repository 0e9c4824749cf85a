/**
 * .pdf → the text layer, via pdf.js (legacy build for Node). Lines are
 * rebuilt from item positions, pages are separated by a blank line.
 * pdf.js reads CMaps, standard fonts, ICC profiles and wasm from the local
 * pdfjs-dist package folder — never from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FileError } from '../../graph/errors.js';
import { checkPdfMagic } from './detectFormat.js';
import { joinTextItems, type PositionedText } from './pdfLines.js';
import { formatBytes } from './zipBudget.js';
import type { ExtractedText } from './readDocx.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Local pdfjs-dist resource folders; pdf.js requires the trailing slash. */
export const PDFJS_RESOURCES = {
  cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep,
  iccUrl: path.join(PDFJS_DIR, 'iccs') + path.sep,
  wasmUrl: path.join(PDFJS_DIR, 'wasm') + path.sep,
};

export const NO_TEXT_LAYER = 'no text layer (scanned PDF?)';

interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

function toPositioned(item: RawTextItem): PositionedText | undefined {
  if (typeof item.str !== 'string' || !item.transform) return undefined;
  return {
    str: item.str,
    x: item.transform[4],
    y: item.transform[5],
    width: item.width ?? 0,
    height: item.height ?? 0,
    hasEOL: item.hasEOL === true,
  };
}

function corrupt(file: string, error: unknown): FileError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new FileError('FILE_CORRUPT', file, 'PDF is password-protected', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FileError('FILE_CORRUPT', file, `cannot parse PDF: ${message}`, { cause: error });
}

function metadataTitle(info: unknown): string | undefined {
  const title = (info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

/** Stops reading once the text layer passes `maxTextBytes` (UTF-16 bytes): a content-stream bomb fails early. */
export async function readPdf(bytes: Uint8Array, file: string, maxTextBytes = Number.POSITIVE_INFINITY): Promise<ExtractedText> {
  checkPdfMagic(bytes, file);
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js rejects Buffers and may detach what it is given
    ...PDFJS_RESOURCES,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      throw corrupt(file, error);
    }
    const pages: string[] = [];
    let textBytes = 0;
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const items = (content.items as RawTextItem[]).map(toPositioned).filter((i): i is PositionedText => i !== undefined);
        const text = joinTextItems(items);
        textBytes += text.length * 2;
        if (textBytes > maxTextBytes) {
          throw new FileError('FILE_TOO_COMPLEX', file, `PDF 文字层超过 ${formatBytes(maxTextBytes)} 的上限（读到第 ${n} 页），已拒绝`);
        }
        pages.push(text);
        page.cleanup();
      }
    } catch (error) {
      if (error instanceof FileError) throw error;
      throw corrupt(file, error);
    }
    // A form feed between pages (on a line of its own, so paragraphs still break there) lets citations name their page.
    const text = pages.join('\n\f\n');
    if (text.trim() === '') throw new FileError('FILE_EMPTY', file, NO_TEXT_LAYER);
    const meta = await doc.getMetadata().catch(() => undefined);
    return { text, title: metadataTitle(meta?.info) };
  } finally {
    await task.destroy();
  }
}
