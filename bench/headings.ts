/**
 * npm run bench:headings [-- --sizes 25000,50000,100000]: ingest time of one Markdown file with N
 * headings (each its own article), read → structure → graph → store, in a fresh process per size.
 * Structure and graph building must grow linearly: 25k headings took 9 s and 100k 328 s when
 * every article filtered all passages. Results go to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordBenchmark } from './recordBenchmark.js';

const SELF = fileURLToPath(import.meta.url);

/**
 * N headings, alternating levels 1 (a new article, titled with the same street, as a compilation's
 * articles often are) and 2 (a section), each followed by one short body line.
 */
function headingsMarkdown(n: number): string {
  const lines = ['# 基层治理工作汇编'];
  for (let i = 1; i <= n; i++) lines.push(i % 2 ? `# 海淀区学院路街道工作纪要${i}` : `## 网格服务${i}`, `社区开展第${i}次走访。`);
  return lines.join('\n') + '\n';
}

async function measure(file: string, dataDir: string): Promise<void> {
  const { SqliteGraphStore } = await import('../graph/sqlite/SqliteGraphStore.js');
  const { ingestPaths } = await import('../ingest/pipeline/index.js');
  const { tokenize } = await import('../text/segment/index.js');
  tokenize('预热'); // the jieba dictionary load is not what this measures
  const store = new SqliteGraphStore(path.join(dataDir, 'graph.sqlite'));
  const started = performance.now();
  const [outcome] = await ingestPaths([file], store, { maxFileBytes: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const stats = await store.stats();
  await store.close();
  console.log(JSON.stringify({ seconds, status: outcome.status, error: outcome.error, articles: stats.articles, passages: stats.passages, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

if (process.argv[2] === '--measure') {
  await measure(process.argv[3], process.argv[4]);
} else {
  const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const sizes = arg('--sizes', '25000,50000,100000').split(',').map(Number);
  const rows: string[] = [];
  for (const n of sizes) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-headings-'));
    const file = path.join(work, `headings-${n}.md`);
    fs.writeFileSync(file, headingsMarkdown(n));
    const output = execFileSync(process.execPath, [...process.execArgv, SELF, '--measure', file, work], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const result = JSON.parse(output.trim().split('\n').pop()!);
    const kb = Math.round(fs.statSync(file).size / 1024);
    fs.rmSync(work, { recursive: true, force: true });
    console.log(n, kb, 'KB', result);
    if (result.status === 'failed') throw new Error(`${n} headings: ${result.error}`);
    rows.push(`| ${n} | ${kb} | ${result.articles} | ${result.passages} | ${result.seconds.toFixed(1)} | ${(result.seconds / n * 1e6).toFixed(0)} | ${result.maxRssMB} |`);
  }
  recordBenchmark('ingest: many headings (sqlite)', [
    'One Markdown file of N headings (levels 1 and 2 alternating, each with one body line; every level-1 heading starts an article named after the same street), ingested in a fresh process: read, structure, graph, store; the jieba load is excluded. Linear time shows as a flat µs-per-heading column.',
    '',
    '| headings | file (KB) | articles | passages | seconds | µs per heading | peak RSS (MB) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ]);
}
