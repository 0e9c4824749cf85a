/**
 * npm run eval [-- --json] [-- --mode hybrid] [-- --keep] [-- --sweep]
 * Ingests corpus/ into a temporary DATA_DIR and scores tests/eval/dev-queries.json in each mode.
 */
import type { SearchMode } from '../../search/retrieve.js';
import { MODES, TOP_K } from './evaluate.js';
import { runEvaluation, type EvalReport } from './runEvaluation.js';

function parseArgs(argv: string[]): { json: boolean; modes: SearchMode[]; keep: boolean; sweep: boolean } {
  const json = argv.includes('--json');
  const sweep = argv.includes('--sweep');
  const keep = argv.includes('--keep');
  const modes: SearchMode[] = [];
  argv.forEach((arg, i) => {
    const value = arg.startsWith('--mode=') ? arg.slice('--mode='.length) : arg === '--mode' ? argv[i + 1] : undefined;
    if (value === undefined) return;
    for (const m of value.split(',')) {
      if (!(MODES as readonly string[]).includes(m)) throw new Error(`--mode: must be one of ${MODES.join(', ')}`);
      modes.push(m as SearchMode);
    }
  });
  return { json, modes: modes.length ? modes : [...MODES], keep, sweep };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const num = (x: number) => x.toFixed(3).padStart(7);

function printReport(report: EvalReport): void {
  const out = (line = '') => console.log(line);
  out(`Embedder: ${report.embedder}`);
  out(
    `Documents: ${report.documents}; ingest ${report.seconds.ingest.toFixed(1)} s, open ${report.seconds.open.toFixed(1)} s, ` +
      `queries ${report.seconds.queries.toFixed(1)} s`,
  );
  for (const f of report.ingestFailures) out(`Ingest failure: ${f}`);
  const first = report.summaries[0];
  const a = first.answers;
  out(`Queries: ${first.queries} (answers are mode-independent: ${a.correct}/${a.predicted} predictions correct, ${a.matchedExpected}/${a.expected} expected found)`);
  out();
  out(`mode     R@${TOP_K}    R@${TOP_K}psg   MRR     R@${TOP_K}para  intent   ansP    ansR    ansF1`);
  for (const s of report.summaries) {
    out(
      `${s.mode.padEnd(8)}${pct(s.recallAt5)} ${pct(s.passageRecallAt5)} ${num(s.mrr)} ${pct(s.paraphraseRecallAt5)} ` +
        `${pct(s.intentAccuracy)} ${pct(s.answers.precision)} ${pct(s.answers.recall)} ${pct(s.answers.f1)}`,
    );
  }
  out(`(R@${TOP_K}: evidence in top-${TOP_K} passages or answer citations; R@${TOP_K}psg: passages only; R@${TOP_K}para: paraphrase queries)`);
  out();
  out(`By expected intent (${first.mode}):`);
  for (const [intent, g] of Object.entries(first.byIntent)) {
    out(`  ${intent.padEnd(14)} n=${String(g.queries).padStart(2)}  R@${TOP_K} ${pct(g.recallAt5)}  intent ${pct(g.intentAccuracy)}`);
  }
  out();
  out(`Failures (${report.failures.length}):`);
  for (const f of report.failures) {
    out(`- ${f.id} ${f.query}`);
    for (const p of f.problems) out(`    ✗ ${p}`);
    out(`    expected: intent=${f.expected.intent} answers=[${f.expected.answers.join('、')}] evidence=${f.expected.evidence.map((e) => `「${e}」`).join(' ')}`);
    out(`    got:      intent=${f.got.intent ?? '—'} answers=[${f.got.answers.join('、')}]${f.got.note ? ' (no graph answer)' : ''}`);
    for (const p of f.got.topPassages) out(`      #${p.rank} ${p.breadcrumb ? `[${p.breadcrumb}] ` : ''}${p.text}…`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.sweep) {
    // How much the vector ranking should weigh in hybrid fusion: the numbers behind DEFAULT_VECTOR_WEIGHT.
    console.log('thesaurus  vector weight  R@5psg  MRR    R@5para');
    for (const expand of [true, false]) {
      for (const vectorWeight of [0, 0.1, 0.25, 0.5, 1]) {
        const { summaries } = await runEvaluation({ modes: ['hybrid'], vectorWeight, expand });
        const s = summaries[0];
        console.log(`${(expand ? 'on' : 'off').padEnd(10)} ${String(vectorWeight).padEnd(13)} ${pct(s.passageRecallAt5)} ${num(s.mrr)} ${pct(s.paraphraseRecallAt5)}`);
      }
    }
    return;
  }
  const report = await runEvaluation({ modes: args.modes, keepDataDir: args.keep, log: (line) => console.error(line) });
  if (args.json) {
    // Piped stdout is asynchronous: wait for the write before process.exit.
    await new Promise<void>((resolve, reject) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, (e) => (e ? reject(e) : resolve())));
  } else printReport(report);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`error: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(2);
  },
);
