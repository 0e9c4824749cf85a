import type { AdminLevel } from '../../graph/model.js';
import { normalizeKey, tokenize } from '../../ingest/segment/index.js';
import type { Intent } from '../schema.js';
import type { DefinitionMatcher } from './DefinitionMatcher.js';
import type { EntityLexicon, LinkedEntity } from './EntityLexicon.js';

/** The kind of place asked for: 哪些镇 → township places whose names end in 镇. */
export interface PlaceFilter {
  level: AdminLevel;
  suffixes: string[];
}

export interface QueryUnderstanding {
  intent: Intent;
  entities: LinkedEntity[];
  place?: PlaceFilter;
  /** Content words of the question other than entity names and question words. */
  topic: string[];
  /** Role asked for (党工委书记), for person questions. */
  role?: string;
  /** Unit asked for (多少户 → 户), for metric questions. */
  unit?: string;
  /** The question asks for a rate or proportion. */
  asksRate: boolean;
}

const PLACE_WORDS: Record<string, PlaceFilter> = {
  街道: { level: 'township', suffixes: ['街道'] },
  乡镇: { level: 'township', suffixes: ['镇', '乡'] },
  镇: { level: 'township', suffixes: ['镇'] },
  乡: { level: 'township', suffixes: ['乡'] },
  社区: { level: 'community', suffixes: ['社区', '居委会'] },
  村: { level: 'community', suffixes: ['村'] },
  区县: { level: 'county', suffixes: ['区', '县', '旗'] },
  县: { level: 'county', suffixes: ['县'] },
  区: { level: 'county', suffixes: ['区'] },
  市: { level: 'prefecture', suffixes: ['市'] },
  州: { level: 'prefecture', suffixes: ['州'] },
  省: { level: 'province', suffixes: ['省'] },
};
/** A place word right after a question word: 哪些街道, 哪个镇, 有几个社区. */
const PLACE_QUESTION = /(?:哪些|哪个|哪几个|几个|多少个|什么)(街道|乡镇|镇|乡|社区|村|区县|县|区|市|州|省)(?![委党])/;
const COMPARE = /比较|对比|相比|异同|区别|有何不同|有什么不同/;
const PERSON = /是谁|谁是|哪位|姓名|叫什么|谁在?(负责|主持|领导|主管|担任)/;
const METRIC = /多少|几个|几名|几家|几件|比例|百分之|占比|数量|是几|有多高|有多大/;
/** The question asks for a proportion, so only rates and percentages answer it. */
const RATE_ASKED = /率|比例|百分之|占比|多高/;
const UNIT_ASKED = /多少(户|人|名|个|件|家|元|万元|亿元|平方米|公里|亩|场|次|条|项)/;
const ADOPTERS = /哪些|哪个|哪里|哪儿|什么地方|谁/;
const PRACTICES = /做了|做法|怎么|怎样|如何|探索|举措|经验|措施|创新|特色|渠道|办法|工作/;
/** 包括哪些内容 / 具体指什么 / 是什么: the reader wants the text, not a list of entities. */
const DEFINITION = /包括哪些内容|包含哪些内容|具体指什么|具体是什么|是什么意思|指的是什么|有哪些内容|是什么$|是什么？/;
const ROLES = ['党工委书记', '党委书记', '党总支书记', '党支部书记', '副书记', '书记', '主任', '网格长', '记者', '负责人'];
const QUESTION_WORDS = new Set(
  ['哪些', '哪个', '什么', '多少', '是', '的', '了', '在', '有', '上', '和', '与', '及', '谁', '怎么', '如何', '采用', '比较', '对比', '做', '都', '吗', '呢', '哪', '些', '情况', '方面', '分别', '各', '几个', '有多高', '多高', '方面'],
);

function withoutEntities(query: string, entities: LinkedEntity[]): string {
  let rest = normalizeKey(query);
  for (const e of entities) rest = rest.replace(e.surface, ' ');
  return rest;
}

function topicTerms(rest: string): string[] {
  return tokenize(rest).filter((t) => !QUESTION_WORDS.has(t) && !/^(街道|社区|乡镇|镇|村|县|区|市)$/.test(t));
}

/** Reads a Chinese question into an intent, linked entities, a place filter and topic words. */
export function understandQuery(query: string, lexicon: EntityLexicon, definitions?: DefinitionMatcher): QueryUnderstanding {
  const entities = lexicon.link(query);
  const placeAsked = PLACE_QUESTION.exec(normalizeKey(query));
  if (entities.length === 0 && placeAsked && definitions) {
    // 哪个街道让每个网格配…: the practice is described, not named.
    const described = definitions.match(normalizeKey(query).replace(placeAsked[0], ''));
    if (described) entities.push({ entity: described, surface: '', start: 0, end: 0, exact: false });
  }
  const actors = entities.filter((e) => e.entity.type === 'region' || e.entity.type === 'organization');
  const mechanisms = entities.filter((e) => e.entity.type === 'mechanism');
  const rest = withoutEntities(query, entities);
  const placeWord = rest.match(PLACE_QUESTION)?.[1];
  const place = placeWord ? PLACE_WORDS[placeWord] : undefined;
  const topic = topicTerms(rest);
  const role = ROLES.find((r) => query.includes(r));
  const unit = rest.match(UNIT_ASKED)?.[1];
  let intent: Intent = 'passages';
  if (DEFINITION.test(query)) intent = 'passages';
  else if (COMPARE.test(query) && actors.length >= 2) intent = 'compare';
  else if ((PERSON.test(query) || (role && /谁/.test(query))) && actors.length >= 1) intent = 'person';
  else if (METRIC.test(query) && actors.length >= 1 && !place) intent = 'metric';
  else if (mechanisms.length >= 1 && (place || actors.length === 0) && ADOPTERS.test(query)) intent = 'adopters';
  else if (actors.length >= 1 && PRACTICES.test(query) && !place) intent = 'org_practices';
  else if (actors.some((a) => a.entity.type === 'region') && place && mechanisms.length === 0) intent = 'region';
  else if (mechanisms.length >= 1 && actors.length === 0) intent = 'adopters';
  return { intent, entities, place, topic, role, unit, asksRate: RATE_ASKED.test(rest) };
}
