import type { Slot } from '../query/answerTypes.js';
import { cite, collect, item, matchesPlace, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation, uniqueCitations } from './citations.js';
import { regionSubtree } from './graphWalk.js';
import { regionChain } from './regionWalk.js';
import { LEVEL_RANK } from './answerItems.js';

/** 兰州永登县有哪些乡镇: places located in the region (any depth) at the level asked for. */
export async function regionMembers(ctx: GraphContext, slot: Slot): Promise<AnswerItem[]> {
  const regions = slot.subjects.filter((e) => e.entity.type === 'region');
  // The narrowest named region is the scope (兰州永登县 → 永登县).
  const scope = regions[regions.length - 1];
  if (!scope || !slot.level) return [];
  const found = new Map<string, AnswerItem>();
  const level = slot.level;
  const members = [...(await regionSubtree(ctx.store, scope.entity.id)).values()].filter((m) => m.id !== scope.entity.id && matchesPlace(m, level));
  const links = members.length ? await ctx.store.relationsOfMany(members.map((m) => m.id), { types: ['LOCATED_IN'], direction: 'out' }) : [];
  for (const member of members) {
    const citations = links.filter((l) => l.from === member.id).flatMap((l) => cite(ctx, l));
    if (citations.length) collect(found, item(member, citations, `位于${scope.entity.name}`));
  }
  return [...found.values()];
}

/**
 * 金元社区属于哪个街道 → the ancestor at that level; 金元社区在哪里 → the whole chain, widest first.
 * Each answer cites every edge on the way up to it.
 */
export async function regionParents(ctx: GraphContext, slot: Slot): Promise<AnswerItem[]> {
  const regions = slot.subjects.filter((e) => e.entity.type === 'region' || e.entity.type === 'organization');
  // The place asked about is the narrowest one named (金元社区 in 观山湖区金元社区属于哪个街道).
  const subject = [...regions].sort((a, b) => (LEVEL_RANK[b.entity.level ?? ''] ?? 6) - (LEVEL_RANK[a.entity.level ?? ''] ?? 6))[0];
  if (!subject) return [];
  const chain = await regionChain(ctx, subject.entity);
  const answers: AnswerItem[] = [];
  let citations: AnswerItem['citations'] = [];
  for (const step of chain) {
    citations = uniqueCitations([...citations, ...step.via.evidence.slice(0, 1).map((e) => toCitation(e, ctx.fileOf))]);
    // 是哪个区的 asks for the county level, whatever the county's suffix (县, 旗).
    if (slot.level && step.entity.level !== slot.level.level) continue;
    answers.push(item(step.entity, citations, `${subject.entity.name}的上级`));
    if (slot.level) break;
  }
  return slot.level ? answers : answers.reverse();
}
