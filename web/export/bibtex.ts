import { indexCitations, oneLine, span } from './citationIndex.js';
import { gbtReference } from './gbt7714.js';
import type { ExportContext, ExportInput } from './types.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Escapes TeX specials; Chinese text stays as UTF-8 (biber, Zotero, JabRef and NoteExpress read it). */
export function escapeBibtex(text: string): string {
  return oneLine(text).replace(/[\\{}%&#$_^~]/g, (ch) => SPECIAL[ch]);
}

/** Citation keys are ASCII: the document id made safe. */
export const bibtexKey = (docId: string) => `atlas_${docId.replace(/[^A-Za-z0-9]/g, '_')}`;

/**
 * BibTeX: one @techreport per cited document (Zotero/EndNote import it as a report), title in
 * double braces to keep it as written, the cited spans in `annote` with file, [start, end) and text.
 */
export function toBibtex(input: ExportInput, ctx: ExportContext): string {
  const index = indexCitations(input, ctx);
  const entries = index.references.map((doc, i) => {
    const quotes = index.notes
      .filter((n) => n.ref === i + 1)
      .map((n) => `[${n.n}] ${n.citation.file} ${span(n.citation)} “${n.citation.text}”`);
    const fields: [string, string][] = [
      ['title', `{${escapeBibtex(doc.title)}}`],
      ['type', escapeBibtex('报告')],
      ['institution', escapeBibtex('[出版者不详]')],
      ...(doc.estimatedYear === undefined ? [] : ([['year', String(doc.estimatedYear)]] as [string, string][])),
      ['language', 'chinese'],
      ['note', escapeBibtex(`文件: ${doc.path}; docId: ${doc.id}; GB/T 7714-2015: ${gbtReference(doc)}`)],
      ['urldate', ctx.accessed],
      ...(quotes.length ? ([['annote', escapeBibtex(quotes.join(' '))]] as [string, string][]) : []),
    ];
    return `@techreport{${bibtexKey(doc.id)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
  });
  return entries.length ? `${entries.join('\n\n')}\n` : '';
}
