/** Plain-text report of the generalization set for `npm run eval`. */
import { TOP_K } from './evaluate.js';
import type { GroupSummary } from './generalization.js';
import type { GeneralizationReport } from './runEvaluation.js';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`).padStart(7);

function row(label: string, g: GroupSummary, width: number): string {
  const a = g.answers;
  return (
    `  ${label.padEnd(width)} n=${String(g.queries).padStart(3)}  R@${TOP_K} ${pct(g.recallAt5)}  ` +
    `P ${pct(a.precision)}  R ${pct(a.recall)}  F1 ${pct(a.f1)}  (${a.correct}/${a.predicted} correct, ` +
    `${a.matchedExpected}/${a.expected} found)  traps ${g.traps}`
  );
}

/**
 * Held-out questions are listed one by one only with `showHeldOut` (npm run eval -- --show-held-out):
 * whoever tunes the answer code sees their totals, never their wording or answers, by accident.
 */
export function printGeneralizationReport(report: GeneralizationReport, showHeldOut = false): void {
  const out = (line = '') => console.log(line);
  const listed = <T extends { split: string }>(items: T[]) => items.filter((i) => showHeldOut || i.split !== 'held-out');
  out(`Embedder: ${report.embedder}`);
  out(
    `Documents: ${report.documents}; ingest ${report.seconds.ingest.toFixed(1)} s, open ${report.seconds.open.toFixed(1)} s, ` +
      `queries ${report.seconds.queries.toFixed(1)} s`,
  );
  for (const f of report.ingestFailures) out(`Ingest failure: ${f}`);
  out();
  out(`mode     R@${TOP_K}   (answerable questions; answers do not depend on the mode and are scored on the first one)`);
  for (const s of report.summaries) out(`${s.mode.padEnd(8)}${pct(s.overall.recallAt5)}`);
  const first = report.summaries[0];
  out();
  out(`Strict answers (${first.mode}):`);
  out(row('all', first.overall, 14));
  out('By split:');
  for (const [k, g] of Object.entries(first.bySplit)) out(row(k, g, 14));
  out('By document set:');
  for (const [k, g] of Object.entries(first.byDocSet)) out(row(k, g, 14));
  out('By answer type:');
  for (const [k, g] of Object.entries(first.byAnswerType)) out(row(k, g, 14));
  out('By phrasing:');
  for (const [k, g] of Object.entries(first.byPhrasing)) out(row(k, g, 14));
  out();
  out(`Trap answers given: ${first.trapAnswers.length}`);
  for (const t of listed(first.trapAnswers)) out(`  ✗ ${t.id} ${t.query}: ${t.prediction}  (trap ${t.trap})`);
  out();
  out(`Failures (${report.failures.length}${showHeldOut ? '' : '; held-out ones counted, not listed'}):`);
  for (const f of listed(report.failures)) {
    out(`- ${f.id} [${f.answerType}] ${f.query}`);
    for (const p of f.problems) out(`    ✗ ${p}`);
    out(`    expected: [${f.expected.join('、')}]  got: [${f.got.answers.join('、')}]${f.got.note ? ' (no graph answer)' : ''}`);
  }
}
