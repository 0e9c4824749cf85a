import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../web/export/csv.js';
import { escapeBibtex, toBibtex } from '../../web/export/bibtex.js';
import { estimateYear, exportFile, gbtReference, type ExportContext, type ExportInput } from '../../web/export/index.js';
import { toMarkdown } from '../../web/export/markdown.js';
import { toRis } from '../../web/export/ris.js';
import { buildHarness, type Harness } from './harness.js';

const CITED = '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成。';
const a = { docId: 'doc-a', file: 'corpus/001_a.txt', start: 2781, end: 2781 + CITED.length, text: CITED };
const b = { docId: 'doc-b', file: 'corpus/002_b.txt', start: 10, end: 30, text: '推行“三长制”，群众说"好",事情办得快\n第二行' };

const input: ExportInput = {
  title: '网格力量体系',
  query: '哪些街道采用了1+3+X网格力量体系？',
  summary: [{ group: '酒泉路街道', text: CITED, citations: [a] }],
  answers: [{ name: '酒泉路街道', detail: '采用 1+3+X', citations: [a] }],
  table: {
    columns: ['做法', '指标'],
    rows: [{ entity: { id: 'ent-1', name: '酒泉路街道' }, cells: [{ values: ['1+3+X', '网格, 力量'], citations: [a] }, { values: [], citations: [] }] }],
  },
  passages: [{ ...b, breadcrumb: ['汇编', '三长制'] }],
};
const ctx: ExportContext = {
  documents: new Map([
    ['doc-a', { id: 'doc-a', title: '城关区基层治理工作报告汇编', path: 'corpus/001_a.txt', estimatedYear: 2023 }],
    ['doc-b', { id: 'doc-b', title: '三长制实践', path: 'corpus/002_b.txt' }],
  ]),
  accessed: '2024-05-01',
};

describe('web/export (pure)', () => {
  it('GB/T 7714-2015 reference for a report: [R], unknown place/publisher, estimated year in brackets', () => {
    expect(gbtReference(ctx.documents.get('doc-a')!)).toBe('城关区基层治理工作报告汇编[R]. [出版地不详]: [出版者不详], [2023]. 文件: corpus/001_a.txt.');
    expect(gbtReference(ctx.documents.get('doc-b')!)).toContain('[出版年不详]');
    expect(estimateYear('2021年启动，2023 年全面推开，2099年远景', 2030)).toBe(2023);
    expect(estimateYear('没有年份')).toBeUndefined();
  });

  it('markdown: footnote marks, footnotes with the cited text, file and span, and the reference list', () => {
    const md = toMarkdown(input, ctx);
    expect(md).toContain('# 网格力量体系');
    expect(md).toContain(`[^1]: “${CITED}” 见参考文献[1]，文件 \`corpus/001_a.txt\`，位置 [2781, ${a.end})，docId doc-a。`);
    expect(md).toMatch(/\*\*酒泉路街道\*\*：.*\[\^1\]/);
    expect(md).toContain('## 参考文献');
    expect(md).toContain('[1] 城关区基层治理工作报告汇编[R]. [出版地不详]: [出版者不详], [2023]. 文件: corpus/001_a.txt.');
    expect(md).toContain('[2] 三长制实践[R].');
    // The same citation is one footnote however often it is cited.
    expect(md.match(/^\[\^1\]:/gm)).toHaveLength(1);
    expect(md).not.toMatch(/^\[\^3\]:/m);
  });

  it('docx: a zip with real footnotes holding the cited text and the reference', async () => {
    const file = await exportFile('docx', input, ctx);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(file.body);
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    expect(footnotes).toContain(CITED);
    expect(footnotes).toContain('城关区基层治理工作报告汇编[R]');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)!.length).toBeGreaterThanOrEqual(4);
    expect(body).toContain('参考文献');
  });

  it('RIS: one RPRT record per cited document with the cited spans as notes', () => {
    const ris = toRis(input, ctx);
    const records = ris.split('\r\n\r\n');
    expect(records).toHaveLength(2);
    for (const record of records) {
      const lines = record.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('TY  - RPRT');
      expect(lines.at(-1)).toBe('ER  - ');
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    }
    expect(ris).toContain('TI  - 城关区基层治理工作报告汇编');
    expect(ris).toContain('PY  - 2023');
    expect(ris).toContain(`N1  - [1] corpus/001_a.txt [2781, ${a.end}) “${CITED}”`);
    expect(ris).not.toMatch(/[^\r]\n/);
  });

  it('BibTeX: @techreport entries, Chinese titles in UTF-8, balanced braces, escaped specials', () => {
    const bib = toBibtex(input, ctx);
    const entries = bib.trim().split(/\n\n(?=@)/);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatch(/^@techreport\{atlas_doc_[ab],\n/);
      let depth = 0;
      for (const ch of entry.replace(/\\[{}]/g, '')) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    expect(bib).toContain('title = {{城关区基层治理工作报告汇编}}');
    expect(bib).toContain('year = {2023}');
    expect(bib).toContain(CITED);
    expect(escapeBibtex('50% & {x}_1')).toBe('50\\% \\& \\{x\\}\\_1');
  });

  it('CSV: BOM, CRLF records, RFC 4180 quoting, citations beside each column', () => {
    const csv = toCsv(input, ctx);
    expect(csv.startsWith('\uFEFF对象,对象ID,做法,做法 引文,指标,指标 引文\r\n')).toBe(true);
    expect(csv).toContain(',"1+3+X；网格, 力量",');
    expect(csv).toContain(`doc-a corpus/001_a.txt [2781, ${a.end}) “${CITED}”`);
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-3')).toBe('-3');
    const list = toCsv({ passages: input.passages }, ctx);
    expect(list).toContain('序号,名称,docId,文件,start,end,引文\r\n');
    expect(list).toContain('1,三长制,doc-b,corpus/002_b.txt,10,30,"推行“三长制”，群众说""好"",事情办得快\n第二行"\r\n');
  });
});

