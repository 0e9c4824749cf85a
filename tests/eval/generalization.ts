/**
 * The generalization question set (tests/eval/generalization/queries-generalization.json): loading,
 * checking and summarizing. Questions were written by a helper who had not read the answer code,
 * over reports the rules were not built on (docs g01–g12) and over corpus/, in the phrasings users
 * use. Answer scoring rules live in answerScoring.ts; evidence (Recall@5) rules in evaluate.ts.
 *
 * Reported: Recall@5 per search mode (answerable questions only); strict answer precision/recall/F1 overall, per answer type,
 * per split (tuning = questions over g01–g06, whose documents rule writers may read; held-out =
 * questions over g07–g12 and corpus/), per document set and per phrasing; and every trap answer
 * given, by question id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SearchMode } from '../../search/retrieve.js';
import type { Answer } from '../../search/schema.js';
import { ANSWER_TYPES, scoreTypedAnswers, type AnswerType, type TypedAnswerScore } from './answerScoring.js';
import { CORPUS_DIR, microPRF, PROJECT_ROOT, readCorpusTexts, scoreEvidence, TOP_K, type EvidenceScore, type PRF } from './evaluate.js';

export const GENERALIZATION_DIR = path.join(PROJECT_ROOT, 'tests', 'eval', 'generalization');
export const GENERALIZATION_DOCS_DIR = path.join(GENERALIZATION_DIR, 'docs');
export const GENERALIZATION_QUERIES_FILE = path.join(GENERALIZATION_DIR, 'queries-generalization.json');

export const DOC_SETS = ['generalization', 'corpus'] as const;
export const SPLITS = ['tuning', 'held-out'] as const;
export const PHRASINGS = [
  'colloquial', 'paraphrase', 'multi-part', 'reverse', 'where-is', 'roll-up', 'before-after', 'period', 'parts', 'compare', 'english', 'no-answer',
] as const;

export interface GenEvalItem {
  id: string;
  query: string;
  docSet: (typeof DOC_SETS)[number];
  split: (typeof SPLITS)[number];
  answerType: AnswerType;
  phrasing: (typeof PHRASINGS)[number];
  /** Names or written values ("91.2%", "2944件", "是") a correct answer gives; [] = the documents do not answer it. */
  expectedAnswers: string[];
  /** Supporting answers the text allows but does not require: neither correct nor wrong. */
  alsoAcceptable: string[];
  /** Plausible wrong answers that must not be given. */
  traps: string[];
  /** Exact substrings (8–40 characters) of the source documents. */
  evidence: string[];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string, field: string): T {
  if (!allowed.includes(value as T)) throw new Error(`${where}: ${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

function stringArray(value: unknown, where: string, field: string, optional = false): string[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new Error(`${where}: ${field} must be an array of non-empty strings`);
  }
  return value as string[];
}

export function loadGeneralizationQueries(file = GENERALIZATION_QUERIES_FILE): GenEvalItem[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array`);
  return raw.map((entry, index) => {
    const item = entry as Record<string, unknown>;
    const where = `${file}[${index}]${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    if (typeof item.id !== 'string' || typeof item.query !== 'string' || item.query.trim() === '') {
      throw new Error(`${where}: id and query must be non-empty strings`);
    }
    const evidence = stringArray(item.evidence, where, 'evidence');
    if (evidence.length === 0) throw new Error(`${where}: evidence must not be empty`);
    return {
      id: item.id,
      query: item.query,
      docSet: oneOf(item.docSet, DOC_SETS, where, 'docSet'),
      split: oneOf(item.split, SPLITS, where, 'split'),
      answerType: oneOf(item.answerType, ANSWER_TYPES, where, 'answerType'),
      phrasing: oneOf(item.phrasing, PHRASINGS, where, 'phrasing'),
      expectedAnswers: stringArray(item.expectedAnswers, where, 'expectedAnswers'),
      alsoAcceptable: stringArray(item.alsoAcceptable, where, 'alsoAcceptable', true),
      traps: stringArray(item.traps, where, 'traps', true),
      evidence,
    };
  });
}

/** corpus/ and the generalization documents, by file name. */
export function readGeneralizationTexts(): Map<string, string> {
  return new Map([...readCorpusTexts(CORPUS_DIR), ...readCorpusTexts(GENERALIZATION_DOCS_DIR)]);
}

const isTuningDoc = (file: string) => /^g0[1-6]_/u.test(file);
const isHeldOutDoc = (file: string) => /^g(0[7-9]|1[0-2])_/u.test(file);

/**
 * Problems with the question set itself: duplicate ids; evidence that is not an exact substring of
 * a document of the question's set or has the wrong length; a split that does not follow from the
 * documents the evidence comes from; answers that are also traps; unanswerable questions that
 * expect answers.
 */
export function checkGeneralizationQueries(items: GenEvalItem[], texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${item.id}: duplicate id`);
    seen.add(item.id);
    const sources = new Set<string>();
    for (const e of item.evidence) {
      const length = [...e].length;
      if (length < 8 || length > 40) problems.push(`${item.id}: evidence "${e}" has ${length} characters (want 8–40)`);
      const files = [...texts].filter(([, t]) => t.includes(e)).map(([f]) => f);
      if (files.length === 0) problems.push(`${item.id}: evidence "${e}" is not an exact substring of any document`);
      files.forEach((f) => sources.add(f));
    }
    const files = [...sources];
    const inGeneralization = files.some((f) => isTuningDoc(f) || isHeldOutDoc(f));
    if (files.length && (item.docSet === 'generalization') !== inGeneralization) {
      problems.push(`${item.id}: docSet ${item.docSet} but evidence comes from ${files.join(', ')}`);
    }
    const wantSplit = files.length && files.every(isTuningDoc) ? 'tuning' : 'held-out';
    if (files.length && item.split !== wantSplit) problems.push(`${item.id}: split ${item.split} but evidence comes from ${files.join(', ')}`);
    const clash = item.expectedAnswers.filter((a) => item.traps.includes(a) || item.alsoAcceptable.includes(a));
    if (clash.length) problems.push(`${item.id}: ${clash.join('、')} is both expected and a trap or alsoAcceptable`);
    if ((item.answerType === 'none') !== (item.expectedAnswers.length === 0)) {
      problems.push(`${item.id}: answerType none if and only if expectedAnswers is []`);
    }
  }
  return problems;
}

