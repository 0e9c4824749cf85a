import type { GraphStore, RelationView } from '../../graph/GraphStore.js';
import type { EntityRecord } from '../../graph/model.js';
import { expandTerms } from '../query/expandQuery.js';
import type { LinkedEntity } from '../query/EntityLexicon.js';
import type { QueryUnderstanding } from '../query/understandQuery.js';
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
    for (const rel of await ctx.store.relationsOf(mechanism.entity.id, { types: ['ADOPTS'], direction: 'in' })) {
      const org = await ctx.store.getEntity(rel.from);
      if (!org) continue;
      if (u.level && org.level !== u.level) continue;
      if (within && !within.has(org.id)) continue;
      collect(found, item(org, cite(ctx, rel), `采用 ${mechanism.entity.name}`));
    }
  }
  return [...found.values()];
}

function matchesTopic(texts: string[], topic: string[]): boolean {
  if (topic.length === 0) return true;
  const { terms } = expandTerms(topic);
  return texts.some((text) => terms.some((t) => t.length >= 2 && text.includes(t)));
}

/** 福利路街道在物业服务上做了哪些探索: mechanisms the organization adopts whose evidence speaks of the topic. */
export async function orgPractices(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  for (const actor of u.entities.filter(isActor)) {
    for (const rel of await ctx.store.relationsOf(actor.entity.id, { types: ['ADOPTS'], direction: 'out' })) {
      const mechanism = await ctx.store.getEntity(rel.to);
      if (!mechanism) continue;
      const texts = [mechanism.name, String(mechanism.props.definition ?? ''), ...rel.evidence.map((e) => e.text)];
      if (!matchesTopic(texts, u.topic.filter((t) => !/^(探索|做法|举措|经验|工作|创新|措施)$/.test(t)))) continue;
      collect(found, item(mechanism, cite(ctx, rel), `${actor.entity.name}采用`));
    }
  }
  return [...found.values()];
}

/** 酒泉路街道的满意率是多少: the organization's metrics whose indicator names the topic. */
export async function metrics(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  const topic = u.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (topic.length === 0) return [];
  for (const actor of u.entities.filter(isActor)) {
    for (const rel of await ctx.store.relationsOf(actor.entity.id, { types: ['HAS_METRIC'], direction: 'out' })) {
      const metric = await ctx.store.getEntity(rel.to);
      if (!metric) continue;
      const indicator = String(metric.props.indicator ?? metric.name);
      if (!matchesTopic([indicator], topic)) continue;
      collect(found, item(metric, cite(ctx, rel), `${actor.entity.name} ${metric.name}`));
    }
  }
  return [...found.values()];
}

/** 福利路街道党工委书记是谁: people who LEAD the organization, in the role asked for. */
export async function people(ctx: GraphContext, u: QueryUnderstanding): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  for (const actor of u.entities.filter(isActor)) {
    for (const rel of await ctx.store.relationsOf(actor.entity.id, { types: ['LEADS'], direction: 'in' })) {
      const role = String(rel.props.role ?? '');
      if (u.role && !role.endsWith(u.role) && !role.includes(u.role)) continue;
      const person = await ctx.store.getEntity(rel.from);
      if (person) collect(found, item(person, cite(ctx, rel), `${actor.entity.name}${role}`));
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
    if (member.id === scope.entity.id || member.level !== u.level) continue;
    const links = await ctx.store.relationsOf(member.id, { types: ['LOCATED_IN'], direction: 'out' });
    const citations = links.flatMap((l) => cite(ctx, l));
    if (citations.length) collect(found, item(member, citations, `位于${scope.entity.name}`));
  }
  return [...found.values()];
}
