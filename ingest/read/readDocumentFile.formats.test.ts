/** Container formats — .docx, .pdf, .html/.htm — built in the test from real corpus text. */
import iconv from 'iconv-lite';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readDocumentFile } from './index.js';
import { buildDocx } from './testing/buildDocx.js';
import { buildPdf, type PdfFontKind } from './testing/buildPdf.js';
import { corpusLines, TempDir } from './testing/fixtures.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());
afterEach(() => vi.restoreAllMocks());
const LIMIT = { maxBytes: 10 * 1024 * 1024 };

/** Report heading and opening lines, e.g. 兰州市乡镇街道党（工）委书记工作交流会发言材料汇编. */
const heading = corpusLines.find((l) => l.startsWith('兰州市乡镇街道'))!;
const body = corpusLines.slice(corpusLines.indexOf(heading) + 1, corpusLines.indexOf(heading) + 6);

describe('.docx', () => {
  it('extracts paragraphs separated by blank lines, title from the first line', async () => {
    const file = tmp.write('report.docx', await buildDocx([heading, ...body]));
    const result = await readDocumentFile(file, LIMIT);
    expect(result).toMatchObject({ format: 'docx', encoding: 'utf-8', title: heading });
    expect(result.text).toBe([heading, ...body].map((p) => p + '\n\n').join(''));
  });

  it('joins the runs of one paragraph and keeps XML special characters', async () => {
    const file = tmp.write('runs.docx', await buildDocx([['党建引领', '强服务'], 'A & B <C>']));
    expect((await readDocumentFile(file, LIMIT)).text).toBe('党建引领强服务\n\nA & B <C>\n\n');
  });

  it('rejects a zip that is not a Word document', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await new JSZip().file('hello.txt', heading).generateAsync({ type: 'nodebuffer' });
    const file = tmp.write('notword.docx', zip);
    await expect(readDocumentFile(file, LIMIT)).rejects.toMatchObject({ code: 'FILE_CORRUPT', message: expect.stringContaining('notword.docx') });
  });
});

describe('.pdf', () => {
  it('reads an ASCII text layer: lines by y position, pages separated by a form feed on a line of its own', async () => {
    const pdf = buildPdf({
      font: 'helvetica',
      title: 'Practice Atlas sample',
      pages: [['Lanzhou street-level governance', [[72, 'Party'], [120, 'building']]], ['Page (two)']],
    });
    const result = await readDocumentFile(tmp.write('ascii.pdf', pdf), LIMIT);
    expect(result).toMatchObject({ format: 'pdf', encoding: 'pdf-text-layer', title: 'Practice Atlas sample' });
    expect(result.text).toBe('Lanzhou street-level governance\nParty building\n\f\nPage (two)');
  });

  const chinese: Array<{ font: PdfFontKind; note: string }> = [
    { font: 'cjk-tounicode', note: 'Identity-H font with a ToUnicode CMap' },
    { font: 'cjk-predefined', note: 'predefined UniGB-UCS2-H CMap loaded from the local pdfjs-dist folder' },
  ];

  it.each(chinese)('reads Chinese text: $note', async ({ font }) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const pages = [[heading, ...body.slice(0, 2)], [body[2]]];
    const result = await readDocumentFile(tmp.write(`${font}.pdf`, buildPdf({ font, pages, title: heading })), LIMIT);
    expect(result.title).toBe(heading);
    expect(result.text).toBe(`${heading}\n${body[0]}\n${body[1]}\n\f\n${body[2]}`);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps CJK characters drawn one by one (letter-spaced) together', async () => {
    const title = heading.slice(0, 10);
    const spaced = [...title].map((ch, i) => [72 + i * 16, ch] as [number, string]);
    const pdf = buildPdf({ font: 'cjk-tounicode', pages: [[spaced, body[2]]] });
    const result = await readDocumentFile(tmp.write('letterspaced.pdf', pdf), LIMIT);
    expect(result.text).toBe(`${title}\n${body[2]}`);
  });
});

describe('.html / .htm', () => {
  const page = (meta: string) => `<!DOCTYPE html>
<html><head>${meta}<title>${heading} &amp; 会议</title>
<style>p { color: red }</style><script>var x = "脚本不应出现";</script></head>
<body><h1>Summary ${heading}</h1>
<div>${body[0]}<br>${body[1]}</div>
<p>${body[2]} <a href="https://example.org/x">链接</a></p>
<ul><li>要点一</li><li>要点二</li></ul>
<table><tr><th>名称</th><th>数量</th></tr><tr><td>街道</td><td>8</td></tr></table>
<img src="a.png" alt="图片"><noscript>请启用脚本</noscript>
</body></html>`;
  const expected = `Summary ${heading}\n\n${body[0]}\n${body[1]}\n\n${body[2]} 链接\n\n• 要点一\n• 要点二\n\n名称 数量\n街道 8`;

  const cases = [
    { name: 'UTF-8 with <meta charset>', file: 'utf8.html', bytes: iconv.encode(page('<meta charset="utf-8">'), 'utf-8'), encoding: 'utf-8' },
    { name: 'GBK with <meta charset="gb2312">', file: 'gb.htm', bytes: iconv.encode(page('<meta charset="gb2312">'), 'gbk'), encoding: 'gb18030' },
    {
      name: 'GBK with http-equiv Content-Type',
      file: 'equiv.html',
      bytes: iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'gbk'),
      encoding: 'gb18030',
    },
    { name: 'GB18030 without declaration (detected)', file: 'nometa.html', bytes: iconv.encode(page(''), 'gb18030'), encoding: 'gb18030' },
    { name: 'UTF-8 mislabeled as gb2312', file: 'mislabeled.html', bytes: iconv.encode(page('<meta charset="gb2312">'), 'utf-8'), encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', file: 'utf16.htm', bytes: iconv.encode(page(''), 'utf-16le', { addBOM: true }), encoding: 'utf-16le' },
  ];

  it.each(cases)('$name', async ({ file, bytes, encoding }) => {
    const result = await readDocumentFile(tmp.write(file, bytes), LIMIT);
    expect(result).toMatchObject({ format: 'html', encoding, title: `${heading} & 会议` });
    expect(result.text).toBe(expected);
  });

  it('contains no markup, script or style', async () => {
    const result = await readDocumentFile(tmp.write('plain.html', page('<meta charset="utf-8">')), LIMIT);
    expect(result.text).not.toMatch(/[<>]|脚本|color|https:|图片/);
  });
});
