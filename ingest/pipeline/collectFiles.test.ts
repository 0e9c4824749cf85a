/** Issue 11 (4): links and unreadable folders inside an ingested folder are per-path errors; the walk goes on. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { collectFiles } from './collectFiles.js';
import { ingestPaths } from './ingestFiles.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-walk-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const SUPPORTED = ['.txt', '.md'];
const REPORT = '宁夏银川市兴庆区社区治理简报\n\n兴庆区推行“街巷长制”，每条街巷明确一名街巷长，负责巡查环境卫生和化解邻里矛盾。\n';

/** A folder with two good reports, a link back to a parent folder and a dangling link. */
function tree(label: string): string {
  const dir = path.join(root, label);
  fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'sub', 'report.txt'), REPORT);
  fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'notes.md'), REPORT.replace('兴庆区', '金凤区'));
  fs.writeFileSync(path.join(dir, 'image.png'), 'png');
  fs.symlinkSync('..', path.join(dir, 'sub', 'deeper', 'up'));
  fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'gone.txt'));
  return dir;
}

describe('collectFiles', () => {
  it('reports a symlink loop and a dangling link, collects every real file once', () => {
    const dir = tree('links');
    const { files, errors } = collectFiles([dir], SUPPORTED);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['sub/deeper/notes.md', 'sub/report.txt']);
    expect(errors.map((e) => [e.code, path.relative(dir, e.file)])).toEqual([
      ['FILE_DANGLING_LINK', 'gone.txt'],
      ['FILE_LINK_LOOP', 'sub/deeper/up'],
    ]);
    for (const error of errors) expect(error.message).toMatch(/已跳过/);
  });

  it('reads a folder reached through two links once, without calling that a loop', () => {
    const dir = tree('aliases');
    fs.symlinkSync(path.join(dir, 'sub', 'deeper'), path.join(dir, 'alias'));
    const { files, errors } = collectFiles([dir], SUPPORTED);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['alias/notes.md', 'sub/report.txt']);
    expect(errors.map((e) => [e.code, path.relative(dir, e.file)])).toEqual([
      ['FILE_LINK_LOOP', 'alias/up'],
      ['FILE_DANGLING_LINK', 'gone.txt'],
    ]);
  });

  it('reports a link that points to itself as a loop', () => {
    const dir = path.join(root, 'self');
    fs.mkdirSync(dir);
    fs.symlinkSync(path.join(dir, 'me'), path.join(dir, 'me'));
    expect(collectFiles([dir], SUPPORTED).errors.map((e) => e.code)).toEqual(['FILE_LINK_LOOP']);
  });

  it('reports an unreadable folder and walks its siblings', () => {
    const dir = tree('locked');
    const locked = path.join(dir, 'sub');
    const readdir = fs.readdirSync;
    // Tests run as root here, which chmod cannot lock out: the failure is injected at the call.
    vi.spyOn(fs, 'readdirSync').mockImplementation(((target: fs.PathLike, ...rest: unknown[]) => {
      if (path.resolve(String(target)) === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (readdir as (...a: unknown[]) => unknown)(target, ...rest);
    }) as typeof fs.readdirSync);
    const { files, errors } = collectFiles([dir], SUPPORTED);
    expect(files).toEqual([]);
    expect(errors.map((e) => [e.code, path.relative(dir, e.file)])).toEqual([
      ['FILE_DANGLING_LINK', 'gone.txt'],
      ['FILE_UNREADABLE', 'sub'],
    ]);
    expect(errors[1].message).toBe(`${locked}: 没有读取权限（EACCES），已跳过`);
  });

  it('reports a missing input path', () => {
    const missing = path.join(root, 'nope');
    expect(collectFiles([missing], SUPPORTED).errors.map((e) => [e.code, e.file])).toEqual([['FILE_NOT_FOUND', missing]]);
  });
});

describe('ingestPaths over a folder with bad links', () => {
  it('ingests the good files and fails only the bad paths', async () => {
    const dir = tree('ingest');
    const store = new SqliteGraphStore(path.join(root, 'graph.sqlite'));
    try {
      const outcomes = await ingestPaths([dir], store, { maxFileBytes: 1 << 20, baseDir: dir });
      expect(outcomes.map((o) => [o.status, o.code ?? null, path.relative(dir, path.resolve(dir, o.file))])).toEqual([
        ['failed', 'FILE_DANGLING_LINK', 'gone.txt'],
        ['failed', 'FILE_LINK_LOOP', 'sub/deeper/up'],
        ['inserted', null, 'sub/deeper/notes.md'],
        ['inserted', null, 'sub/report.txt'],
      ]);
      expect((await store.stats()).documents).toBe(2);
    } finally {
      await store.close();
    }
  });
});
