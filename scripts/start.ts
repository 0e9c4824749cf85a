/**
 * npm start: the product on one command. Builds the UI when it is missing or older than its
 * sources, fetches the embedding model when it is absent and Maven is there, ingests corpus/ into an
 * empty store, then serves UI and API on $PORT (default 3000) while passage vectors are computed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../graph/config.js';
import { isAppError } from '../graph/errors.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { BGE_SMALL_ZH_ID } from './models/transformersLayout.js';
import { fetchBgeSmallZh, mavenAvailable, presentModel } from './models/fetchModel.js';

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

/**
 * The default model is fetched with Maven (npm run models) the first time; without Maven, or when the
 * fetch fails, the corpus embedder takes over and one line says why. Other models are left to the user.
 */
async function fetchModelIfAbsent(config: Config): Promise<void> {
  if (config.embedder === 'corpus' || config.embeddingModel !== BGE_SMALL_ZH_ID) return;
  if (config.embeddingModelPath !== config.modelsDir || presentModel(config.modelsDir)) return;
  const fallback = config.embedder === 'auto' ? 'using the corpus embedder' : 'trying a download from the hub';
  if (!mavenAvailable()) {
    console.error(`No embedding model in ${config.modelsDir} and no Maven to fetch it: ${fallback} (npm run models fetches it with Maven 3.8+ and Java 17).`);
    return;
  }
  try {
    await fetchBgeSmallZh({ modelsDir: config.modelsDir, log: (line) => console.error(line) });
  } catch (error) {
    console.error(`Could not fetch the embedding model, ${fallback}: ${(error as Error).message}`);
  }
}

async function ingestCorpusOnFirstRun(config: Config): Promise<void> {
  const store = await openStore(config);
  try {
    const ingest = async ({ resumed }: { resumed: boolean }) => {
      // resumed: a server that started the first run died; ingest skips the documents it stored.
      if (!resumed && (await store.stats()).documents > 0) return;
      console.error(`First run: ingesting ${path.join(ROOT, 'corpus')} into ${store.backend === 'neo4j' ? config.neo4j.uri : config.dataDir}…`);
      const outcomes = await ingestPaths([path.join(ROOT, 'corpus')], store, { maxFileBytes: config.maxFileBytes, baseDir: ROOT });
      for (const failed of outcomes.filter((o) => o.status === 'failed')) console.error(`error: ${failed.error}`);
    };
    // A shared store (Neo4j) ingests once, under a lease in the database, however many servers start at once.
    if (store.runOnce) await store.runOnce('first-run-ingest', ingest, { log: (line) => console.error(line) });
    else await ingest({ resumed: false });
    // No waiting for vectors: the server embeds the passages in the background (progress in /api/health).
  } finally {
    await store.close();
  }
}

try {
  buildUiIfNeeded();
  const config = loadConfig();
  await fetchModelIfAbsent(config);
  await ingestCorpusOnFirstRun(config);
  await import('../web/server/main.js');
} catch (error) {
  console.error(isAppError(error) ? `error: ${error.message}` : error);
  process.exit(2);
}
