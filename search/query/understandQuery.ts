import type { AdminLevel } from '../../graph/model.js';
import { normalizeKey, tokenize } from '../../ingest/segment/index.js';
import type { Intent } from '../schema.js';
import type { EntityLexicon, LinkedEntity } from './EntityLexicon.js';

export interface QueryUnderstanding {
  intent: Intent;
  entities: LinkedEntity[];
  /** Answer-type filter from a level word: 哪些街道 → township. */
  level?: AdminLevel;
  /** Content words of the question other than entity names and question words. */
  topic: string[];
  /** Role asked for (党工委书记), for person questions. */
  role?: string;
}

const LEVEL_WORDS: [RegExp, AdminLevel][] = [
  [/(街道|乡镇|镇|乡)(?!党)/, 'township'],
  [/(社区|村)(?!党)/, 'community'],
  [/(区县|县|区)(?!委)/, 'county'],
  [/(城市|市|州)(?!委)/, 'prefecture'],
  [/省/, 'province'],
];
const COMPARE = /比较|对比|相比|异同|区别|有何不同|有什么不同/;
const PERSON = /谁|哪位|姓名|叫什么/;
const METRIC = /多少|几个|几名|几家|几件|比例|百分之|数量|是几|有多高/;
const ADOPTERS = /哪些|哪个|哪里|哪儿|什么地方|谁/;
const PRACTICES = /做了|哪些|怎么|怎样|如何|探索|举措|经验|做法|措施|工作|创新|特色/;
const ROLES = ['党工委书记', '党委书记', '党总支书记', '党支部书记', '副书记', '书记', '主任', '网格长', '记者', '负责人'];
const QUESTION_WORDS = new Set(
  ['哪些', '哪个', '什么', '多少', '是', '的', '了', '在', '有', '上', '和', '与', '及', '谁', '怎么', '如何', '采用', '比较', '对比', '做', '都', '吗', '呢', '哪', '些', '情况', '方面', '分别', '各', '几个'],
);

function levelOf(query: string, entities: LinkedEntity[]): AdminLevel | undefined {
  // Level words inside a linked name (福利路街道) are not level filters.
  let rest = normalizeKey(query);
  for (const e of entities) rest = rest.replace(e.surface, ' ');
  const hit = rest.match(/哪些|哪个|有多少|几个|什么/) ? rest : '';
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(hit)) return level;
  return undefined;
}

function topicTerms(query: string, entities: LinkedEntity[]): string[] {
  let rest = normalizeKey(query);
  for (const e of entities) rest = rest.replace(e.surface, ' ');
  return tokenize(rest).filter((t) => !QUESTION_WORDS.has(t) && !/^(街道|社区|乡镇|镇|村|县|区|市)$/.test(t));
}

/** Reads a Chinese question into an intent, linked entities, a level filter and topic words. */
export function understandQuery(query: string, lexicon: EntityLexicon): QueryUnderstanding {
  const entities = lexicon.link(query);
  const actors = entities.filter((e) => e.entity.type === 'region' || e.entity.type === 'organization');
  const mechanisms = entities.filter((e) => e.entity.type === 'mechanism');
  const level = levelOf(query, entities);
  const topic = topicTerms(query, entities);
  const role = ROLES.find((r) => query.includes(r));
  let intent: Intent = 'passages';
  if (COMPARE.test(query) && actors.length >= 2) intent = 'compare';
  else if (PERSON.test(query) && actors.length >= 1) intent = 'person';
  else if (METRIC.test(query) && actors.length >= 1 && !level) intent = 'metric';
  else if (mechanisms.length >= 1 && (ADOPTERS.test(query) || actors.length === 0)) intent = 'adopters';
  else if (actors.some((a) => a.entity.type === 'region') && level && ADOPTERS.test(query) && mechanisms.length === 0) intent = 'region';
  else if (actors.length >= 1 && PRACTICES.test(query)) intent = 'org_practices';
  return { intent, entities, level, topic, role };
}
