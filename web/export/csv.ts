import { indexCitations, span } from './citationIndex.js';
import type { ExportCitation, ExportContext, ExportInput } from './types.js';

const BOM = '\uFEFF';

/**
 * Spreadsheet formula injection guard (OWASP): a cell starting with = + - @ or a control character
 * gets a leading apostrophe, unless it is a plain number such as -3 or +2.5%.
 */
function guard(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?%?$/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : guard(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: CRLF after every record, UTF-8 BOM first so Excel reads Chinese correctly. */
export function csvText(rows: (string | number)[][]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const citationCell = (citations: ExportCitation[]) =>
  citations.map((c) => `${c.docId} ${c.file} ${span(c)} “${c.text}”`).join('\n');

/**
 * A comparison table: one row per entity, each column followed by a "<column> 引文" column whose
 * cell lists the citations (docId, file, [start, end), exact text), one per line. Without a table,
 * one row per citation (summary, answers, passages).
 */
export function toCsv(input: ExportInput, ctx: ExportContext): string {
  if (input.table) {
    const header = ['对象', '对象ID', ...input.table.columns.flatMap((c) => [c, `${c} 引文`])];
    const rows = input.table.rows.map((row) => [
      row.entity.name,
      row.entity.id,
      ...row.cells.flatMap((cell) => [cell.values.join('；'), citationCell(cell.citations)]),
    ]);
    return csvText([header, ...rows]);
  }
  const index = indexCitations(input, ctx);
  const labels = new Map<number, string>();
  const label = (citations: ExportCitation[], name: string) => citations.forEach((c) => labels.has(index.noteOf(c)) || labels.set(index.noteOf(c), name));
  for (const s of input.summary ?? []) label(s.citations, s.group);
  for (const a of input.answers ?? []) label(a.citations, a.name);
  for (const p of input.passages ?? []) label([p], p.breadcrumb?.slice(1).join(' › ') ?? '');
  const header = ['序号', '名称', 'docId', '文件', 'start', 'end', '引文'];
  const rows = index.notes.map((n) => [n.n, labels.get(n.n) ?? '', n.citation.docId, n.citation.file, n.citation.start, n.citation.end, n.citation.text]);
  return csvText([header, ...rows]);
}
