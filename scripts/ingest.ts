import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { runMain } from './runMain.js';
import type { StoreStats } from '../graph/GraphStore.js';
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
      await openIndexes(store, config, (line) => console.error(line));
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
    if (outcomes.some((o) => o.status === 'inserted' || o.status === 'replaced')) {
      // Search indexes follow the store incrementally: only new passages are embedded.
      await openIndexes(store, config, (line) => console.error(line));
    }
    printSummary(outcomes, await store.stats(), (performance.now() - started) / 1000);
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    await store.close();
  }
}

runMain(main);
