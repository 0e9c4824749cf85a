/**
 * Dev-set evaluation: pure scoring functions plus a runner that ingests corpus/ into a temporary
 * DATA_DIR, opens the AnswerEngine once and asks every question of tests/eval/dev-queries.json in
 * each search mode.
 *
 * Scoring rules (kept here, next to the code that applies them):
 * - Evidence: text is compared after NFKC normalization and removing all whitespace, so line
 *   breaks and full/half-width variants (＋/+) never decide a hit.
 * - Recall@5: a query hits when one of its evidence strings occurs in one of the top-5 passages,
 *   or in the text of a citation of a graph answer (answers[].citations, compare-table cells).
 * - MRR: 1/rank of the first returned passage holding evidence (up to PASSAGE_LIMIT passages);
 *   an answer citation holding evidence counts as rank 1; no evidence anywhere counts 0.
 * - Passage-only Recall@5 is also reported: graph answers do not depend on the search mode, so
 *   this is the number that compares retrieval modes.
 * - Answers (graph intents only; expected intent 'passages' does not count): the predicted list is
 *   answers[] plus compare-table rows that have at least one value. A predicted answer is correct
 *   when its name contains an expected string (NFKC, no whitespace or quote marks, lower case).
 *   Names that only match an item's `alsoAcceptable` list (practices the text supports but that
 *   are not required) are neutral: neither correct nor false positives. Every other prediction is
 *   a false positive — in particular all predictions on a query whose expectedAnswers is [].
 *   Precision = correct predictions / counted predictions; recall = expected strings matched by
 *   some prediction / expected strings; both micro-averaged over all graph-intent queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchMode } from '../../search/retrieve.js';
import { INTENTS, type Answer, type Intent } from '../../search/schema.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');
export const DEV_QUERIES_FILE = path.join(PROJECT_ROOT, 'tests', 'eval', 'dev-queries.json');
export const MODES: readonly SearchMode[] = ['hybrid', 'keyword', 'vector'];
export const TOP_K = 5;
export const PASSAGE_LIMIT = 10;

export interface EvalItem {
  id: string;
  query: string;
  intent: Intent;
  paraphrase: boolean;
  /** Entity names (or "97.4%"-style values for metrics) a correct answer lists; [] = no graph answer. */
  expectedAnswers: string[];
  /** Optional: names a correct answer may also list without being counted as a false positive. */
  alsoAcceptable?: string[];
  /** Exact corpus substrings (8–40 chars); one of them must show up in the result. */
  evidence: string[];
}

// ---------------------------------------------------------------------------------------------
// Loading and checking the dev set
// ---------------------------------------------------------------------------------------------

