import type { AdminLevel } from '../../graph/model.js';
import type { AnswerType, Intent } from '../schema.js';
import type { LinkedEntity } from './EntityLexicon.js';

/**
 * What a question expects back. `place` and `organization` are lists of actors (who adopts a
 * practice, which streets a district has, where a person works); `region_chain` is the parents of
 * a place; `parts` is a practice's parts or definition; `number` is a metric value.
 */
export { ANSWER_TYPES } from '../schema.js';
export type { AnswerType };

/** The kind of place asked for: 哪些镇 → township places whose names end in 镇. */
export interface PlaceFilter {
  level: AdminLevel;
  suffixes: string[];
}

/** One thing the question asks for; `受理了多少件，办结率是多少` has two. */
export interface Slot {
  answerType: AnswerType;
  /** The part of the question the slot was read from. */
  text: string;
  /** Content words of that part (indicator words for numbers). */
  topic: string[];
  /** Unit asked for (多少户 → 户). */
  unit?: string;
  /** Only a rate or proportion answers it. */
  asksRate: boolean;
  /** A before → after pair is asked (由…调整为…, 从…减少到…). */
  asksChange: boolean;
  /** Role asked for (党工委书记). */
  role?: string;
  /** The kind of body asked for (联盟, 公司): a text answer should be one. */
  kind?: string;
  /** Whom the slot is about: `A和B分别…` gives each subject its own slot. */
  subjects: LinkedEntity[];
  /** Level of the places asked for (哪个街道 → township). */
  level?: PlaceFilter;
  /** Names the graph does not know (a person, a quoted practice): text answers are read next to them. */
  anchors: string[];
}

export interface Constraints {
  /** The region the answer must lie in (兰州市有哪些街道采用了… → 兰州市). */
  scope?: LinkedEntity;
  level?: PlaceFilter;
  /** A year named in the question selects that year's figures only. */
  year?: number;
  period?: string;
  topic: string[];
}

export interface QuestionAnalysis {
  query: string;
  answerType: AnswerType;
  /** The older, coarser label the API has always returned; derived from the answer type. */
  intent: Intent;
  slots: Slot[];
  entities: LinkedEntity[];
  constraints: Constraints;
  /** A quoted name the graph does not know (“某某工作法”): sentence candidates look for it. */
  quoted: string[];
  /** Name-like words the graph does not know (许文斌: jieba cuts an unknown name into single characters). */
  names: string[];
  /** Words worth highlighting in passages: entity names and specific topic words, not generic ones. */
  highlight: string[];
  // Compatibility fields read by the older graph answer functions.
  place?: PlaceFilter;
  topic: string[];
  role?: string;
  unit?: string;
  asksRate: boolean;
}