export interface GenQueryResult {
  id: string;
  query: string;
  docSet: GenEvalItem['docSet'];
  split: GenEvalItem['split'];
  answerType: AnswerType;
  phrasing: GenEvalItem['phrasing'];
  evidence: EvidenceScore;
  answers: TypedAnswerScore;
  got: { answers: string[]; note?: string };
  error?: string;
}

export function scoreGenQuery(item: GenEvalItem, answer: Answer): GenQueryResult {
  const answers = scoreTypedAnswers(item, answer);
  return {
    id: item.id,
    query: item.query,
    docSet: item.docSet,
    split: item.split,
    answerType: item.answerType,
    phrasing: item.phrasing,
    evidence: scoreEvidence(item, answer),
    answers,
    got: { answers: [...answers.correctNames, ...answers.neutralNames, ...answers.wrongNames], ...(answer.note ? { note: answer.note } : {}) },
  };
}

export function failedGenQuery(item: GenEvalItem, error: unknown): GenQueryResult {
  return {
    id: item.id,
    query: item.query,
    docSet: item.docSet,
    split: item.split,
    answerType: item.answerType,
    phrasing: item.phrasing,
    evidence: { inCitations: false, passageRank: null, hitAtK: false, passageHitAtK: false, reciprocalRank: 0 },
    answers: {
      predicted: 0, correct: 0, expected: item.expectedAnswers.length, matchedExpected: 0,
      correctNames: [], wrongNames: [], neutralNames: [], missing: [...item.expectedAnswers], trapNames: [],
    },
    got: { answers: [] },
    error: (error as Error)?.message ?? String(error),
  };
}

