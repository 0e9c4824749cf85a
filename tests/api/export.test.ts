import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../web/export/csv.js';
import { escapeBibtex, toBibtex } from '../../web/export/bibtex.js';
import { citationKey, estimateYear, exportFile, gbtReference, type ExportContext, type ExportInput } from '../../web/export/index.js';
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

  it('markdown: footnote marks, footnotes with the cited text and its reference, and the reference list', () => {
    const md = toMarkdown(input, ctx);
    expect(md).toContain('# 网格力量体系');
    expect(md).toContain(`[^1]: “${CITED}” 见参考文献[1]《城关区基层治理工作报告汇编》。`);
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
    expect(footnotes).toContain('见参考文献[1]《城关区基层治理工作报告汇编》');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)!.length).toBeGreaterThanOrEqual(4);
    expect(body).toContain('参考文献');
    expect(body).toContain('城关区基层治理工作报告汇编[R]');
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

describe('footnotes (Word and Markdown): one per source, no internal ids, clean quotes, at their item', () => {
  // A sentence cited by the answer and by the summary with a one-character-longer span, the same
  // sentence repeated later in the report (a duplicated paragraph), and a phrase inside it.
  const sentence = { docId: 'doc-a', file: 'corpus/001_a.txt', start: 100, end: 130, text: '济南市历下区推行“院落议事会”，\n\n每月议定一次公共事务。' };
  const repeated = { ...sentence, start: 900, end: 930 };
  const phrase = { ...sentence, start: 108, end: 115, text: '“院落议事会”' };
  const slogan = { docId: 'doc-b', file: 'corpus/002_b.txt', start: 40, end: 47, text: '“三长制”' };
  const noisy = { docId: 'doc-b', file: 'corpus/002_b.txt', start: 200, end: 260, text: '### 推行“三长制”\n\n— 3 —\n★\n**社区**设立楼栋长、单元长，\n\n每户都有联系人。' };
  const dedupInput: ExportInput = {
    query: '哪些地方推行院落议事会？',
    answerLine: { text: '推行院落议事会的有：历下区[1]。', citations: [sentence] },
    answers: [
      { name: '历下区', citations: [sentence, repeated] },
      { name: '院落议事会', citations: [phrase] },
      { name: '三长制', citations: [slogan, noisy] },
    ],
  };
  const located: ExportContext = {
    ...ctx,
    locations: new Map([
      [citationKey(sentence), { page: 3, section: '一、基本做法' }],
      [citationKey(noisy), { section: '二、主要成效' }],
    ]),
  };

  it('one footnote per distinct source span (same span, repeated text, a phrase inside a cited span)', () => {
    const md = toMarkdown(dedupInput, located);
    const notes = md.match(/^\[\^\d+\]:.*$/gm) ?? [];
    expect(notes).toHaveLength(3);
    expect(md).toContain('- 历下区[^1][^1]');
    expect(md).toContain('- 院落议事会[^1]');
    expect(md).toContain('- 三长制[^2][^3]');
  });

  it('Markdown footnotes: cleaned quote, title and page/section, no docId or offsets, no doubled quotes', () => {
    const md = toMarkdown(dedupInput, located);
    expect(md).toContain('[^1]: “济南市历下区推行“院落议事会”，每月议定一次公共事务。” 见参考文献[1]《城关区基层治理工作报告汇编》，第3页，一、基本做法。');
    expect(md).toContain('[^2]: 「“三长制”」');
    expect(md).toContain('[^3]: “推行“三长制”社区设立楼栋长、单元长，每户都有联系人。” 见参考文献[2]《三长制实践》，二、主要成效。');
    expect(md).not.toMatch(/docId|doc-a|位置 \[|““|\\#\\#|— 3 —|★/);
  });

  it('Word footnotes follow the same rules', async () => {
    const zip = await JSZip.loadAsync((await exportFile('docx', dedupInput, located)).body);
    const footnotes = (await zip.file('word/footnotes.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const body = await zip.file('word/document.xml')!.async('string');
    // Footnotes 1..3 (Word's separator notes -1/0 aside).
    expect(new Set(body.match(/w:footnoteReference w:id="\d+"/g))).toEqual(new Set(['w:footnoteReference w:id="1"', 'w:footnoteReference w:id="2"', 'w:footnoteReference w:id="3"']));
    expect(footnotes).toContain('见参考文献[1]《城关区基层治理工作报告汇编》，第3页，一、基本做法。');
    expect(footnotes).toContain('「“三长制”」');
    expect(footnotes).not.toMatch(/docId|doc-a|位置 \[|““|###|\*\*|— 3 —|★/);
  });

  it('compare export: each value carries its own footnotes, not the cell end', async () => {
    const table: ExportInput['table'] = {
      columns: ['机制'],
      rows: [
        {
          entity: { id: 'e1', name: '历下区' },
          cells: [{ values: ['院落议事会', '三长制'], citations: [sentence, slogan], items: [{ value: '院落议事会', citations: [sentence] }, { value: '三长制', citations: [slogan] }] }],
        },
      ],
    };
    const md = toMarkdown({ table }, located);
    expect(md).toContain('| 历下区 | 院落议事会[^1]；三长制[^2] |');
    const zip = await JSZip.loadAsync((await exportFile('docx', { table }, located)).body);
    const cell = (await zip.file('word/document.xml')!.async('string')).split('院落议事会')[1]!;
    // The first value's footnote comes before the second value.
    expect(cell.indexOf('w:footnoteReference w:id="1"')).toBeGreaterThanOrEqual(0);
    expect(cell.indexOf('w:footnoteReference w:id="1"')).toBeLessThan(cell.indexOf('三长制'));
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
      const footnotes = (await (await JSZip.loadAsync(body)).file('word/footnotes.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(footnotes).toContain('1+3+X');
      // The reader's location (title and the section of the corpus report), not docId and offsets.
      expect(footnotes).toContain('《兰州市乡镇街道党（工）委书记工作交流会发言材料汇编》');
      expect(footnotes).not.toMatch(/docId|doc-[0-9a-f]{6}|位置 \[|““/);
    }
    if (format === 'csv') expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('search citations carry the document title and the section (or page) of the span', async () => {
    const cited = answer.answers!.find((x) => x.name === '酒泉路街道')!.citations[0] as { title?: string; section?: string; page?: number };
    expect(cited.title).toBe('兰州市乡镇街道党（工）委书记工作交流会发言材料汇编');
    expect(cited.section).toContain('一网两访三为');
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
