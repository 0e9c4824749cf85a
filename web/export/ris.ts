import { indexCitations, oneLine, span } from './citationIndex.js';
import { gbtReference } from './gbt7714.js';
import type { ExportContext, ExportInput } from './types.js';

/** One RIS line: two-letter tag, two spaces, hyphen, space. */
const tag = (name: string, value: string) => `${name}  - ${oneLine(value)}`;

/**
 * RIS for Zotero, EndNote and NoteExpress: one report record (TY RPRT) per cited document, each
 * cited span kept as a note with its file, [start, end) and exact text. CRLF line ends, UTF-8.
 */
export function toRis(input: ExportInput, ctx: ExportContext): string {
  const index = indexCitations(input, ctx);
  const records = index.references.map((doc, i) => {
    const lines = [tag('TY', 'RPRT'), tag('TI', doc.title), tag('M3', '报告')];
    if (doc.estimatedYear !== undefined) lines.push(tag('PY', String(doc.estimatedYear)));
    lines.push(tag('LA', 'zh-CN'), tag('AN', doc.id), tag('DB', 'Practice Atlas'), tag('Y2', ctx.accessed.replace(/-/g, '/')));
    lines.push(tag('N1', `文件: ${doc.path}`), tag('N1', `GB/T 7714-2015: ${gbtReference(doc)}`));
    for (const note of index.notes.filter((n) => n.ref === i + 1)) {
      lines.push(tag('N1', `[${note.n}] ${note.citation.file} ${span(note.citation)} “${note.citation.text}”`));
    }
    lines.push('ER  - ');
    return lines.join('\r\n');
  });
  return records.length ? `${records.join('\r\n\r\n')}\r\n` : '';
}