describe('POST /api/export', () => {
  let h: Harness;
  let answer: ExportInput & { query: string };
  beforeAll(async () => {
    h = await buildHarness();
    answer = (await request(h.app).get(`/api/search?q=${encodeURIComponent('哪些街道采用了1+3+X网格力量体系？')}`)).body;
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (body: object) => request(h.app).post('/api/export').send(body).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it.each([
    ['md', 'text/markdown; charset=utf-8', 'md'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['ris', 'application/x-research-info-systems; charset=utf-8', 'ris'],
    ['bibtex', 'application/x-bibtex; charset=utf-8', 'bib'],
    ['csv', 'text/csv; charset=utf-8', 'csv'],
  ])('exports %s as an attachment', async (format, mime, extension) => {
    const res = await post({ format, title: '网格力量', query: answer.query, summary: answer.summary, answers: answer.answers, passages: answer.passages });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(mime);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="[^"]*\\.${extension}"; filename\\*=UTF-8''${encodeURIComponent('网格力量')}\\.${extension}$`));
    const body = res.body as Buffer;
    if (format === 'md') {
      const md = body.toString('utf8');
      const cited = answer.answers!.find((x) => x.name === '酒泉路街道')!.citations[0];
      expect(md).toContain(cited.text);
      expect(md).toMatch(/\[1\] .+\[R\]\. \[出版地不详\]: \[出版者不详\], \[20\d\d\]\. 文件: corpus\//);
    }
    if (format === 'docx') {
      const footnotes = await (await JSZip.loadAsync(body)).file('word/footnotes.xml')!.async('string');
      expect(footnotes).toContain('1+3+X');
    }
    if (format === 'csv') expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('rejects a bad format, a missing format and an empty export', async () => {
    for (const body of [{ format: 'pdf', passages: answer.passages }, { passages: answer.passages }, { format: 'md' }]) {
      const res = await request(h.app).post('/api/export').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    const bad = await request(h.app).post('/api/export').send({ format: 'pdf' });
    expect(bad.body.error.message).toContain('format');
  });
});
