/** Issue 11 (10): an exact number, code or Latin word in a report finds that report, in the index and at query time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { tokenize } from '../../text/segment/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';

const DOCS: Record<string, string> = {
  'codes.txt': [
    '柳州市城中区社区治理工作简报',
    '',
    '一、热线办理',
    '城中区将居民通过12345热线反映的问题纳入网格台账，按照区委办发〔2024〕049号文件要求限时办结。',
    '二、数据安全',
    '系统日志中出现DROP语句时自动告警，全年共服务1,234户居民。',
  ].join('\n'),
  'plain.txt': [
    '大同市新荣区乡村治理工作简报',
    '',
    '一、网格建设',
    '新荣区推行网格化管理，每个网格配备专职网格员，定期走访群众，收集意见建议。',
    '二、议事协商',
    '各村建立议事协商会，围绕村内公共事务开展民主协商。',
  ].join('\n'),
};

let dataDir: string;
let store: GraphStore;
let engine: AnswerEngine;
let codesDoc: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-exact-'));
  const input = path.join(dataDir, 'input');
  fs.mkdirSync(input);
  for (const [name, text] of Object.entries(DOCS)) fs.writeFileSync(path.join(input, name), text);
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus' });
  store = await openStore(config);
  const outcomes = await ingestPaths([input], store, { maxFileBytes: config.maxFileBytes, baseDir: dataDir });
  codesDoc = outcomes.find((o) => o.file.endsWith('codes.txt'))!.docId!;
  engine = await AnswerEngine.open(store, config);
});

afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('exact numbers and codes', () => {
  it.each(['049号', '12345', 'DROP', '1234户', '1,234'])('keyword search for %s finds the report that contains it', async (query) => {
    const answer = await engine.answer(query, { mode: 'keyword' });
    expect(answer.passages[0]?.docId).toBe(codesDoc);
    // Without thesaurus siblings only the exact token can match.
    const exact = await engine.answer(query, { mode: 'keyword', expand: false });
    expect(exact.passages.length).toBeGreaterThan(0);
    expect(exact.passages.every((p) => p.docId === codesDoc)).toBe(true);
  });

  it('the stored tokens keep the number whole, so the full-text index finds it too', async () => {
    const hits = await store.searchPassages(tokenize('049'), 5);
    expect(hits.length).toBe(1);
    const [passage] = await store.getPassages([hits[0].passageId]);
    expect(passage.docId).toBe(codesDoc);
    expect(passage.tokens.split(' ')).toEqual(expect.arrayContaining(['049', '12345', 'DROP', '1234']));
  });
});
