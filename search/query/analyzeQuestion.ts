import type { Intent } from '../schema.js';
import type { AnswerType, Constraints, PlaceFilter, QuestionAnalysis, Slot } from './answerTypes.js';
import type { DefinitionMatcher } from './DefinitionMatcher.js';
import type { EntityLexicon, LinkedEntity } from './EntityLexicon.js';
import { normalizeKey, normalizeWidth, tokenize } from './extractors.js';
import { GENERIC_ROLES, looksLikeName, ROLE_PATTERN } from './rolePhrases.js';
import genericWords from './genericWords.json' with { type: 'json' };
import {
  ADOPTERS_ASKED, ANY_PLACE_QUESTION, CHAIN_ASKED, CHANGE_ASKED, COMPARE, EACH, ENGLISH, GENERIC_KINDS, NUMBER_ASKED, ORGANIZATION_KIND, ORGANIZATION_NAMED,
  ORGANIZATION_QUESTION, PARTS_ASKED, PERIOD,
  PERSON, PLACE_QUESTION, PLACE_WORDS, PLACE_WORD_TOKEN, PRACTICES_ASKED, QUESTION_WORDS, RATE_ASKED, ROLE_ASKED, SLOT_BOUNDARY,
  UNIT_ASKED, YEAR, YES_NO,
} from './questionPatterns.js';

