import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { CORPUS_DIR, entityNamed, tempDataDir } from '../helpers/corpusStore.js';

const FILE_001 = '001_0f39f337b5ac33d8.txt';
let dataDir: string;
let inputDir: string;
let store: GraphStore;

const ingest = (paths: string[], maxFileBytes = 50 * 1024 * 1024) => ingestPaths(paths, store, { maxFileBytes, baseDir: inputDir });

beforeAll(async () => {
  dataDir = tempDataDir();
  inputDir = tempDataDir('atlas-input');
  for (const name of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, name), path.join(inputDir, name));
  store = await openStore(loadConfig({ DATA_DIR: dataDir }));
  await ingest([inputDir]);
});

afterAll(async () => {
  await store?.close();
  for (const dir of [dataDir, inputDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('re-ingest, replace and delete', () => {
  it('ingesting the same files again is a no-op', async () => {
    const before = await store.stats();
    const outcomes = await ingest([inputDir]);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('unchanged'));
    expect(await store.stats()).toEqual(before);
  });

  it('a changed file replaces its old version', async () => {
    const file = path.join(inputDir, '003_3b5b65008f8eb723.txt');
    const oldDocs = await store.listDocuments();
    const oldId = oldDocs.find((d) => d.path === path.basename(file))!.id;
    fs.appendFileSync(file, '\n\n五、结语\n\n巴中将继续推行网格化管理，满意率达99.1%。\n');
    const [outcome] = await ingest([file]);
    expect(outcome).toMatchObject({ status: 'replaced', replacedDocId: oldId });
    expect(await store.hasDocument(oldId)).toBe(false);
    expect((await store.listDocuments()).length).toBe(oldDocs.length);
    const passages = (await store.allPassages()).filter((p) => p.docId === outcome.docId);
    expect(passages.some((p) => p.text.includes('满意率达99.1%'))).toBe(true);
  });

  it('delete removes the document, its passages, its evidence and entities left without evidence, nothing else', async () => {
    const docs = await store.listDocuments();
    const target = docs.find((d) => d.path === FILE_001)!;
    const otherPassages = (await store.allPassages()).filter((p) => p.docId !== target.id).map((p) => p.id);
    const shared = await entityNamed(store, '枫桥经验', 'mechanism');
    const sharedEvidence = await store.evidenceOf(shared.id, 1000);
    expect(new Set(sharedEvidence.map((e) => e.docId)).size).toBeGreaterThan(1);

    const outcome = await store.deleteDocument(FILE_001);
    expect(outcome).toMatchObject({ docId: target.id });
    expect(outcome!.passages).toBe(target.passages);
    expect(await store.hasDocument(target.id)).toBe(false);
    expect(await store.findEntities({ name: '牟辉' })).toEqual([]);
    expect(await store.findEntities({ name: '酒泉路街道' })).toEqual([]);
    expect(await store.findEntities({ name: '1+3+X' })).toEqual([]);
    const remaining = await store.evidenceOf(shared.id, 1000);
    expect(remaining.length).toBe(sharedEvidence.filter((e) => e.docId !== target.id).length);
    expect(remaining.every((e) => e.docId !== target.id)).toBe(true);
    expect((await store.allPassages()).map((p) => p.id)).toEqual(otherPassages);
    expect(await store.searchPassages(['牟辉'], 10)).toEqual([]);
    expect(await store.deleteDocument(FILE_001)).toBeNull();
  });
});

describe('bad input', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['empty.txt', '', 'FILE_EMPTY'],
    ['blank.md', ' \n\t\n', 'FILE_EMPTY'],
    ['binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 0, 0, 0, 3]), 'FILE_BINARY'],
    ['program.exe', 'MZ this is not a report', 'FILE_UNSUPPORTED'],
    ['broken.docx', 'PK\u0003\u0004 not really a zip', 'FILE_CORRUPT'],
    ['broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog', 'FILE_CORRUPT'],
    ['big.txt', '网格化管理'.repeat(400), 'FILE_TOO_LARGE'],
  ];

  it('each bad file fails with a one-line error naming it; good files are still ingested; failures change nothing', async () => {
    const dir = tempDataDir('atlas-bad');
    for (const [name, content] of cases) fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'good.txt'), '永登县大同镇推行“四民工作法”，群众满意率达95.2%。');
    const before = await store.stats();
    // Named explicitly: a folder walk only picks supported extensions, a named file is always tried.
    const files = [...cases.map(([name]) => name), 'good.txt'].map((name) => path.join(dir, name));
    const outcomes = await ingestPaths(files, store, { maxFileBytes: 1000, baseDir: dir });
    fs.rmSync(dir, { recursive: true, force: true });
    const byFile = new Map(outcomes.map((o) => [o.file, o]));
    expect(byFile.get('good.txt')?.status).toBe('inserted');
    for (const [name, , code] of cases) {
      const outcome = byFile.get(name);
      expect(outcome, name).toMatchObject({ status: 'failed', code });
      expect(outcome!.error).toContain(name);
      expect(outcome!.error).not.toContain('\n');
    }
    const after = await store.stats();
    expect(after.documents).toBe(before.documents + 1);
  });
});
