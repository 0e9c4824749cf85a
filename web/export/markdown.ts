import { answerLineWith, exportTitle, indexCitations, oneLine, placeOf, sourceLine, type CitationIndex } from './citationIndex.js';
import { quoted, quoteLine } from './quoteText.js';
import { gbtReference } from './gbt7714.js';
import type { ExportCitation, ExportContext, ExportInput } from './types.js';

/** Escapes Markdown syntax in inline text; the rendered text is exactly the source text. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * References keep their GB/T brackets ([R], [出版地不详]) — a bracket pair not followed by ( or : is
 * plain text — and underscores, which cannot emphasise inside a word (000_4c01.txt).
 */
const escapeReference = (text: string) => oneLine(text).replace(/([\\`*<>|#])/g, '\\$1');


const marks = (index: CitationIndex, citations: ExportCitation[]) => citations.map((c) => `[^${index.noteOf(c)}]`).join('');

/**
 * A Markdown summary: sections for the summary, answers, comparison table and passages, each
 * statement followed by footnote marks [^n]; the footnotes quote the cited text with its file and
 * [start, end); the reference list follows GB/T 7714-2015 (see gbt7714.ts).
 */
export function toMarkdown(input: ExportInput, ctx: ExportContext): string {
  const index = indexCitations(input, ctx);
  const lines: string[] = [`# ${escapeMarkdown(exportTitle(input))}`, ''];
  if (input.query) lines.push(`> 问题：${escapeMarkdown(input.query)}`, '');
  if (input.answerLine) {
    const pieces = answerLineWith(input.answerLine, (c) => `[^${index.noteOf(c)}]`);
    lines.push(`**答：**${pieces.map((p) => escapeMarkdown(p.text) + p.marks).join('')}`, '');
  }
  if (input.summary?.length) {
    lines.push('## 摘要', '');
    for (const s of input.summary) lines.push(`- **${escapeMarkdown(s.group)}**：${escapeMarkdown(quoteLine(s.text))}${marks(index, s.citations)}`);
    lines.push('');
  }
  if (input.answers?.length) {
    lines.push('## 答案', '');
    for (const a of input.answers) {
      const detail = a.detail ? `（${escapeMarkdown(a.detail)}）` : '';
      lines.push(`- ${escapeMarkdown(a.name)}${detail}${marks(index, a.citations)}`);
    }
    lines.push('');
  }
  if (input.table) {
    lines.push('## 对比', '', `| 对象 | ${input.table.columns.map(escapeMarkdown).join(' | ')} |`, `|${' --- |'.repeat(input.table.columns.length + 1)}`);
    for (const row of input.table.rows) {
      const cells = row.cells.map((c) =>
        c.items
          ? c.items.map((i) => `${escapeMarkdown(i.value)}${marks(index, i.citations)}`).join('；') || '—'
          : `${c.values.map(escapeMarkdown).join('；') || '—'}${marks(index, c.citations)}`,
      );
      lines.push(`| ${escapeMarkdown(row.entity.name)} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (input.passages?.length) {
    lines.push('## 相关段落', '');
    input.passages.forEach((p, i) => {
      const where = p.breadcrumb?.length ? `${escapeMarkdown(p.breadcrumb.join(' › '))}：` : '';
      lines.push(`${i + 1}. ${where}${escapeMarkdown(quoteLine(p.text))}${marks(index, [p])}`);
    });
    lines.push('');
  }
  if (index.notes.length) {
    lines.push('## 注释', '');
    for (const note of index.notes) {
      const c = note.citation;
      const doc = index.references[note.ref - 1];
      lines.push(`[^${note.n}]: ${escapeMarkdown(quoted(quoteLine(c.text)))} ${escapeReference(sourceLine(note.ref, doc?.title ?? c.file, placeOf(c, ctx)))}`);
    }
    lines.push('');
  }
  if (index.references.length) {
    lines.push('## 参考文献', '');
    index.references.forEach((doc, i) => lines.push(`[${i + 1}] ${escapeReference(gbtReference(doc))}  `));
    lines.push('');
  }
  return lines.join('\n');
}
