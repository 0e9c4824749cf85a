import type { GraphStore, RelationView } from '../../graph/GraphStore.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { EntityRecord } from '../../graph/model.js';
import { expandTerms } from '../query/expandQuery.js';
import type { LinkedEntity } from '../query/EntityLexicon.js';
import type { PlaceFilter, QueryUnderstanding } from '../query/understandQuery.js';
import type { Answer, Citation } from '../schema.js';
import { toCitation, uniqueCitations, type FileOf } from './citations.js';
import { regionSubtree } from './graphWalk.js';

export type AnswerItem = Answer['answers'][number];

export interface GraphContext {
  store: GraphStore;
  fileOf: FileOf;
}

const isActor = (e: LinkedEntity) => e.entity.type === 'region' || e.entity.type === 'organization';

function item(entity: EntityRecord, citations: Citation[], detail?: string): AnswerItem {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    ...(entity.level ? { level: entity.level } : {}),
    ...(detail ? { detail } : {}),
    citations: uniqueCitations(citations),
  };
}

/** Adds an answer, merging citations when the same entity is reached twice. */
function collect(into: Map<string, AnswerItem>, next: AnswerItem): void {
  const existing = into.get(next.id);
  if (!existing) into.set(next.id, next);
  else existing.citations = uniqueCitations([...existing.citations, ...next.citations]);
}

function cite(ctx: GraphContext, relation: RelationView): Citation[] {
  return relation.evidence.map((e) => toCitation(e, ctx.fileOf));
}

/** 哪些街道采用了1+3+X: organizations with an ADOPTS edge to the mechanism, filtered by level and region. */
export async function adopters(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  const scope = u.entities.find((e) => e.entity.type === 'region');
  const within = scope ? await regionSubtree(ctx.store, scope.entity.id) : null;
  for (const mechanism of u.entities.filter((e) => e.entity.type === 'mechanism')) {
    const adoptions = await ctx.store.relationsOf(mechanism.entity.id, { types: ['ADOPTS'], direction: 'in' });
    for (const { relation: rel, entity: org } of await relationEnds(ctx.store, adoptions, (r) => r.from)) {
      if (u.place && !matchesPlace(org, u.place)) continue;
      if (within && !within.has(org.id)) continue;
      collect(found, item(org, cite(ctx, rel), `采用 ${mechanism.entity.name}`));
    }
  }
  return [...found.values()];
}

export function matchesPlace(entity: EntityRecord, place: PlaceFilter): boolean {
  return entity.level === place.level && place.suffixes.some((suffix) => entity.name.endsWith(suffix));
}

/** How well texts cover the topic: 1 per topic word found, 0.4 when only a thesaurus sibling is. */
export function topicScore(texts: string[], topic: string[]): number {
  let score = 0;
  for (const term of topic) {
    if (texts.some((text) => text.includes(term))) score += 1;
    else if (expandTerms([term]).terms.some((t) => t !== term && t.length >= 2 && texts.some((text) => text.includes(t)))) score += 0.4;
  }
  return score;
}

/**
 * Keeps the candidates that cover the topic at least `share` as well as the best one (and at
 * least `minimum`); with no topic words, all of them.
 */
function bestByTopic<T>(candidates: { value: T; score: number }[], topic: string[], minimum: number, share = 1): T[] {
  if (topic.length === 0) return candidates.map((c) => c.value);
  const best = Math.max(0, ...candidates.map((c) => c.score));
  if (best < minimum) return [];
  return candidates.filter((c) => c.score >= Math.max(minimum, best * share) - 1e-9).map((c) => c.value);
}

const PRACTICE_SHARE = 0.5;
const GENERIC_PRACTICE_WORDS = /^(探索|做法|举措|经验|工作|创新|措施|办法|渠道|特色|平时|通过|方面)$/;

/** Topic words plus the halves of long ones (网格化管理 → 网格, 管理), so a practice named for part of a theme still matches. */
function scoringTerms(words: string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    terms.add(word);
    if (word.length >= 4 && /^[\u4e00-\u9fff]+$/.test(word)) {
      terms.add(word.slice(0, 2));
      terms.add(word.slice(-2));
    }
  }
  return [...terms];
}

/**
 * 福利路街道在物业服务上做了哪些探索: mechanisms the organization adopts, ranked by how well their
 * own name and definition (weight 3) and their evidence sentence (weight 1) cover the topic.
 * A mechanism named in the question is the theme, not an answer.
 */
