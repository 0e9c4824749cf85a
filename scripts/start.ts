/**
 * npm start: the product on one command. Builds the UI when it is missing or older than its
 * sources, ingests corpus/ into an empty store, then serves UI and API on $PORT (default 3000).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../graph/config.js';
import { isAppError } from '../graph/errors.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { openIndexes } from '../search/indexes/openIndexes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UI = path.join(ROOT, 'web', 'ui');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildUiIfNeeded(): void {
  const index = path.join(UI, 'dist', 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(UI)) return;
  console.error('Building the web UI…');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(UI, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function ingestCorpusOnFirstRun(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    if ((await store.stats()).documents > 0) return;
    console.error(`First run: ingesting ${path.join(ROOT, 'corpus')} into ${config.dataDir}…`);
    const outcomes = await ingestPaths([path.join(ROOT, 'corpus')], store, { maxFileBytes: config.maxFileBytes, baseDir: ROOT });
    for (const failed of outcomes.filter((o) => o.status === 'failed')) console.error(`error: ${failed.error}`);
    await openIndexes(store, config, (line) => console.error(line));
  } finally {
    await store.close();
  }
}

try {
  buildUiIfNeeded();
  await ingestCorpusOnFirstRun();
  await import('../web/server/main.js');
} catch (error) {
  console.error(isAppError(error) ? `error: ${error.message}` : error);
  process.exit(2);
}
