/**
 * Test helper: writes small but valid PDFs with a real text layer (correct
 * xref offsets), so tests need no committed binaries and no fonts installed.
 *
 * Font kinds:
 *  - 'helvetica': standard Type1 font, WinAnsi text (ASCII only);
 *  - 'cjk-predefined': Type0 STSong-Light with the predefined CMap UniGB-UCS2-H
 *    (pdf.js must load the CMap and Adobe-GB1-UCS2 from its local cmaps folder);
 *  - 'cjk-tounicode': Type0 Identity-H with an embedded ToUnicode CMap, as
 *    produced by most PDF writers for subset-embedded fonts.
 */

export type PdfFontKind = 'helvetica' | 'cjk-predefined' | 'cjk-tounicode';
/** A line of text, or segments [x, text] placed on the same baseline. */
export type PdfLine = string | Array<[x: number, text: string]>;

export interface PdfSpec {
  font: PdfFontKind;
  /** Lines per page; a page with no lines gets a drawn rectangle and no text. */
  pages: PdfLine[][];
  title?: string;
}

const FONT_SIZE = 12;
const LINE_STEP = 20;

function utf16beHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function pdfLiteral(text: string): string {
  return '(' + text.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

/** Assigns CIDs 1..n to the distinct characters (for Identity-H + ToUnicode). */
function cidMap(spec: PdfSpec): Map<string, number> {
  const map = new Map<string, number>();
  for (const page of spec.pages) {
    for (const line of page) {
      const texts = typeof line === 'string' ? [line] : line.map(([, t]) => t);
      for (const ch of texts.join('')) if (!map.has(ch)) map.set(ch, map.size + 1);
    }
  }
  return map;
}

function encodeShown(text: string, font: PdfFontKind, cids: Map<string, number>): string {
  if (font === 'helvetica') return pdfLiteral(text);
  if (font === 'cjk-predefined') return `<${utf16beHex(text)}>`;
  return '<' + [...text].map((ch) => cids.get(ch)!.toString(16).padStart(4, '0')).join('') + '>';
}

function pageContent(lines: PdfLine[], font: PdfFontKind, cids: Map<string, number>): string {
  if (lines.length === 0) return '0.5 g 72 600 200 150 re f';
  const ops: string[] = [];
  lines.forEach((line, i) => {
    const y = 800 - i * LINE_STEP;
    const segments = typeof line === 'string' ? [[72, line] as [number, string]] : line;
    for (const [x, text] of segments) {
      ops.push(`BT /F1 ${FONT_SIZE} Tf ${x} ${y} Td ${encodeShown(text, font, cids)} Tj ET`);
    }
  });
  return ops.join('\n');
}

function toUnicodeCMap(cids: Map<string, number>): string {
  const entries = [...cids].map(([ch, cid]) => `<${cid.toString(16).padStart(4, '0')}> <${utf16beHex(ch)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

function stream(body: string): string {
  return `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
}

/** Object bodies for the font; the first is the font dictionary referenced as /F1. */
function fontObjects(font: PdfFontKind, firstId: number, cids: Map<string, number>): string[] {
  if (font === 'helvetica') return ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const descriptor = `<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`;
  if (font === 'cjk-predefined') {
    return [
      `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${firstId + 1} 0 R] >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${firstId + 2} 0 R /DW 1000 >>`,
      descriptor,
    ];
  }
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${firstId + 1} 0 R] /ToUnicode ${firstId + 3} 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${firstId + 2} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
    descriptor.replace('STSong-Light', 'SimSun'),
    stream(toUnicodeCMap(cids)),
  ];
}

export function buildPdf(spec: PdfSpec): Buffer {
  const cids = cidMap(spec);
  const pageCount = spec.pages.length;
  // Object ids: 1 catalog, 2 pages, 3 info, then per page (page, content), then fonts.
  const fontId = 4 + pageCount * 2;
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = spec.pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`;
  objects[3] = spec.title === undefined ? '<< /Producer (practice-atlas tests) >>' : `<< /Title <FEFF${utf16beHex(spec.title)}> >>`;
  spec.pages.forEach((lines, i) => {
    const pageId = 4 + i * 2;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = stream(pageContent(lines, spec.font, cids));
  });
  fontObjects(spec.font, fontId, cids).forEach((body, i) => (objects[fontId + i] = body));

  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
