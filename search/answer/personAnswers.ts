import type { EntityRecord } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { Slot } from '../query/answerTypes.js';
import { cite, collect, item, matchesPlace, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation } from './citations.js';
import { ancestorAt } from './regionWalk.js';

/**
 * The role held fits the role asked: 党工委书记 fits 书记, but 书记 alone does not fit 县委书记 (a
 * township's 党委书记 is not the county's).
 */
export const roleFits = (role: string, asked?: string) => !asked || role.endsWith(asked) || role.includes(asked);

/** 福利路街道党工委书记是谁: people who LEAD the place (or its party body), in the role asked for. */
export async function leaders(ctx: GraphContext, slot: Slot, slotIndex: number): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  for (const actor of slot.subjects) {
    const attached = (await ctx.store.relationsOf(actor.entity.id, { types: ['PART_OF'], direction: 'in', withEvidence: false })).map((r) => r.from);
    const led = await ctx.store.relationsOfMany([actor.entity.id, ...attached], { types: ['LEADS'], direction: 'in' });
    const fitting = led.filter((rel) => (rel.to === actor.entity.id || attached.includes(rel.to)) && roleFits(String(rel.props.role ?? ''), slot.role));
    for (const { relation: rel, entity: person } of await relationEnds(ctx.store, fitting, (r) => r.from)) {
      if (person.type !== 'person') continue;
      collect(found, item(person, cite(ctx, rel), `${actor.entity.name}${String(rel.props.role ?? '')}`, { slot: slotIndex }));
    }
  }
  return [...found.values()];
}

interface Post {
  place: EntityRecord;
  role: string;
  citations: ReturnType<typeof toCitation>[];
}

/** Where a person works and as what: the LEADS edges out of the person. */
async function postsOf(ctx: GraphContext, person: EntityRecord): Promise<Post[]> {
  const leads = await ctx.store.relationsOf(person.id, { types: ['LEADS'], direction: 'out' });
  return (await relationEnds(ctx.store, leads, (r) => r.to)).map(({ relation, entity }) => ({
    place: entity,
    role: String(relation.props.role ?? person.props.role ?? ''),
    citations: cite(ctx, relation),
  }));
}

/**
 * 牟辉担任什么职务 → 福利路街道党工委书记; 牟辉是哪个街道的书记 → 福利路街道. A person without a LEADS
 * edge still answers a role question with the role read at their mention.
 */
export async function personPosts(ctx: GraphContext, slot: Slot, slotIndex: number): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  for (const subject of slot.subjects.filter((s) => s.entity.type === 'person')) {
    const person = subject.entity;
    const posts = (await postsOf(ctx, person)).filter((p) => roleFits(p.role, slot.role));
    if (slot.answerType === 'role') {
      for (const post of posts) {
        const name = `${post.place.name}${post.role}`;
        collect(found, { id: `${post.place.id}:${post.role}`, name, type: 'role', detail: person.name, slot: slotIndex, citations: post.citations });
      }
      const role = person.props.role;
      if (posts.length === 0 && typeof role === 'string' && role) {
        const evidence = (await ctx.store.evidenceOf(person.id, 20)).filter((e) => e.text.includes(role) || e.text.length <= 4);
        const citations = evidence.map((e) => toCitation(e, ctx.fileOf)).filter((c) => c.text.includes(role));
        const organization = typeof person.props.organization === 'string' ? person.props.organization : '';
        if (citations.length) collect(found, { id: `${person.id}:${role}`, name: `${organization}${role}`, type: 'role', detail: person.name, slot: slotIndex, citations });
      }
      continue;
    }
    for (const post of posts) {
      // 哪个单位的干部 asks for a body, not the place the person leads (哪个单位的书记 may mean that place).
      if (slot.answerType === 'organization' && post.place.type !== 'organization' && !slot.role) continue;
      if (!slot.level || matchesPlace(post.place, slot.level)) {
        collect(found, item(post.place, post.citations, `${person.name}任${post.role}`, { slot: slotIndex }));
        continue;
      }
      const up = await ancestorAt(ctx, post.place, slot.level);
      if (up) {
        const chain = up.path.flatMap((s) => s.via.evidence.slice(0, 1).map((e) => toCitation(e, ctx.fileOf)));
        collect(found, item(up.ancestor, [...post.citations, ...chain], `${person.name}任${post.place.name}${post.role}`, { slot: slotIndex }));
      }
    }
  }
  return [...found.values()];
}
