import type { EntityRecord } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { Slot } from '../query/answerTypes.js';
import { cite, collect, item, matchesPlace, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation } from './citations.js';
import { ancestorsAt } from './regionWalk.js';

/**
 * The role held fits the role asked: 党工委书记 fits 书记, but 书记 alone does not fit 县委书记 (a
 * township's 党委书记 is not the county's).
 */
export const roleFits = (role: string, asked?: string) => !asked || role.endsWith(asked) || role.includes(asked);

/** 福利路街道党工委书记是谁: people who LEAD the place (or its party body), in the role asked for. */
export async function leaders(ctx: GraphContext, slot: Slot, slotIndex: number): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  // Every subject's attached bodies, leaders and people in three reads.
  const actorIds = slot.subjects.map((s) => s.entity.id);
  const parts = actorIds.length ? await ctx.store.relationsOfMany(actorIds, { types: ['PART_OF'], direction: 'in', withEvidence: false }) : [];
  const attachedTo = (id: string) => parts.filter((r) => r.to === id).map((r) => r.from);
  const leading = actorIds.length ? await ctx.store.relationsOfMany([...actorIds, ...parts.map((r) => r.from)], { types: ['LEADS'], direction: 'in' }) : [];
  const fittingOf = slot.subjects.map((actor) => {
    const attached = attachedTo(actor.entity.id);
    return leading.filter((rel) => (rel.to === actor.entity.id || attached.includes(rel.to)) && roleFits(String(rel.props.role ?? ''), slot.role));
  });
  const people = new Map((await relationEnds(ctx.store, [...new Map(fittingOf.flat().map((r) => [r.id, r])).values()], (r) => r.from)).map(({ relation, entity }) => [relation.id, entity]));
  for (const [index, actor] of slot.subjects.entries()) {
    for (const rel of fittingOf[index]) {
      const person = people.get(rel.id);
      if (!person || person.type !== 'person') continue;
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

/** Where each person works and as what: the LEADS edges out of the people, in two reads. */
async function postsOf(ctx: GraphContext, persons: EntityRecord[]): Promise<Map<string, Post[]>> {
  const leads = persons.length ? await ctx.store.relationsOfMany(persons.map((p) => p.id), { types: ['LEADS'], direction: 'out' }) : [];
  const ends = await relationEnds(ctx.store, leads, (r) => r.to);
  return new Map(persons.map((person) => [person.id, ends.filter(({ relation }) => relation.from === person.id).map(({ relation, entity }) => ({
    place: entity,
    role: String(relation.props.role ?? person.props.role ?? ''),
    citations: cite(ctx, relation),
  }))]));
}

/**
 * 牟辉担任什么职务 → 福利路街道党工委书记; 牟辉是哪个街道的书记 → 福利路街道. A person without a LEADS
 * edge still answers a role question with the role read at their mention.
 */
export async function personPosts(ctx: GraphContext, slot: Slot, slotIndex: number): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  const persons = slot.subjects.filter((s) => s.entity.type === 'person').map((s) => s.entity);
  const postsByPerson = await postsOf(ctx, persons);
  const postsFor = (person: EntityRecord) => (postsByPerson.get(person.id) ?? []).filter((p) => roleFits(p.role, slot.role));
  // What the loop below reads, each kind in one go: the mentions of people without a post, the chains of posts below the level.
  const roleOf = (person: EntityRecord) => (typeof person.props.role === 'string' ? person.props.role : '');
  const unposted = slot.answerType === 'role' ? persons.filter((p) => postsFor(p).length === 0 && roleOf(p)) : [];
  const mentions = unposted.length ? await ctx.store.evidenceOfMany(unposted.map((p) => p.id), 20) : new Map<string, never[]>();
  const level = slot.level;
  const below = slot.answerType !== 'role' && level ? persons.flatMap((p) => postsFor(p).map((post) => post.place)).filter((place) => !matchesPlace(place, level)) : [];
  const ups = level && below.length ? await ancestorsAt(ctx, below, level) : undefined;
  for (const person of persons) {
    const posts = postsFor(person);
    if (slot.answerType === 'role') {
      for (const post of posts) {
        const name = `${post.place.name}${post.role}`;
        collect(found, { id: `${post.place.id}:${post.role}`, name, type: 'role', detail: person.name, slot: slotIndex, citations: post.citations });
      }
      const role = roleOf(person);
      if (posts.length === 0 && role) {
        const evidence = (mentions.get(person.id) ?? []).filter((e) => e.text.includes(role) || e.text.length <= 4);
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
      const up = ups?.get(post.place.id);
      if (up) {
        const chain = up.path.flatMap((s) => s.via.evidence.slice(0, 1).map((e) => toCitation(e, ctx.fileOf)));
        collect(found, item(up.ancestor, [...post.citations, ...chain], `${person.name}任${post.place.name}${post.role}`, { slot: slotIndex }));
      }
    }
  }
  return [...found.values()];
}
