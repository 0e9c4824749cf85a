import { quoteLine } from './quoteText.js';
import type { CitedPlace, DocumentInfo, ExportCitation, ExportContext, ExportInput } from './types.js';

export interface Note {
  /** Footnote number, from 1, in order of first appearance. */
  n: number;
  citation: ExportCitation;
  /** Number of the cited document in the reference list. */
  ref: number;
}

export interface CitationIndex {
  notes: Note[];
  references: DocumentInfo[];
  /** Footnote number of a citation (registered on first use). */
  noteOf(citation: ExportCitation): number;
}

/** The key of a cited span (ExportContext.locations uses it too). */
export const citationKey = (c: Pick<ExportCitation, 'docId' | 'start' | 'end'>) => `${c.docId}\u0000${c.start}\u0000${c.end}`;

/** A document the store no longer knows is still referenced, by its file path. */
function fallbackDocument(c: ExportCitation): DocumentInfo {
  return { id: c.docId, title: c.file.split('/').pop() ?? c.file, path: c.file };
}

/**
 * Numbers citations as footnotes and cited documents as references, both in order of first
 * appearance: answer line, summary, answers, table, passages — the order every format prints them in.
 */
export function indexCitations(input: ExportInput, ctx: ExportContext): CitationIndex {
  const notes: Note[] = [];
  const byKey = new Map<string, Note>();
  const references: DocumentInfo[] = [];
  const refByDoc = new Map<string, number>();
  const refOf = (c: ExportCitation) => {
    let ref = refByDoc.get(c.docId);
    if (ref === undefined) {
      ref = references.push(ctx.documents.get(c.docId) ?? fallbackDocument(c));
      refByDoc.set(c.docId, ref);
    }
    return ref;
  };
  const byText = new Map<string, Note>();
  /**
   * One footnote per distinct source: the same span, the same text of the same document (a
   * paragraph the report repeats), or a span inside one already noted (a sentence of a cited
   * sentence pair) all reuse the earlier footnote.
   */
  const sameSource = (c: ExportCitation): Note | undefined =>
    byKey.get(citationKey(c)) ??
    byText.get(`${c.docId}\u0000${quoteLine(c.text)}`) ??
    notes.find((n) => n.citation.docId === c.docId && n.citation.start <= c.start && c.end <= n.citation.end);
  const noteOf = (c: ExportCitation) => {
    let note = sameSource(c);
    if (!note) {
      note = { n: notes.length + 1, citation: c, ref: refOf(c) };
      notes.push(note);
      byText.set(`${c.docId}\u0000${quoteLine(c.text)}`, note);
    }
    byKey.set(citationKey(c), note);
    return note.n;
  };
  for (const c of input.answerLine?.citations ?? []) noteOf(c);
  for (const s of input.summary ?? []) s.citations.forEach(noteOf);
  for (const a of input.answers ?? []) a.citations.forEach(noteOf);
  for (const row of input.table?.rows ?? []) {
    for (const cell of row.cells) for (const c of cell.items ? cell.items.flatMap((i) => i.citations) : cell.citations) noteOf(c);
  }
  for (const p of input.passages ?? []) noteOf(p);
  return { notes, references, noteOf };
}

/** The answer line's text with each [n] replaced by what `mark` makes of citation n (a footnote mark). */
export function answerLineWith(line: NonNullable<ExportInput['answerLine']>, mark: (c: ExportCitation) => string): { text: string; marks: string }[] {
  const out: { text: string; marks: string }[] = [];
  for (const piece of line.text.split(/(\[\d+\])/)) {
    const n = /^\[(\d+)\]$/.exec(piece);
    const citation = n ? line.citations[Number(n[1]) - 1] : undefined;
    if (citation) out.push({ text: '', marks: mark(citation) });
    else if (piece) out.push({ text: piece, marks: '' });
  }
  return out;
}

/** 第3页 · 一、基本做法 — where a cited span is, for a footnote ('' when unknown). */
export function placeOf(c: ExportCitation, ctx: ExportContext): string {
  const place: CitedPlace | undefined = ctx.locations?.get(citationKey(c));
  return [place?.page === undefined ? '' : `第${place.page}页`, place?.section ?? ''].filter(Boolean).join('，');
}

/** 见参考文献[1]《题名》，第3页，一、基本做法。 — the reader's way back to the source, no internal ids. */
export const sourceLine = (ref: number, title: string, place: string) => `见参考文献[${ref}]《${title.trim()}》${place ? `，${place}` : ''}。`;

/** "[start, end)" for the machine-readable formats (RIS, BibTeX, CSV). */
export const span = (c: ExportCitation) => `[${c.start}, ${c.end})`;

/** Text on one line (citations may span paragraphs). */
export const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

export const exportTitle = (input: ExportInput) => input.title?.trim() || input.query?.trim() || 'Practice Atlas 导出';