export async function orgPractices(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const themes = u.entities.filter((e) => e.entity.type === 'mechanism');
  const topic = scoringTerms([...u.topic.filter((t) => !GENERIC_PRACTICE_WORDS.test(t)), ...themes.map((e) => e.entity.name)]);
  const candidates: { value: AnswerItem; score: number }[] = [];
  for (const actor of u.entities.filter(isActor)) {
    const adopted = (await ctx.store.relationsOf(actor.entity.id, { types: ['ADOPTS'], direction: 'out' })).filter(
      (rel) => !themes.some((t) => t.entity.id === rel.to),
    );
    for (const { relation: rel, entity: mechanism } of await relationEnds(ctx.store, adopted, (r) => r.to)) {
      const own = [mechanism.name, ...mechanism.aliases, String(mechanism.props.definition ?? '')];
      const score = 3 * topicScore(own, topic) + topicScore(rel.evidence.map((e) => e.text), topic);
      candidates.push({ value: item(mechanism, cite(ctx, rel), `${actor.entity.name}采用`), score });
    }
  }
  const found = new Map<string, AnswerItem>();
  // An organization usually has several practices on one topic: keep those close to the best.
  for (const answer of bestByTopic(candidates, topic, 1, PRACTICE_SHARE)) collect(found, answer);
  return [...found.values()];
}

const RATE = /率$/;

/** 酒泉路街道的满意率是多少: the organization's metrics whose indicator best names the topic. */
export async function metrics(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const topic = u.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (topic.length === 0) return [];
  const asksRate = u.asksRate;
  const asksChange = topic.some((t) => /同比|环比|增长|下降|增幅|降幅/.test(t));
  // Metrics are many (a district reports hundreds): rank them on their own fields, then load evidence for the winners only.
  const candidates: { value: { relationId: string; actor: string; metric: EntityRecord }; score: number }[] = [];
  for (const actor of u.entities.filter(isActor)) {
    const reported = await ctx.store.relationsOf(actor.entity.id, { types: ['HAS_METRIC'], direction: 'out', withEvidence: false });
    for (const { relation: rel, entity: metric } of await relationEnds(ctx.store, reported, (r) => r.to)) {
      const indicator = String(metric.props.indicator ?? metric.name);
      if (u.unit && metric.props.unit !== u.unit) continue;
      if (asksRate && !RATE.test(indicator) && metric.props.unit !== '%') continue;
      if (!asksChange && metric.props.change) continue;
      candidates.push({ value: { relationId: rel.id, actor: actor.entity.name, metric }, score: topicScore([indicator], topic) });
    }
  }
  const found = new Map<string, AnswerItem>();
  for (const { relationId, actor, metric } of bestByTopic(candidates, topic, 0.4)) {
    const citations = (await ctx.store.evidenceOf(relationId)).map((e) => toCitation(e, ctx.fileOf));
    if (citations.length) collect(found, item(metric, citations, `${actor} ${metric.name}`));
  }
  return [...found.values()];
}

/** 福利路街道党工委书记是谁: people who LEAD the organization, in the role asked for. */
export async function people(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  for (const actor of u.entities.filter(isActor)) {
    const leaders = (await ctx.store.relationsOf(actor.entity.id, { types: ['LEADS'], direction: 'in' })).filter((rel) => {
      const role = String(rel.props.role ?? '');
      return !u.role || role.endsWith(u.role) || role.includes(u.role);
    });
    for (const { relation: rel, entity: person } of await relationEnds(ctx.store, leaders, (r) => r.from)) {
      const role = String(rel.props.role ?? '');
      collect(found, item(person, cite(ctx, rel), `${actor.entity.name}${role}`));
    }
  }
  return [...found.values()];
}

/** 兰州永登县有哪些乡镇: places located in the region (any depth) at the level asked for. */
export async function regionMembers(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const regions = u.entities.filter((e) => e.entity.type === 'region');
  // The narrowest named region is the scope (兰州永登县 → 永登县).
  const scope = regions[regions.length - 1];
  if (!scope) return [];
  const found = new Map<string, AnswerItem>();
  for (const member of (await regionSubtree(ctx.store, scope.entity.id)).values()) {
    if (member.id === scope.entity.id || !u.place || !matchesPlace(member, u.place)) continue;
    const links = await ctx.store.relationsOf(member.id, { types: ['LOCATED_IN'], direction: 'out' });
    const citations = links.flatMap((l) => cite(ctx, l));
    if (citations.length) collect(found, item(member, citations, `位于${scope.entity.name}`));
  }
  return [...found.values()];
}
