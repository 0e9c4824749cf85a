/**
 * .html/.htm → plain text with html-to-text. Bytes are decoded honoring a
 * BOM, then <meta charset>/http-equiv/XML declaration, then detection.
 * Scripts, styles and other non-content elements are dropped; block elements
 * become line breaks; links, images and headings carry no markup.
 */
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { detectAndDecode, type DecodedText } from './decodeText.js';
import { checkHtmlDepth, MAX_HTML_DEPTH } from './htmlDepth.js';
import type { ExtractedText } from './readDocx.js';

/** Bytes scanned for a charset declaration (HTML requires it within the first 1024). */
const CHARSET_SCAN_BYTES = 4096;

/** The charset declared by <meta charset>, <meta http-equiv content="…; charset=…"> or <?xml encoding?>. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_SCAN_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1];
}

const SKIPPED = ['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'img', 'hr', 'button', 'select', 'input'];
const BLOCKS = ['address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'li', 'main', 'nav', 'section', 'summary', 'table', 'tr', 'caption', 'div'];

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  formatters: {
    /** A table cell: its content followed by a separating space (trailing space is trimmed). */
    tableCell(elem, walk, builder) {
      walk(elem.children, builder);
      builder.addInline(' ');
    },
  },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ...BLOCKS.map((selector) => ({ selector, format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
    ...['td', 'th'].map((selector) => ({ selector, format: 'tableCell' })),
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      format: 'heading',
      options: { leadingLineBreaks: 2, trailingLineBreaks: 2, uppercase: false },
    })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '• ' } },
  ],
};

/** Plain text of an HTML fragment or document. */
export function htmlToPlainText(html: string): string {
  return convert(html, OPTIONS);
}

function extractTitle(html: string): string | undefined {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  if (!match) return undefined;
  const title = convert(match[1], { wordwrap: false }).replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title;
}

export function decodeHtmlBytes(bytes: Uint8Array, file: string): DecodedText {
  return detectAndDecode(bytes, file, declaredCharset(bytes));
}

export function readHtml(bytes: Uint8Array, file: string, maxDepth = MAX_HTML_DEPTH): ExtractedText & { encoding: string } {
  const { text: html, encoding } = decodeHtmlBytes(bytes, file);
  checkHtmlDepth(html, file, maxDepth);
  return { text: htmlToPlainText(html), title: extractTitle(html), encoding };
}
