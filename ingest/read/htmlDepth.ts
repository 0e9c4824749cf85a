/**
 * Element depth of an HTML document, measured by htmlparser2's streaming parser (the one
 * html-to-text builds its tree with) and abandoned as soon as it passes the limit: 200,000 nested
 * tags would otherwise be walked recursively for most of a minute.
 */
import { Parser } from 'htmlparser2';
import { FileError } from '../../graph/errors.js';

/** Browsers stop nesting at 512 levels (Chromium's HTML tree builder); real reports stay far below. */
export const MAX_HTML_DEPTH = 512;

class TooDeep extends Error {}

export function checkHtmlDepth(html: string, file: string, maxDepth = MAX_HTML_DEPTH): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > maxDepth) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooDeep) {
      throw new FileError('FILE_TOO_COMPLEX', file, `HTML 元素嵌套超过 ${maxDepth} 层，超出读取限制，已拒绝`);
    }
    throw error;
  }
}