export interface GroupSummary {
  queries: number;
  /** Over answerable questions only (null when the group has none): an unanswerable question's evidence is just the nearest passage. */
  recallAt5: number | null;
  answers: PRF;
  traps: number;
}

export interface GenSummary {
  mode: SearchMode;
  overall: GroupSummary;
  bySplit: Record<string, GroupSummary>;
  byDocSet: Record<string, GroupSummary>;
  byAnswerType: Record<string, GroupSummary>;
  byPhrasing: Record<string, GroupSummary>;
  /** Every trap answer given: question id, the prediction and the trap it matched. */
  trapAnswers: { id: string; split: GenEvalItem['split']; query: string; prediction: string; trap: string }[];
}

function group(results: GenQueryResult[]): GroupSummary {
  const answerable = results.filter((r) => r.answerType !== 'none');
  return {
    queries: results.length,
    recallAt5: answerable.length === 0 ? null : answerable.filter((r) => r.evidence.hitAtK).length / answerable.length,
    answers: microPRF(results.map((r) => r.answers)),
    traps: results.reduce((n, r) => n + r.answers.trapNames.length, 0),
  };
}

function groupBy(results: GenQueryResult[], keys: readonly string[], key: (r: GenQueryResult) => string): Record<string, GroupSummary> {
  const out: Record<string, GroupSummary> = {};
  for (const k of keys) {
    const members = results.filter((r) => key(r) === k);
    if (members.length) out[k] = group(members);
  }
  return out;
}

export function summarizeGeneralization(mode: SearchMode, results: GenQueryResult[]): GenSummary {
  return {
    mode,
    overall: group(results),
    bySplit: groupBy(results, SPLITS, (r) => r.split),
    byDocSet: groupBy(results, DOC_SETS, (r) => r.docSet),
    byAnswerType: groupBy(results, ANSWER_TYPES, (r) => r.answerType),
    byPhrasing: groupBy(results, PHRASINGS, (r) => r.phrasing),
    trapAnswers: results.flatMap((r) => r.answers.trapNames.map((t) => ({ id: r.id, split: r.split, query: r.query, ...t }))),
  };
}

export interface GenFailure {
  id: string;
  split: GenEvalItem['split'];
  query: string;
  answerType: AnswerType;
  problems: string[];
  expected: string[];
  got: GenQueryResult['got'];
}

/** What went wrong per question: answers from the first mode (they do not depend on it), evidence per mode. */
export function genFailures(items: GenEvalItem[], perMode: Map<SearchMode, GenQueryResult[]>): GenFailure[] {
  const modes = [...perMode.keys()];
  const first = perMode.get(modes[0])!;
  const out: GenFailure[] = [];
  items.forEach((item, index) => {
    const base = first[index];
    const problems: string[] = [];
    if (base.error) problems.push(`error: ${base.error}`);
    const missedIn = item.answerType === 'none' ? [] : modes.filter((m) => !perMode.get(m)![index].evidence.hitAtK);
    if (missedIn.length) problems.push(`evidence not in top-${TOP_K}: ${missedIn.join(', ')}`);
    if (base.answers.missing.length) problems.push(`missing answers: ${base.answers.missing.join('、')}`);
    if (base.answers.wrongNames.length) problems.push(`wrong answers: ${base.answers.wrongNames.join('、')}`);
    for (const t of base.answers.trapNames) problems.push(`TRAP: ${t.prediction} (matches ${t.trap})`);
    if (problems.length) out.push({ id: item.id, split: item.split, query: item.query, answerType: item.answerType, problems, expected: item.expectedAnswers, got: base.got });
  });
  return out;
}
