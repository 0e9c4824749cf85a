import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { answerLineWith, exportTitle, indexCitations, placeOf, sourceLine, type CitationIndex } from './citationIndex.js';
import { quoted, quoteLine } from './quoteText.js';
import { gbtReference } from './gbt7714.js';
import type { ExportCitation, ExportContext, ExportInput } from './types.js';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' } as const;

const refs = (index: CitationIndex, citations: ExportCitation[]): ParagraphChild[] =>
  citations.map((c) => new FootnoteReferenceRun(index.noteOf(c)));

const line = (children: ParagraphChild[], bullet = false) => new Paragraph({ children, ...(bullet ? { bullet: { level: 0 } } : {}) });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ text, heading: level });

/** Each value followed by its own footnotes when the cell pairs them (items), else the cell's footnotes after all values. */
function cellRuns(cell: NonNullable<ExportInput['table']>['rows'][number]['cells'][number], index: CitationIndex): ParagraphChild[] {
  if (!cell.items) return [new TextRun(cell.values.join('；') || '—'), ...refs(index, cell.citations)];
  if (cell.items.length === 0) return [new TextRun('—')];
  return cell.items.flatMap((item, i) => [new TextRun(`${i ? '；' : ''}${item.value}`), ...refs(index, item.citations)]);
}

function compareTable(input: NonNullable<ExportInput['table']>, index: CitationIndex): Table {
  const header = new TableRow({
    tableHeader: true,
    children: ['对象', ...input.columns].map((c) => new TableCell({ children: [line([new TextRun({ text: c, bold: true })])] })),
  });
  const rows = input.rows.map(
    (row) =>
      new TableRow({
        children: [
          new TableCell({ children: [line([new TextRun(row.entity.name)])] }),
          ...row.cells.map((cell) => new TableCell({ children: [line(cellRuns(cell, index))] })),
        ],
      }),
  );
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * A Word document whose citations are real footnotes (word/footnotes.xml): each footnote quotes
 * the cited text (cleaned) and names its reference, page and section. The reference list
 * closes the document.
 */
export async function toDocx(input: ExportInput, ctx: ExportContext): Promise<Buffer> {
  const index = indexCitations(input, ctx);
  const body: (Paragraph | Table)[] = [new Paragraph({ text: exportTitle(input), heading: HeadingLevel.TITLE })];
  if (input.query) body.push(line([new TextRun({ text: '问题：', bold: true }), new TextRun(input.query)]));
  if (input.answerLine) {
    const runs: ParagraphChild[] = [new TextRun({ text: '答：', bold: true })];
    for (const piece of answerLineWith(input.answerLine, (c) => String(index.noteOf(c)))) {
      runs.push(piece.text ? new TextRun(piece.text) : new FootnoteReferenceRun(Number(piece.marks)));
    }
    body.push(line(runs));
  }
  if (input.summary?.length) {
    body.push(heading('摘要'));
    for (const s of input.summary) body.push(line([new TextRun({ text: `${s.group}：`, bold: true }), new TextRun(quoteLine(s.text)), ...refs(index, s.citations)], true));
  }
  if (input.answers?.length) {
    body.push(heading('答案'));
    for (const a of input.answers) body.push(line([new TextRun(a.detail ? `${a.name}（${a.detail}）` : a.name), ...refs(index, a.citations)], true));
  }
  if (input.table) body.push(heading('对比'), compareTable(input.table, index));
  if (input.passages?.length) {
    body.push(heading('相关段落'));
    for (const p of input.passages) {
      const where = p.breadcrumb?.length ? [new TextRun({ text: `${p.breadcrumb.join(' › ')}：`, italics: true })] : [];
      body.push(line([...where, new TextRun(quoteLine(p.text)), ...refs(index, [p])], true));
    }
  }
  if (index.references.length) {
    body.push(heading('参考文献'));
    index.references.forEach((doc, i) => body.push(line([new TextRun(`[${i + 1}] ${gbtReference(doc)}`)])));
  }
  const footnotes = Object.fromEntries(
    index.notes.map((note) => {
      const c = note.citation;
      const doc = index.references[note.ref - 1];
      return [
        note.n,
        {
          children: [
            line([new TextRun(quoted(quoteLine(c.text)))]),
            line([new TextRun(sourceLine(note.ref, doc?.title ?? c.file, placeOf(c, ctx)))]),
          ],
        },
      ];
    }),
  );
  const doc = new Document({
    title: exportTitle(input),
    creator: 'Practice Atlas',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
