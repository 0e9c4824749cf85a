/**
 * npm run eval [-- --json] [-- --mode hybrid] [-- --set dev|generalization] [-- --keep] [-- --sweep] [-- --embedder corpus,auto] [-- --show-held-out]
 * Scores tests/eval/dev-queries.json on corpus/ alone, and tests/eval/generalization/
 * queries-generalization.json on corpus/ + the generalization documents, in each mode.
 * --json prints { dev, generalization } (each omitted when not run).
 * Held-out failures and trap answers are counted; they are listed only with --show-held-out.
 */
import type { SearchMode } from '../../search/retrieve.js';
import { MODES, TOP_K } from './evaluate.js';
import { printGeneralizationReport } from './printGeneralization.js';
import { runEvaluation, runGeneralization, type EvalReport } from './runEvaluation.js';

const SETS = ['dev', 'generalization'] as const;
type EvalSet = (typeof SETS)[number];

function optionValues(argv: string[], name: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    const value = arg.startsWith(`--${name}=`) ? arg.slice(name.length + 3) : arg === `--${name}` ? argv[i + 1] : undefined;
    if (value !== undefined) values.push(...value.split(','));
  });
  return values;
}

function parseArgs(argv: string[]): { json: boolean; modes: SearchMode[]; sets: EvalSet[]; keep: boolean; sweep: boolean; embedders: (string | undefined)[] } {
  const json = argv.includes('--json');
  const sweep = argv.includes('--sweep');
  const keep = argv.includes('--keep');
  const modes = optionValues(argv, 'mode').map((m) => {
    if (!(MODES as readonly string[]).includes(m)) throw new Error(`--mode: must be one of ${MODES.join(', ')}`);
    return m as SearchMode;
  });
  const sets = optionValues(argv, 'set').map((s) => {
    if (!(SETS as readonly string[]).includes(s)) throw new Error(`--set: must be one of ${SETS.join(', ')}`);
    return s as EvalSet;
  });
  // --embedder corpus,auto: the whole report once per embedder (auto = the local model when present).
  const embedders = optionValues(argv, 'embedder').map((e) => {
    if (!['auto', 'transformers', 'corpus'].includes(e)) throw new Error('--embedder: must be auto, transformers or corpus');
    return e;
  });
  return { json, modes: modes.length ? modes : [...MODES], sets: sets.length ? sets : [...SETS], keep, sweep, embedders: embedders.length ? embedders : [undefined] };
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
  for (const embedder of args.embedders) {
    if (args.embedders.length > 1 && !args.json) console.log(`##### EMBEDDER=${embedder} #####`);
    await report(args, embedder);
  }
}

async function report(args: ReturnType<typeof parseArgs>, embedder: string | undefined): Promise<void> {
  if (args.sweep) {
    // How much the vector ranking should weigh in hybrid fusion: the numbers behind DEFAULT_VECTOR_WEIGHT.
    console.log('thesaurus  vector weight  R@5psg  MRR    R@5para');
    for (const expand of [true, false]) {
      for (const vectorWeight of [0, 0.1, 0.25, 0.5, 1, 2]) {
        const { summaries } = await runEvaluation({ modes: ['hybrid'], vectorWeight, expand, embedder });
        const s = summaries[0];
        console.log(`${(expand ? 'on' : 'off').padEnd(10)} ${String(vectorWeight).padEnd(13)} ${pct(s.passageRecallAt5)} ${num(s.mrr)} ${pct(s.paraphraseRecallAt5)}`);
      }
    }
    return;
  }
  const options = { modes: args.modes, keepDataDir: args.keep, embedder, log: (line: string) => console.error(line) };
  const dev = args.sets.includes('dev') ? await runEvaluation(options) : undefined;
  const generalization = args.sets.includes('generalization') ? await runGeneralization(options) : undefined;
  if (args.json) {
    // Piped stdout is asynchronous: wait for the write before process.exit.
    const text = `${JSON.stringify({ dev, generalization }, null, 2)}\n`;
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
    return;
  }
  if (dev) {
    console.log('=== Dev set (tests/eval/dev-queries.json, corpus/) ===');
    printReport(dev);
  }
  if (generalization) {
    if (dev) console.log();
    console.log('=== Generalization set (tests/eval/generalization/queries-generalization.json, corpus/ + generalization docs) ===');
    printGeneralizationReport(generalization, process.argv.includes('--show-held-out'));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`error: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(2);
  },
);