export function loadDevQueries(file = DEV_QUERIES_FILE): EvalItem[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array`);
  return raw.map((entry, index) => {
    const item = entry as Partial<EvalItem>;
    const where = `${file}[${index}]`;
    if (typeof item.id !== 'string' || typeof item.query !== 'string') throw new Error(`${where}: id and query must be strings`);
    if (!INTENTS.includes(item.intent as Intent)) throw new Error(`${where} (${item.id}): unknown intent ${String(item.intent)}`);
    if (typeof item.paraphrase !== 'boolean') throw new Error(`${where} (${item.id}): paraphrase must be a boolean`);
    if (!Array.isArray(item.expectedAnswers) || !Array.isArray(item.evidence) || item.evidence.length === 0) {
      throw new Error(`${where} (${item.id}): expectedAnswers must be an array and evidence a non-empty array`);
    }
    return item as EvalItem;
  });
}

export function readCorpusTexts(dir = CORPUS_DIR): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    texts.set(name, fs.readFileSync(path.join(dir, name), 'utf8').replace(/\r\n?/g, '\n').normalize('NFC'));
  }
  return texts;
}

/** Problems with the dev set itself: evidence not an exact corpus substring, wrong length, duplicate ids. */
export function checkDevQueries(items: EvalItem[], corpus: Map<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const texts = [...corpus.values()];
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${item.id}: duplicate id`);
    seen.add(item.id);
    for (const e of item.evidence) {
      const length = [...e].length;
      if (length < 8 || length > 40) problems.push(`${item.id}: evidence "${e}" has ${length} characters (want 8–40)`);
      if (!texts.some((t) => t.includes(e))) problems.push(`${item.id}: evidence "${e}" is not an exact substring of any corpus file`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Pure scoring
// ---------------------------------------------------------------------------------------------

/** For evidence: NFKC and no whitespace at all. */
export function normalizeEvidenceText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** For names: as evidence, and also without quote marks and case. */
export function normalizeName(text: string): string {
  return normalizeEvidenceText(text)
    .replace(/["'“”‘’「」『』《》]/gu, '')
    .toLowerCase();
}

export function containsEvidence(text: string, evidence: string[]): boolean {
  const haystack = normalizeEvidenceText(text);
  return evidence.some((e) => haystack.includes(normalizeEvidenceText(e)));
}

/** Every citation attached to a graph answer: answers[] and compare-table cells. */
export function answerCitationTexts(answer: Answer): string[] {
  const texts = answer.answers.flatMap((a) => a.citations.map((c) => c.text));
  for (const row of answer.table?.rows ?? []) {
    for (const cell of row.cells) texts.push(...cell.citations.map((c) => c.text));
  }
  return texts;
}

export interface EvidenceScore {
  /** Evidence found in an answer citation. */
  inCitations: boolean;
  /** 1-based rank of the first passage holding evidence, or null. */
  passageRank: number | null;
  hitAtK: boolean;
  passageHitAtK: boolean;
  reciprocalRank: number;
}

export function scoreEvidence(item: Pick<EvalItem, 'evidence'>, answer: Answer, k = TOP_K): EvidenceScore {
  const inCitations = answerCitationTexts(answer).some((t) => containsEvidence(t, item.evidence));
  const index = answer.passages.findIndex((p) => containsEvidence(p.text, item.evidence));
  const passageRank = index < 0 ? null : index + 1;
  const passageHitAtK = passageRank !== null && passageRank <= k;
  return {
    inCitations,
    passageRank,
    hitAtK: inCitations || passageHitAtK,
    passageHitAtK,
    reciprocalRank: inCitations ? 1 : passageRank ? 1 / passageRank : 0,
  };
}

/** The names a response offers as its answer: answers[] plus compare-table rows with a value. */
export function predictedNames(answer: Answer): string[] {
  const names = answer.answers.map((a) => a.name);
  for (const row of answer.table?.rows ?? []) {
    if (row.cells.some((c) => c.values.length > 0)) names.push(row.entity.name);
  }
  return names;
}

export interface AnswerScore {
  /** Predictions counted for precision (everything but neutral ones). */
  predicted: number;
  correct: number;
  expected: number;
  matchedExpected: number;
  correctNames: string[];
  wrongNames: string[];
  neutralNames: string[];
  missing: string[];
}

const nameMatches = (name: string, wanted: string) => normalizeName(name).includes(normalizeName(wanted));

/** null for passage questions: they do not count for answer precision and recall. */
export function scoreAnswers(item: EvalItem, answer: Answer): AnswerScore | null {
  if (item.intent === 'passages') return null;
  const names = predictedNames(answer);
  const correctNames: string[] = [];
  const wrongNames: string[] = [];
  const neutralNames: string[] = [];
  for (const name of names) {
    if (item.expectedAnswers.some((e) => nameMatches(name, e))) correctNames.push(name);
    else if ((item.alsoAcceptable ?? []).some((e) => nameMatches(name, e))) neutralNames.push(name);
    else wrongNames.push(name);
  }
  const missing = item.expectedAnswers.filter((e) => !names.some((n) => nameMatches(n, e)));
  return tallyAnswers(item.expectedAnswers, { correctNames, wrongNames, neutralNames, missing });
}

/** Counts of one question's answers; neutral names count neither way. */
export function tallyAnswers(
  expectedAnswers: string[],
  names: Pick<AnswerScore, 'correctNames' | 'wrongNames' | 'neutralNames' | 'missing'>,
): AnswerScore {
  return {
    predicted: names.correctNames.length + names.wrongNames.length,
    correct: names.correctNames.length,
    expected: expectedAnswers.length,
    matchedExpected: expectedAnswers.length - names.missing.length,
    ...names,
  };
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  correct: number;
  expected: number;
  matchedExpected: number;
}

/** Micro-averaged precision/recall/F1; an empty denominator scores 1 (nothing to get wrong). */
export function microPRF(scores: AnswerScore[]): PRF {
  const sum = (f: (s: AnswerScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const predicted = sum((s) => s.predicted);
  const correct = sum((s) => s.correct);
  const expected = sum((s) => s.expected);
  const matchedExpected = sum((s) => s.matchedExpected);
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = expected === 0 ? 1 : matchedExpected / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted, correct, expected, matchedExpected };
}

export interface QueryResult {
  id: string;
  query: string;
  paraphrase: boolean;
  expectedIntent: Intent;
  intent: Intent | null;
  evidence: EvidenceScore;
  answers: AnswerScore | null;
  /** Short view of what came back, for the failure list. */
  got: { answers: string[]; note?: string; topPassages: { rank: number; breadcrumb: string; text: string }[] };
  error?: string;
}

export function scoreQuery(item: EvalItem, answer: Answer): QueryResult {
  return {
    id: item.id,
    query: item.query,
    paraphrase: item.paraphrase,
    expectedIntent: item.intent,
    intent: answer.intent,
    evidence: scoreEvidence(item, answer),
    answers: scoreAnswers(item, answer),
    got: {
      answers: predictedNames(answer),
      ...(answer.note ? { note: answer.note } : {}),
      topPassages: answer.passages.slice(0, 3).map((p, i) => ({
        rank: i + 1,
        breadcrumb: p.breadcrumb.join(' › '),
        text: p.text.replace(/\s+/gu, '').slice(0, 60),
      })),
    },
  };
}

/** A query that threw: scored as a complete miss. */
export function failedQuery(item: EvalItem, error: unknown): QueryResult {
  const empty = { inCitations: false, passageRank: null, hitAtK: false, passageHitAtK: false, reciprocalRank: 0 };
  const missing = [...item.expectedAnswers];
  return {
    id: item.id,
    query: item.query,
    paraphrase: item.paraphrase,
    expectedIntent: item.intent,
    intent: null,
    evidence: empty,
    answers:
      item.intent === 'passages'
        ? null
        : { predicted: 0, correct: 0, expected: missing.length, matchedExpected: 0, correctNames: [], wrongNames: [], neutralNames: [], missing },
    got: { answers: [], topPassages: [] },
    error: (error as Error)?.message ?? String(error),
  };
}

export interface ModeSummary {
  mode: SearchMode;
  queries: number;
  recallAt5: number;
  passageRecallAt5: number;
  mrr: number;
  paraphraseRecallAt5: number;
  intentAccuracy: number;
  answers: PRF;
  byIntent: Record<string, { queries: number; recallAt5: number; intentAccuracy: number }>;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarize(mode: SearchMode, results: QueryResult[]): ModeSummary {
  const byIntent: ModeSummary['byIntent'] = {};
  for (const intent of INTENTS) {
    const group = results.filter((r) => r.expectedIntent === intent);
    if (group.length === 0) continue;
    byIntent[intent] = {
      queries: group.length,
      recallAt5: mean(group.map((r) => (r.evidence.hitAtK ? 1 : 0))),
      intentAccuracy: mean(group.map((r) => (r.intent === r.expectedIntent ? 1 : 0))),
    };
  }
  return {
    mode,
    queries: results.length,
    recallAt5: mean(results.map((r) => (r.evidence.hitAtK ? 1 : 0))),
    passageRecallAt5: mean(results.map((r) => (r.evidence.passageHitAtK ? 1 : 0))),
    mrr: mean(results.map((r) => r.evidence.reciprocalRank)),
    paraphraseRecallAt5: mean(results.filter((r) => r.paraphrase).map((r) => (r.evidence.hitAtK ? 1 : 0))),
    intentAccuracy: mean(results.map((r) => (r.intent === r.expectedIntent ? 1 : 0))),
    answers: microPRF(results.flatMap((r) => (r.answers ? [r.answers] : []))),
    byIntent,
  };
}

export interface Failure {
  id: string;
  query: string;
  problems: string[];
  expected: { intent: Intent; answers: string[]; evidence: string[] };
  got: QueryResult['got'] & { intent: Intent | null };
}

/**
 * What went wrong per query: answer and intent problems (mode-independent, read from the first
 * mode), evidence misses listed with the modes that missed.
 */
export function failures(items: EvalItem[], perMode: Map<SearchMode, QueryResult[]>): Failure[] {
  const modes = [...perMode.keys()];
  const first = perMode.get(modes[0])!;
  const out: Failure[] = [];
  items.forEach((item, index) => {
    const base = first[index];
    const problems: string[] = [];
    if (base.error) problems.push(`error: ${base.error}`);
    if (base.intent !== item.intent) problems.push(`intent ${base.intent ?? '—'} ≠ ${item.intent}`);
    const missedIn = modes.filter((m) => !perMode.get(m)![index].evidence.hitAtK);
    if (missedIn.length) problems.push(`evidence not in top-${TOP_K}: ${missedIn.join(', ')}`);
    if (base.answers?.missing.length) problems.push(`missing answers: ${base.answers.missing.join('、')}`);
    if (base.answers?.wrongNames.length) problems.push(`wrong answers: ${base.answers.wrongNames.join('、')}`);
    if (problems.length === 0) return;
    out.push({
      id: item.id,
      query: item.query,
      problems,
      expected: { intent: item.intent, answers: item.expectedAnswers, evidence: item.evidence },
      got: { intent: base.intent, ...base.got },
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

