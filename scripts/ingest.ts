import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { runMain } from './runMain.js';
import type { GraphStore, StoreStats } from '../graph/GraphStore.js';
import { ingestPaths, type FileOutcome } from '../ingest/pipeline/index.js';
import { openIndexes } from '../search/indexes/openIndexes.js';

function printSummary(outcomes: FileOutcome[], stats: StoreStats, seconds: number): void {
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  console.log(
    `Files: ${outcomes.length} (inserted ${count('inserted')}, replaced ${count('replaced')}, unchanged ${count('unchanged')}, failed ${count('failed')})`,
  );
  console.log(`Store: ${stats.documents} documents, ${stats.articles} articles, ${stats.passages} passages`);
  console.log(`Entities: ${Object.entries(stats.entities).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`Relations: ${Object.entries(stats.relations).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`Seconds: ${seconds.toFixed(2)}`);
}

/**
 * Brings the vector index in line with the store (only missing passages are embedded, the cache first),
 * with a progress bar on a terminal and a line per chunk otherwise.
 */
async function syncIndexes(store: GraphStore, config: Config, progress: boolean): Promise<void> {
  const bar = progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'vectors [{bar}] {value}/{total} passages | {rate} passages/s' }, cliProgress.Presets.shades_classic)
    : undefined;
  let started = false;
  const indexes = await openIndexes(store, config, (line) => console.error(line), {
    onVectorProgress: (status) => {
      const rate = status.passagesPerSecond?.toFixed(1) ?? '–';
      if (!bar) {
        console.error(`vectors ${status.embedded}/${status.total} (${status.computed} computed, ${status.fromCache} from cache, ${rate} passages/s)`);
        return;
      }
      if (!started) bar.start(status.total, status.embedded, { rate });
      started = true;
      bar.update(status.embedded, { rate });
    },
  });
  bar?.stop();
  const status = indexes.vectorStatus();
  await indexes.close();
  console.error(`Vectors: ${status.embedded}/${status.total} passages (${status.embedderId})`);
}

async function main(): Promise<number> {
  const program = new Command()
    .name('ingest')
    .description('Ingest reports (.txt .md .docx .pdf .html) into the graph; default corpus/')
    .argument('[paths...]', 'files or folders', ['corpus'])
    .option('--delete <idOrPath...>', 'remove documents by id or path instead of ingesting')
    .option('--no-progress', 'no progress bar')
    .parse();
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const options = program.opts<{ delete?: string[]; progress: boolean }>();
    if (options.delete) {
      let missing = 0;
      for (const target of options.delete) {
        const outcome = await store.deleteDocument(target);
        if (!outcome) {
          console.error(`${target}: no such document`);
          missing++;
        } else {
          console.log(`Deleted ${outcome.docId}: ${outcome.passages} passages, ${outcome.evidence} evidence, ${outcome.entities} entities, ${outcome.relations} relations`);
        }
      }
      await syncIndexes(store, config, options.progress);
      return missing ? 1 : 0;
    }
    const started = performance.now();
    const bar = options.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} files | {passages} passages | {file}' }, cliProgress.Presets.shades_classic)
      : undefined;
    let passages = 0;
    const outcomes = await ingestPaths(program.args.length ? program.args : ['corpus'], store, { maxFileBytes: config.maxFileBytes }, {
      onFileStart: (file, index, total) => {
        if (index === 0) bar?.start(total, 0, { passages, file });
        bar?.update(index, { file });
      },
      onFileDone: (outcome) => {
        passages += outcome.passages ?? 0;
        bar?.increment(1, { passages });
      },
    });
    bar?.stop();
    for (const failed of outcomes.filter((o) => o.status === 'failed')) console.error(`error: ${failed.error}`);
    const graphSeconds = (performance.now() - started) / 1000;
    console.error(`Stored in ${graphSeconds.toFixed(1)} s: documents are searchable by keyword and graph now; computing vectors…`);
    // Always, even when every file was unchanged: an earlier run killed while embedding left vectors missing.
    await syncIndexes(store, config, options.progress);
    printSummary(outcomes, await store.stats(), (performance.now() - started) / 1000);
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    await store.close();
  }
}

runMain(main);