const GENERIC = new Set(genericWords.words);
const ENGLISH_STOP = new Set(
  'a an the of in on at to for and or is are was were be been which what who whom whose where when how many much does do did has have had with by from that this these those there their it its as'.split(' '),
);
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Za-z]/g;
/** A numeric formula name: 1+3+X, 1+13+N, 2+3. */
const FORMULA = /[0-9A-Za-z一二三四五六七八九十两]+(?:\+[0-9A-Za-z一二三四五六七八九十两]+)+/g;
/** A quoted name: “…” or "…" or 「…」. */
const QUOTED = /[“"「『]([^”"」』]{2,20})[”"」』]/g;


const isActor = (e: LinkedEntity) => e.entity.type === 'region' || e.entity.type === 'organization';

function withoutEntities(text: string, entities: LinkedEntity[]): string {
  let rest = text;
  for (const e of entities) if (e.surface) rest = rest.replace(e.surface, ' ');
  return rest;
}

/**
 * Content words: jieba tokens minus question words and bare place words; Latin words are kept
 * whole (an English question is words, not letters) and English function words dropped.
 */
export function topicWords(text: string): string[] {
  const latin = (text.match(LATIN_WORD) ?? []).filter((w) => w.length >= 2 && !ENGLISH_STOP.has(w.toLowerCase()));
  const rest = text.replace(LATIN_WORD, ' ');
  const words: string[] = [];
  let run: string[] = [];
  // jieba cuts a word it does not know (a person's name) into single characters: join them back.
  const flush = () => {
    if (run.length >= 2 && run.length <= 4) words.push(run.join(''));
    else words.push(...run);
    run = [];
  };
  for (const t of tokenize(rest)) {
    const keep = t.trim() && !QUESTION_WORDS.has(t) && !PLACE_WORD_TOKEN.test(t) && !/^[\p{P}\p{S}\d\s]+$/u.test(t);
    if (keep && /^[\u4e00-\u9fff]$/.test(t)) {
      run.push(t);
      continue;
    }
    flush();
    if (keep) words.push(t);
  }
  flush();
  return [...new Set([...words, ...latin])];
}

/**
 * Names the graph does not know: single-character runs joined back (jieba's cut of an unknown name),
 * and, in a question about a person, words that look like names (a surname plus one or two characters).
 */
function unknownNames(text: string, aboutPerson: boolean): string[] {
  const tokens = new Set(tokenize(text));
  return topicWords(text).filter((w) => /^[\u4e00-\u9fff]{2,4}$/.test(w) && (!tokens.has(w) || (aboutPerson && looksLikeName(w))));
}

function placeFilterOf(text: string): PlaceFilter | undefined {
  const word = PLACE_QUESTION.exec(text)?.[1];
  return word ? PLACE_WORDS[word] : undefined;
}

/** Splits `有多少个网格、多少名网格员` into one number slot per clause that asks a number. */
function numberSlots(rest: string, subjects: LinkedEntity[], fallbackTopic: string[], asksChange: boolean): Slot[] {
  const clauses = rest.split(SLOT_BOUNDARY).map((c) => c.trim()).filter(Boolean);
  const asking = clauses.filter((c) => NUMBER_ASKED.test(c) || RATE_ASKED.test(c));
  if (asking.length <= 1) {
    const topic = fallbackTopic;
    return [{ answerType: 'number', text: rest, topic, unit: UNIT_ASKED.exec(rest)?.[1], asksRate: RATE_ASKED.test(rest), asksChange, subjects, anchors: [] }];
  }
  let previous: string[] = fallbackTopic;
  return asking.map((clause) => {
    const own = topicWords(clause);
    const topic = own.length ? own : previous;
    previous = topic;
    return { answerType: 'number' as const, text: clause, topic, unit: UNIT_ASKED.exec(clause)?.[1], asksRate: RATE_ASKED.test(clause), asksChange, subjects, anchors: [] as string[] };
  });
}

function primaryType(q: string, rest: string, entities: LinkedEntity[], quoted: string[], topic: string[], names: string[]): { type: AnswerType; level?: PlaceFilter } {
  const actors = entities.filter(isActor);
  const regions = entities.filter((e) => e.entity.type === 'region');
  const mechanisms = entities.filter((e) => e.entity.type === 'mechanism');
  // An unknown name before 担任/是哪个…的书记 is a person the graph has not met.
  const persons = entities.some((e) => e.entity.type === 'person') || (names.length > 0 && (ROLE_ASKED.test(rest) || (/是哪/.test(rest) && ROLE_PATTERN.test(rest)))) ? [true] : [];
  const level = placeFilterOf(rest);
  const named = mechanisms.length > 0 || quoted.length > 0;
  if (COMPARE.test(q) && actors.length >= 2) return { type: 'compare' };
  if (named && PARTS_ASKED.test(rest) && !level && !ANY_PLACE_QUESTION.test(rest) && !ORGANIZATION_QUESTION.test(rest) && !/谁/.test(rest)) return { type: 'parts' };
  if (persons.length && ROLE_ASKED.test(rest)) return { type: 'role' };
  // 成立的联盟叫什么 asks a body's name, not a person's (叫什么 alone would read as one).
  if (ORGANIZATION_NAMED.test(rest)) return { type: 'organization' };
  // 吕某是哪个单位的干部: the body the person belongs to.
  if (persons.length && !level && ORGANIZATION_QUESTION.test(rest)) return { type: 'organization' };
  if (persons.length && (level || ANY_PLACE_QUESTION.test(rest) || /哪个|哪些|哪家|什么单位/.test(rest))) return { type: 'place', level };
  if (regions.length && !mechanisms.length && CHAIN_ASKED.test(rest) && !NUMBER_ASKED.test(rest)) return { type: 'region_chain', level };
  if ((PERSON.test(rest) || (ROLE_PATTERN.test(rest) && /谁/.test(rest))) && actors.length >= 1) return { type: 'person' };
  if ((NUMBER_ASKED.test(rest) || CHANGE_ASKED.test(rest)) && (actors.length >= 1 || topic.length > 0) && !level && !ORGANIZATION_QUESTION.test(rest)) {
    return { type: 'number' };
  }
  if (ORGANIZATION_QUESTION.test(rest) && (named || topic.length)) return { type: 'organization' };
  if (YES_NO.test(rest) && actors.length >= 1 && !level) return { type: 'yes_no' };
  if (named && (level || actors.length === 0 || ANY_PLACE_QUESTION.test(rest)) && (ADOPTERS_ASKED.test(rest) || /经验|在做|在用|推行|实行/.test(rest))) {
    return { type: 'place', level };
  }
  if (actors.length >= 1 && PRACTICES_ASKED.test(rest) && !level) return { type: 'practice' };
  if (regions.length && level && !named) return { type: 'place', level };
  if (actors.length >= 1 && level && !named) return { type: 'place', level };
  if (named && actors.length === 0) return { type: 'place', level };
  if ((level || ANY_PLACE_QUESTION.test(rest)) && topic.length) return { type: 'place', level };
  return { type: 'passages' };
}

/**
 * The role named in the question, read on the whole question because removing a place name takes
 * the body with it (远安县委书记 → 县委书记). When the role's first character is the place's own
 * suffix (中川镇 + 党委书记) and the rest is a role by itself, the rest is the role.
 */
function roleIn(q: string, entities: LinkedEntity[]): string | undefined {
  const match = ROLE_PATTERN.exec(q);
  if (!match) return undefined;
  const overlaps = entities.some((e) => e.end === match.index + 1 && e.start < match.index + 1);
  const rest = match[0].slice(1);
  return overlaps && ROLE_PATTERN.exec(rest)?.[0] === rest ? rest : match[0];
}

/** The older intent label, kept in the API for clients that read it. */
export function intentOf(type: AnswerType, entities: LinkedEntity[]): Intent {
  switch (type) {
    case 'place':
    case 'organization':
    case 'yes_no':
      return entities.some((e) => e.entity.type === 'mechanism') || !entities.some((e) => e.entity.type === 'region') ? 'adopters' : 'region';
    case 'person':
    case 'role':
      return 'person';
    case 'practice':
      return 'org_practices';
    case 'number':
      return 'metric';
    case 'region_chain':
      return 'region';
    case 'compare':
      return 'compare';
    default:
      return 'passages';
  }
}

/**
 * Reads a Chinese (or mixed, or English) question into what it expects back: an answer type,
 * one slot per thing asked, the constraints (region scope, level, year, period, topic) and the
 * linked entities. Pure, given the lexicon.
 */
export function analyzeQuestion(query: string, lexicon: EntityLexicon, definitions?: DefinitionMatcher): QuestionAnalysis {
  const q = normalizeKey(query);
  const entities = lexicon.link(query);
  const known = new Set(entities.map((e) => e.surface));
  // Quotes are read on the raw question: normalizeKey drops them.
  // A formula the graph does not know (1+5+X) is a name to find, quoted or not: never its look-alikes.
  const formulas = [...normalizeWidth(query).matchAll(FORMULA)].map((m) => m[0]);
  const quoted = [...new Set([...[...query.matchAll(QUOTED)].map((m) => m[1].trim()), ...formulas])].filter(
    (name) => !known.has(normalizeKey(name)) && ![...known].some((k) => k.includes(normalizeKey(name))),
  );
  if (!entities.some((e) => e.entity.type === 'mechanism') && definitions && PLACE_QUESTION.test(q)) {
    // 哪个街道让每个网格配…: the practice is described, not named.
    const described = definitions.match(q.replace(PLACE_QUESTION, ''));
    if (described) entities.push({ entity: described, surface: '', start: 0, end: 0, exact: false });
  }
  // A quoted name is an anchor, not topic words (“潘火码上办” is not 码, 办小).
  const rest = quoted.reduce((text, name) => text.replace(normalizeKey(name), ' '), withoutEntities(q, entities));
  const yearMatch = YEAR.exec(q);
  const period = PERIOD.exec(q)?.[0];
  const restNoTime = rest.replace(YEAR, ' ').replace(PERIOD, ' ');
  const topic = topicWords(restNoTime);
  const names = unknownNames(restNoTime, ROLE_ASKED.test(rest) || (/是哪/.test(rest) && ROLE_PATTERN.test(rest)));
  // English cues are read on the question as typed and appended as their Chinese equivalents.
  const cues = `${ENGLISH.practice.test(query) ? ' 做法' : ''}${ENGLISH.person.test(query) ? ' 是谁' : ''}${ENGLISH.number.test(query) ? ' 多少' : ''}${ENGLISH.place.test(query) ? ' 哪些地方' : ''}`;
  const { type, level } = primaryType(q, rest + cues, entities, quoted, topic, names);
  const actors = entities.filter(isActor);
  // Read on the whole question: a place name swallows the body of 远安县委书记 once removed.
  const roleWord = roleIn(q, entities);
  const role = roleWord && !GENERIC_ROLES.has(roleWord) ? roleWord : undefined;
  const asksChange = CHANGE_ASKED.test(rest);
  const regions = entities.filter((e) => e.entity.type === 'region');
  const scope = type === 'place' || type === 'organization' || type === 'practice' ? regions[regions.length - 1] : undefined;
  const constraints: Constraints = {
    ...(scope ? { scope } : {}),
    ...(level ? { level } : {}),
    ...(yearMatch ? { year: Number(yearMatch[1]) } : {}),
    ...(period ? { period } : {}),
    topic,
  };
  const each = EACH.test(rest) && actors.length >= 2 && type !== 'compare';
  // The kind of body asked (…联盟叫什么, 哪家家政公司): a text answer of another kind fits less.
  const kindWord = type === 'organization' ? (ORGANIZATION_KIND.exec(rest) ?? ORGANIZATION_QUESTION.exec(rest))?.[0].match(/(单位|组织|企业|公司|机构|部门|高校|大学|学院|学校|医院|银行|协会|商会|联盟|合作社|基金会|律师事务所|律所|平台|中心)$/)?.[1] : undefined;
  const kind = kindWord && !GENERIC_KINDS.has(kindWord) ? kindWord : undefined;
  const subjectGroups = each ? actors.map((a) => [a]) : [type === 'person' || type === 'number' ? actors : entities.filter((e) => e.entity.type !== 'mechanism' || type === 'parts')];
  const slots: Slot[] = [];
  for (const subjects of subjectGroups) {
    const anchors = [...quoted, ...names];
    if (type === 'number') {
      // 建了几个“暖蜂驿站”: with no indicator word besides it, the quoted name is what is counted.
      const numberTopic = topic.some((t) => t.length >= 2 || /率/.test(t)) ? topic : [...topic, ...quoted];
      slots.push(...numberSlots(restNoTime, subjects, numberTopic, asksChange).map((s) => ({ ...s, topic: s.topic.some((t) => t.length >= 2) ? s.topic : [...s.topic, ...quoted], anchors })));
    }
    else slots.push({ answerType: type, text: rest, topic, ...(role ? { role } : {}), ...(kind ? { kind } : {}), asksRate: RATE_ASKED.test(rest), asksChange, subjects, ...(level ? { level } : {}), anchors });
  }
  const highlight = [...new Set([...entities.map((e) => e.entity.name).filter(Boolean), ...quoted, ...topic.filter((t) => t.length >= 2 && !GENERIC.has(t))])];
  return {
    query,
    answerType: type,
    intent: intentOf(type, entities),
    slots,
    entities,
    constraints,
    quoted,
    names,
    highlight,
    ...(level ? { place: level } : {}),
    topic,
    ...(role ? { role } : {}),
    ...(UNIT_ASKED.exec(rest)?.[1] ? { unit: UNIT_ASKED.exec(rest)![1] } : {}),
    asksRate: RATE_ASKED.test(rest),
  };
}
