import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '../../search/schema.js';
import { ingestCorpus, PROJECT_ROOT, tempDataDir, type CorpusStore } from '../helpers/corpusStore.js';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
let ctx: CorpusStore;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  ctx = await ingestCorpus();
  await ctx.store.close();
  env = { ...process.env, DATA_DIR: ctx.config.dataDir, EMBEDDER: 'corpus' };
});
afterAll(() => ctx?.dispose());

describe('query and kg commands', () => {
  it('query --json --batch prints one valid JSON answer per question line', async () => {
    const file = path.join(tempDataDir('atlas-batch'), 'questions.txt');
    fs.writeFileSync(file, '哪些街道采用了1+3+X网格力量体系？\n\n福利路街道党工委书记是谁\n');
    const { stdout } = await run(TSX, ['scripts/query.ts', '--json', '--batch', file], { cwd: PROJECT_ROOT, env });
    const lines = stdout.trim().split('\n').map((line) => answerSchema.parse(JSON.parse(line)));
    expect(lines.map((a) => a.answers.map((x) => x.name))).toEqual([['酒泉路街道'], ['牟辉']]);
  });

  it('query prints numbered citations with file and offsets', async () => {
    const { stdout } = await run(TSX, ['scripts/query.ts', '酒泉路街道的满意率是多少'], { cwd: PROJECT_ROOT, env });
    expect(stdout).toMatch(/满意率 97\.4%.*\[1\]/);
    // The answer line comes first, its marker numbered into the same reference list.
    expect(stdout).toMatch(/^答：酒泉路街道满意率 97\.4%\[1\]。$/m);
    expect(stdout).toMatch(/\[1\] corpus\/001_0f39f337b5ac33d8\.txt \[\d+, \d+\) “.*满意率达97\.4%/);
  });

  it('kg entity --json describes an entity with relations and evidence offsets', async () => {
    const { stdout } = await run(TSX, ['scripts/kg.ts', 'entity', '酒泉路街道', '--json'], { cwd: PROJECT_ROOT, env });
    const [entity] = JSON.parse(stdout).entities;
    expect(entity).toMatchObject({ type: 'region', name: '酒泉路街道', level: 'township' });
    expect(entity.regionChain.map((r: { name: string }) => r.name)).toEqual(['甘肃省', '兰州市', '城关区']);
    const adopts = entity.relations.find((r: { type: string; other: { name: string } }) => r.type === 'ADOPTS' && r.other.name === '1+3+X');
    expect(adopts.evidence[0]).toMatchObject({ docId: expect.stringMatching(/^doc-/), start: expect.any(Number), end: expect.any(Number) });
  });

  it('kg entities --type mechanism lists mechanisms; a bad type is refused', async () => {
    const { stdout } = await run(TSX, ['scripts/kg.ts', 'entities', '--type', 'mechanism', '--json'], { cwd: PROJECT_ROOT, env });
    const { entities } = JSON.parse(stdout);
    expect(entities.every((e: { type: string }) => e.type === 'mechanism')).toBe(true);
    expect(entities.map((e: { key: string }) => e.key)).toEqual(expect.arrayContaining(['1+3+X', '两化三三三']));
    const failure = await run(TSX, ['scripts/kg.ts', 'entities', '--type', 'street'], { cwd: PROJECT_ROOT, env }).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/--type: must be one of/);
  });
});
