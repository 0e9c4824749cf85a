import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.js';
import { answerLineWith } from './citationIndex.js';
import type { ExportCitation, ExportContext } from './types.js';

const cite = (start: number, text: string): ExportCitation => ({ docId: 'doc-1', file: 'invented/report.txt', start, end: start + text.length, text });
const first = cite(10, '织里镇推行“1+3+N”网格服务模式');
const second = cite(80, '八里店镇推行“1+3+X”工作机制');
const ctx: ExportContext = { documents: new Map([['doc-1', { id: 'doc-1', title: '吴兴区基层治理工作汇报', path: 'invented/report.txt' }]]), accessed: '2026-11-26' };

describe('answer line in exports', () => {
  it('answerLineWith replaces each [n] with the mark of citation n and keeps the words', () => {
    const pieces = answerLineWith({ text: '采用者有：织里镇[1]、八里店镇[2]。', citations: [first, second] }, (c) => `<${c.start}>`);
    expect(pieces.map((p) => p.text + p.marks).join('')).toBe('采用者有：织里镇<10>、八里店镇<80>。');
  });

  it('Markdown prints the line first, its marks numbered as footnotes before the other citations', () => {
    const md = toMarkdown({ query: '哪些镇推行了网格模式', answerLine: { text: '采用者有：织里镇[1]、八里店镇[2]。', citations: [first, second] }, answers: [{ name: '八里店镇', citations: [second] }] }, ctx);
    const line = md.split('\n').find((l) => l.startsWith('**答：**'));
    expect(line).toBe('**答：**采用者有：织里镇[^1]、八里店镇[^2]。');
    // The answer item reuses footnote 2: the same citation is one note.
    expect(md).toMatch(/- 八里店镇\[\^2\]/);
  });

  it('a compare cell prints each value with its own marks', () => {
    const md = toMarkdown(
      { table: { columns: ['机制'], rows: [{ entity: { id: 'e1', name: '吴兴区' }, cells: [{ values: ['1+3+N', '1+3+X'], citations: [first, second], items: [{ value: '1+3+N', citations: [first] }, { value: '1+3+X', citations: [second] }] }] }] } },
      ctx,
    );
    expect(md).toContain('| 吴兴区 | 1+3+N[^1]；1+3+X[^2] |');
  });
});
