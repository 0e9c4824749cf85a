/** web/export — pure functions: an answer, passages or a table → a file in one of five formats. */
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toDocx } from './docx.js';
import { toMarkdown } from './markdown.js';
import { toRis } from './ris.js';
import type { ExportCitation, ExportContext, ExportFile, ExportFormat, ExportInput } from './types.js';

export { estimateYear, gbtReference, gbtReferenceList } from './gbt7714.js';
export { citationKey } from './citationIndex.js';
export { EXPORT_FORMATS, type CitedPlace, type DocumentInfo, type ExportCitation, type ExportContext, type ExportFile, type ExportFormat, type ExportInput } from './types.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

const WRITERS: Record<ExportFormat, { mimeType: string; extension: string; write(input: ExportInput, ctx: ExportContext): Promise<Buffer> }> = {
  md: { mimeType: 'text/markdown; charset=utf-8', extension: 'md', write: async (i, c) => utf8(toMarkdown(i, c)) },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', write: toDocx },
  ris: { mimeType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris', write: async (i, c) => utf8(toRis(i, c)) },
  bibtex: { mimeType: 'application/x-bibtex; charset=utf-8', extension: 'bib', write: async (i, c) => utf8(toBibtex(i, c)) },
  csv: { mimeType: 'text/csv; charset=utf-8', extension: 'csv', write: async (i, c) => utf8(toCsv(i, c)) },
};

export async function exportFile(format: ExportFormat, input: ExportInput, ctx: ExportContext): Promise<ExportFile> {
  const writer = WRITERS[format];
  return { body: await writer.write(input, ctx), mimeType: writer.mimeType, extension: writer.extension };
}

/** Every document id cited anywhere in the input (to look up titles for the references). */
export function citedDocumentIds(input: ExportInput): string[] {
  return [...new Set(allCitations(input).map((c) => c.docId))];
}

/** Every citation of the input, wherever it sits (answer line, summary, answers, table items, passages). */
export function allCitations(input: ExportInput): ExportCitation[] {
  return [
    ...(input.answerLine?.citations ?? []),
    ...(input.summary ?? []).flatMap((s) => s.citations),
    ...(input.answers ?? []).flatMap((a) => a.citations),
    ...(input.table?.rows ?? []).flatMap((r) => r.cells.flatMap((c) => [...c.citations, ...(c.items ?? []).flatMap((i) => i.citations)])),
    ...(input.passages ?? []),
  ];
}
