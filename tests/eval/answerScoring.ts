/**
 * Strict, answer-type-aware scoring of one response against one generalization question.
 *
 * Rules (the gates in eval.test.ts rest on them, so they are spelled out here):
 * - Predictions are answers[] (name, detail) plus every compare-table row that has at least one
 *   value (name = the row's entity, detail = its values joined). Passages and summaries never count:
 *   the question asks for a structured answer.
 * - Text is compared after NFKC, removing all whitespace and quote marks, lower case
 *   (normalizeName in evaluate.ts), so “1+5+X”, 1＋5＋X and 1+5+x are one string.
 * - Which fields of a prediction are read depends on the expected answer type:
 *   place, organization, person, practice, practice_parts, parent_chain, compare, none → the name only;
 *   number, role, yes_no → the name and the detail (a metric is often named by its indicator and
 *   carries its value in the detail; a person's role often sits in the detail).
 * - A field matches a wanted string when it contains it. When the wanted string starts with a digit
 *   the match must not continue a longer number: "5%" does not match "95%", "63个" does not match
 *   "163个", "3天" does not match "13天" or "0.3天".
 * - yes_no: "是" and "否" are polarities, not substrings. A prediction's polarity is read from the
 *   start of its name (else of its detail): 是/有/对/yes/true → 是; 否/不/没/无/非/no/false → 否.
 *   A yes_no prediction without a polarity is a wrong answer: it does not answer the question.
 * - A prediction is correct when it matches an expected string; neutral when it matches only an
 *   alsoAcceptable string (supporting facts the text allows, not required); otherwise wrong.
 *   Every prediction on a question whose expectedAnswers is [] is wrong.
 * - Recall counts expected strings matched by at least one prediction.
 * - A trap is a prediction whose read fields match one of the question's trap strings (a similar
 *   formula, the neighbouring rate of the same sentence, another year's figure, a sibling place).
 *   Traps are counted whether or not the same prediction also matches an expected string: a detail
 *   that quotes both rates of a sentence has given the wrong one too.
 */
import type { Answer } from '../../search/schema.js';
import { normalizeName, tallyAnswers, type AnswerScore } from './evaluate.js';

export const ANSWER_TYPES = [
  'place', 'organization', 'person', 'role', 'practice', 'practice_parts', 'number', 'parent_chain', 'yes_no', 'compare', 'none',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Types whose answers are read from the detail as well as the name. */
const DETAIL_TYPES: ReadonlySet<AnswerType> = new Set(['number', 'role', 'yes_no']);

export interface Prediction {
  name: string;
  detail: string;
}

export interface TypedScoreInput {
  answerType: AnswerType;
  expectedAnswers: string[];
  alsoAcceptable?: string[];
  traps?: string[];
}

export interface TypedAnswerScore extends AnswerScore {
  /** Predictions (shown as "name — detail") that matched a trap string, with the trap. */
  trapNames: { prediction: string; trap: string }[];
}

export function predictionsOf(answer: Answer): Prediction[] {
  const out: Prediction[] = answer.answers.map((a) => ({ name: a.name, detail: a.detail ?? '' }));
  for (const row of answer.table?.rows ?? []) {
    const values = row.cells.flatMap((c) => c.values);
    if (values.length > 0) out.push({ name: row.entity.name, detail: values.join('；') });
  }
  return out;
}

/** Containment that does not let a number match the tail of a longer number. */
export function containsValue(haystack: string, wanted: string): boolean {
  const h = normalizeName(haystack);
  const w = normalizeName(wanted);
  if (w.length === 0) return false;
  if (!/^[0-9]/u.test(w)) return h.includes(w);
  for (let i = h.indexOf(w); i >= 0; i = h.indexOf(w, i + 1)) {
    const before = i > 0 ? h[i - 1] : '';
    if (!/[0-9.]/u.test(before)) return true;
  }
  return false;
}

export type Polarity = '是' | '否';

export function polarityOf(text: string): Polarity | null {
  const t = normalizeName(text);
  if (/^(否|不|没|无|非|no|false)/u.test(t)) return '否';
  if (/^(是|有|对|yes|true)/u.test(t)) return '是';
  return null;
}

function fieldsOf(type: AnswerType, p: Prediction): string[] {
  return DETAIL_TYPES.has(type) && p.detail ? [p.name, p.detail] : [p.name];
}

function matches(type: AnswerType, p: Prediction, wanted: string): boolean {
  if (type === 'yes_no' && (wanted === '是' || wanted === '否')) {
    return (polarityOf(p.name) ?? polarityOf(p.detail)) === wanted;
  }
  return fieldsOf(type, p).some((field) => containsValue(field, wanted));
}

const show = (p: Prediction) => (p.detail ? `${p.name} — ${p.detail}` : p.name);

export function scoreTypedAnswers(item: TypedScoreInput, answer: Answer): TypedAnswerScore {
  const type = item.answerType;
  const predictions = predictionsOf(answer);
  const correctNames: string[] = [];
  const wrongNames: string[] = [];
  const neutralNames: string[] = [];
  const trapNames: TypedAnswerScore['trapNames'] = [];
  for (const p of predictions) {
    // Trap strings are never polarities, so they are matched as text even on yes_no questions.
    const trap = (item.traps ?? []).find((t) => fieldsOf(type, p).some((field) => containsValue(field, t)));
    if (trap !== undefined) trapNames.push({ prediction: show(p), trap });
    if (item.expectedAnswers.some((e) => matches(type, p, e))) correctNames.push(show(p));
    else if (trap === undefined && (item.alsoAcceptable ?? []).some((e) => matches(type, p, e))) neutralNames.push(show(p));
    else wrongNames.push(show(p));
  }
  const missing = item.expectedAnswers.filter((e) => !predictions.some((p) => matches(type, p, e)));
  return { ...tallyAnswers(item.expectedAnswers, { correctNames, wrongNames, neutralNames, missing }), trapNames };
}
