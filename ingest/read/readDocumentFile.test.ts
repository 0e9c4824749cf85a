/** Plain-text decoding (txt/md) and every kind of bad input, on real corpus text. */
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTextBytes, readDocumentFile, SUPPORTED_EXTENSIONS } from './index.js';
import { buildDocx } from './testing/buildDocx.js';
import { buildPdf } from './testing/buildPdf.js';
import { corpusLines, corpusSample, noiseBytes, TempDir } from './testing/fixtures.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());
const LIMIT = { maxBytes: 10 * 1024 * 1024 };

const BOM = {
  utf8: Buffer.from([0xef, 0xbb, 0xbf]),
  utf16le: Buffer.from([0xff, 0xfe]),
  utf16be: Buffer.from([0xfe, 0xff]),
};
const enc = (text: string, encoding: string) => iconv.encode(text, encoding, { addBOM: false });
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A short real line that chardet ranks as EUC-KR above GB18030 when GBK-encoded. */
const SHORT_LINE = corpusLines.find((l) => l.startsWith('西固区福利路街道党工委书记 '))!;

describe('readDocumentFile: text encodings', () => {
  const cases: Array<{ name: string; file: string; bytes: Uint8Array; encoding: string; text?: string }> = [
    { name: 'UTF-8', file: 'utf8.txt', bytes: enc(corpusSample, 'utf-8'), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', file: 'utf8bom.txt', bytes: Buffer.concat([BOM.utf8, enc(corpusSample, 'utf-8')]), encoding: 'utf-8-bom' },
    { name: 'GB18030', file: 'gb18030.txt', bytes: enc(corpusSample, 'gb18030'), encoding: 'gb18030' },
    { name: 'GBK', file: 'gbk.txt', bytes: enc(corpusSample, 'gbk'), encoding: 'gb18030' },
    { name: 'GBK short line', file: 'gbk-short.txt', bytes: enc(SHORT_LINE, 'gbk'), encoding: 'gb18030', text: SHORT_LINE },
    { name: 'GBK with CRLF', file: 'gbk-crlf.txt', bytes: enc(crlf(corpusSample), 'gbk'), encoding: 'gb18030' },
    { name: 'UTF-8 with CRLF', file: 'crlf.md', bytes: enc(crlf(corpusSample), 'utf-8'), encoding: 'utf-8' },
    { name: 'UTF-8 with lone CR', file: 'cr.txt', bytes: enc(corpusSample.replace(/\n/g, '\r'), 'utf-8'), encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', file: 'utf16le.txt', bytes: Buffer.concat([BOM.utf16le, enc(corpusSample, 'utf-16le')]), encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', file: 'utf16be.txt', bytes: Buffer.concat([BOM.utf16be, enc(corpusSample, 'utf-16be')]), encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM', file: 'utf16le-nobom.txt', bytes: enc(crlf(corpusSample), 'utf-16le'), encoding: 'utf-16le' },
    { name: 'UTF-16BE without BOM', file: 'utf16be-nobom.md', bytes: enc(corpusSample, 'utf-16be'), encoding: 'utf-16be' },
  ];

  it.each(cases)('$name', async ({ file, bytes, encoding, text }) => {
    const result = await readDocumentFile(tmp.write(file, bytes), LIMIT);
    expect(result.encoding).toBe(encoding);
    expect(result.format).toBe(path.extname(file).slice(1));
    expect(result.text).toBe(text ?? corpusSample);
    expect(result.text).not.toMatch(/[\r\ufeff]/);
  });

  it('keeps the text verbatim apart from line endings (no trimming, markdown kept)', async () => {
    const md = '\n\n# 兰州市乡镇街道党（工）委书记工作交流会\n\n  ' + corpusLines[3] + '  \n\n';
    const result = await readDocumentFile(tmp.write('verbatim.md', crlf(md)), LIMIT);
    expect(result.text).toBe(md);
  });

  it('normalizes to NFC', async () => {
    const result = await readDocumentFile(tmp.write('nfc.txt', 'Cafe\u0301 ' + corpusLines[0]), LIMIT);
    expect(result.text).toBe('Caf\u00e9 ' + corpusLines[0]);
  });

  it('drops a UTF-8 sequence cut off at the end of the file', async () => {
    const bytes = enc(corpusLines[2], 'utf-8');
    const result = await readDocumentFile(tmp.write('cut.txt', bytes.subarray(0, bytes.length - 1)), LIMIT);
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(corpusLines[2].slice(0, -1));
  });
});

describe('decodeTextBytes', () => {
  it.each([
    ['utf-8', enc(corpusSample, 'utf-8')],
    ['gb18030', enc(corpusSample, 'gb18030')],
    ['utf-16le', Buffer.concat([BOM.utf16le, enc(corpusSample, 'utf-16le')])],
  ])('decodes %s bytes to the canonical text', (encoding, bytes) => {
    expect(decodeTextBytes(bytes, 'mem.txt')).toEqual({ text: corpusSample, encoding });
  });

  it.each([
    ['big5', '臺灣地區的基層治理與社區服務，強化黨建引領，推動鄉鎮街道工作交流。'],
    ['shift_jis', '日本語のテキストです。これはテストのための文章で、ひらがなとカタカナを含みます。'],
    ['euc-kr', '한국어 텍스트입니다. 이것은 시험을 위한 문장입니다.'],
  ])('keeps the Chinese bias from swallowing confidently detected %s', (encoding, text) => {
    expect(decodeTextBytes(enc(text, encoding), 'other.txt')).toEqual({ text, encoding });
  });

  it('throws FileError naming the file', () => {
    expect(() => decodeTextBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'upload.txt')).toThrow(
      expect.objectContaining({ code: 'FILE_BINARY', message: expect.stringContaining('upload.txt') }),
    );
  });
});

describe('readDocumentFile: bad input', () => {
  const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex');
  /** No NUL, not UTF-8, full of control bytes and invalid GB sequences. */
  const UNDECODABLE = Buffer.from(noiseBytes(2048, 7, 1, 255).map((b, i) => (i % 3 === 0 ? 0x81 + (b % 20) : b)));

  const cases: Array<{ name: string; file: string; bytes?: Uint8Array | (() => Promise<Uint8Array>); code: string; reason?: string; maxBytes?: number }> = [
    { name: 'empty file', file: 'empty.txt', bytes: new Uint8Array(0), code: 'FILE_EMPTY' },
    { name: 'whitespace only', file: 'blank.txt', bytes: enc(' \r\n\t\u3000\n  ', 'utf-8'), code: 'FILE_EMPTY' },
    { name: 'whitespace only, UTF-16', file: 'blank16.txt', bytes: Buffer.concat([BOM.utf16le, enc(' \r\n\u3000', 'utf-16le')]), code: 'FILE_EMPTY' },
    { name: 'PNG bytes named .txt', file: 'image.txt', bytes: PNG_HEADER, code: 'FILE_BINARY' },
    { name: 'random bytes with NULs', file: 'random.md', bytes: noiseBytes(4096, 42), code: 'FILE_BINARY' },
    { name: 'text with a NUL byte', file: 'nul.txt', bytes: Buffer.concat([enc(corpusLines[2], 'utf-8'), Buffer.from([0]), enc(corpusLines[3], 'utf-8')]), code: 'FILE_BINARY' },
    { name: 'unsupported extension', file: 'setup.exe', bytes: Buffer.from('MZ\x90\x00\x03', 'latin1'), code: 'FILE_UNSUPPORTED' },
    { name: 'no extension', file: 'README', bytes: enc(corpusLines[1], 'utf-8'), code: 'FILE_UNSUPPORTED' },
    { name: 'undecodable bytes', file: 'garbage.txt', bytes: UNDECODABLE, code: 'FILE_UNDECODABLE' },
    { name: 'over the size limit', file: 'big.txt', bytes: enc(corpusSample, 'utf-8'), code: 'FILE_TOO_LARGE', maxBytes: 100 },
    { name: 'random bytes named .docx', file: 'broken.docx', bytes: noiseBytes(3000, 3), code: 'FILE_CORRUPT' },
    {
      name: 'truncated .docx zip',
      file: 'truncated.docx',
      bytes: async () => (await buildDocx(corpusLines.slice(0, 40))).subarray(0, 300),
      code: 'FILE_CORRUPT',
    },
    { name: 'legacy .doc renamed .docx', file: 'old.docx', bytes: Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), code: 'FILE_UNSUPPORTED' },
    {
      name: 'truncated PDF',
      file: 'truncated.pdf',
      bytes: () => Promise.resolve(buildPdf({ font: 'helvetica', pages: [['Hello'], ['again']] }).subarray(0, 400)),
      code: 'FILE_CORRUPT',
    },
    { name: 'PDF with a broken body', file: 'body.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catal\n%%EOF\n'), code: 'FILE_CORRUPT' },
    { name: 'random bytes named .pdf', file: 'random.pdf', bytes: noiseBytes(2000, 5), code: 'FILE_CORRUPT' },
    { name: 'PDF without text layer', file: 'scan.pdf', bytes: () => Promise.resolve(buildPdf({ font: 'helvetica', pages: [[], []] })), code: 'FILE_EMPTY', reason: 'no text layer (scanned PDF?)' },
    { name: 'HTML without visible text', file: 'blank.html', bytes: enc('<html><head><title>标题</title><script>var a = "脚本";</script></head><body> <p>&nbsp;</p></body></html>', 'utf-8'), code: 'FILE_EMPTY' },
    { name: 'missing file', file: 'missing.txt', code: 'FILE_NOT_FOUND' },
  ];

  it.each(cases)('$name → $code', async ({ file, bytes, code, reason, maxBytes }) => {
    const filePath = path.join(tmp.dir, file);
    if (bytes !== undefined) tmp.write(file, typeof bytes === 'function' ? await bytes() : bytes);
    const read = readDocumentFile(filePath, { maxBytes: maxBytes ?? LIMIT.maxBytes });
    await expect(read).rejects.toMatchObject({ name: 'FileError', code, file: filePath });
    await expect(read).rejects.toThrow(file);
    if (reason) await expect(read).rejects.toThrow(reason);
  });

  it('lists the supported extensions', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.docx', '.pdf', '.html', '.htm']);
  });
});
