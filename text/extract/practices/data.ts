import { readFileSync } from 'node:fs';
import { normalizeKey } from '../../segment/index.js';

/** Data tables of this rule set (JSON files next to this module), loaded once. */
function load<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as T;
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const head = load<{
  heads: string[];
  maxGap: number;
  listNouns: string[];
  listMaxGap: number;
  vagueQuantifiers: string[];
  mannerNouns: string[];
  verbHeads: string[];
  descriptiveHeads: string[];
  genericModifiers: string[];
  jointVerbs: string[];
  notInstitutions: string[];
}>('headNouns.json');
const adopt = load<{
  verbs: string[];
  fillers: string[];
  runVerbs: string[];
  clauseVerbs: string[];
  descriptiveVerbs: string[];
  objectNouns: string[];
}>('adoptVerbs.json');
const slogans = load<{ slogans: string[]; notPracticeTails: string[]; carrierTails: string[]; outcomeWords: string[] }>('slogans.json');
const known = load<{ names: string[] }>('knownPractices.json');
const units = load<{
  units: string[];
  multipliers: Record<string, number>;
  approximations: string[];
  notFollowedBy: Record<string, string>;
  chineseUnits: string[];
}>('units.json');
const words = load<{
  valueTriggers: Record<string, 'increase' | 'decrease' | null>;
  scopeTriggers: string[];
  leadVerbs: string[];
  subjectWords: string[];
  comparators: string[];
  weakTriggers: string[];
  trailingAdverbs: string[];
  afterStopWords: string[];
}>('metricWords.json');

export const HEAD_NOUNS = [...head.heads].sort(byLengthDesc);
export const HEAD_MAX_GAP = head.maxGap;
export const LIST_NOUNS = [...head.listNouns].sort(byLengthDesc);
export const LIST_MAX_GAP = head.listMaxGap;
export const VAGUE_QUANTIFIERS = [...head.vagueQuantifiers].sort(byLengthDesc);
export const MANNER_NOUNS = [...head.mannerNouns].sort(byLengthDesc);
export const VERB_HEADS = [...head.verbHeads].sort(byLengthDesc);
export const DESCRIPTIVE_HEADS = [...head.descriptiveHeads].sort(byLengthDesc);
export const GENERIC_MODIFIERS = new Set(head.genericModifiers);
export const JOINT_VERBS = [...head.jointVerbs].sort(byLengthDesc);
export const NOT_INSTITUTIONS = [...head.notInstitutions].sort(byLengthDesc);
export const ADOPT_VERBS = [...adopt.verbs].sort(byLengthDesc);
export const DESCRIPTIVE_VERBS = [...adopt.descriptiveVerbs].sort(byLengthDesc);
export const OBJECT_NOUNS = [...adopt.objectNouns].sort(byLengthDesc);
export const ADOPT_FILLERS = [...adopt.fillers].sort(byLengthDesc);
export const RUN_VERBS = [...adopt.runVerbs].sort(byLengthDesc);
export const CLAUSE_VERBS = [...adopt.clauseVerbs].sort(byLengthDesc);
export const SLOGAN_KEYS = new Set(slogans.slogans.map(normalizeKey));
export const NOT_PRACTICE_TAILS = [...slogans.notPracticeTails].sort(byLengthDesc);
export const CARRIER_TAILS = [...slogans.carrierTails].sort(byLengthDesc);
export const OUTCOME_WORDS = new Set(slogans.outcomeWords);
export const KNOWN_PRACTICES = [...known.names].sort(byLengthDesc);

export const UNITS = [...units.units].sort(byLengthDesc);
export const MULTIPLIERS = units.multipliers;
export const APPROXIMATIONS = units.approximations;
export const UNIT_NOT_FOLLOWED_BY = units.notFollowedBy;
export const CHINESE_UNITS = [...units.chineseUnits].sort(byLengthDesc);

export const VALUE_TRIGGERS = Object.keys(words.valueTriggers).sort(byLengthDesc);
export const TRIGGER_CHANGE = words.valueTriggers;
export const SCOPE_TRIGGERS = [...words.scopeTriggers].sort(byLengthDesc);
export const LEAD_VERBS = [...words.leadVerbs].sort(byLengthDesc);
export const SUBJECT_WORDS = [...words.subjectWords].sort(byLengthDesc);
const periods = load<{ patterns: string[]; sinceVerbs: string[] }>('periods.json');
export const PERIOD_PATTERNS = periods.patterns;
export const SINCE_VERBS = [...periods.sinceVerbs].sort(byLengthDesc);
export const WEAK_TRIGGERS = new Set(words.weakTriggers);
export const TRAILING_ADVERBS = [...words.trailingAdverbs].sort(byLengthDesc);
export const AFTER_STOP_WORDS = new Set(words.afterStopWords);
export const COMPARATORS = [...words.comparators].sort(byLengthDesc);

const indicatorWords = load<{
  measureSuffixes: string[];
  abstractHeads: string[];
  bareVerbs: string[];
  bareAdjectives: string[];
  pairVerbs: Record<string, 'increase' | 'decrease' | null>;
  enumerationUnits: string[];
}>('indicatorWords.json');
export const MEASURE_SUFFIXES = [...indicatorWords.measureSuffixes].sort(byLengthDesc);
export const ABSTRACT_HEADS = [...indicatorWords.abstractHeads].sort(byLengthDesc);
export const BARE_VERBS = new Set(indicatorWords.bareVerbs);
export const BARE_ADJECTIVES = new Set(indicatorWords.bareAdjectives);
export const PAIR_VERBS = indicatorWords.pairVerbs;
export const PAIR_VERB_LIST = Object.keys(indicatorWords.pairVerbs).sort(byLengthDesc);
export const ENUMERATION_UNITS = new Set(indicatorWords.enumerationUnits);

/** Regex alternation of literal words (already sorted longest first). */
export function alternation(list: string[]): string {
  return list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
