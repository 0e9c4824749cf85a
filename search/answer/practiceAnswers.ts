import type { EntityRecord } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { QuestionAnalysis, Slot } from '../query/answerTypes.js';
import type { LinkedEntity } from '../query/EntityLexicon.js';
import { cite, collect, item, LEVEL_RANK, matchesPlace, type AnswerItem, type GraphContext } from './answerItems.js';
import { regionSubtree } from './graphWalk.js';
import { ancestorsAt, regionChain } from './regionWalk.js';
import type { RelationView } from '../../graph/GraphStore.js';
import { toCitation } from './citations.js';
import { bestByTopic, scoringTerms, topicScore } from './topicScore.js';
import genericWords from '../query/genericWords.json' with { type: 'json' };

const isActor = (e: LinkedEntity) => e.entity.type === 'region' || e.entity.type === 'organization';

/**
 * 哪些街道采用了1+3+X / 哪些市在用… : organizations with an ADOPTS edge to the practice, filtered by
 * the level asked and the region scope. A place below the level asked counts for its ancestor at
 * that level (a city's streets count for the city), cited with the adoption and the chain.
 */
export async function adopters(ctx: GraphContext, a: QuestionAnalysis, slot: Slot, mechanisms: EntityRecord[]): Promise<AnswerItem[]> {
  const found = new Map<string, AnswerItem>();
  const scope = a.constraints.scope;
  const within = scope ? await regionSubtree(ctx.store, scope.entity.id, 5000, true) : null;
  const level = slot.level;
  const adoptions = mechanisms.length ? await ctx.store.relationsOfMany(mechanisms.map((m) => m.id), { types: ['ADOPTS'], direction: 'in' }) : [];
  const adopting = await relationEnds(ctx.store, adoptions, (r) => r.from);
  // First the answers in order, then one read of the chains of those below the level asked.
  const steps: { mechanism: EntityRecord; rel: RelationView; org: EntityRecord; direct: boolean }[] = [];
  for (const mechanism of mechanisms) {
    for (const { relation: rel, entity: org } of adopting.filter(({ relation }) => relation.to === mechanism.id)) {
      if (within && !within.has(org.id)) continue;
      if (slot.answerType === 'organization' && org.type !== 'organization') continue;
      if (!level || matchesPlace(org, level)) {
        steps.push({ mechanism, rel, org, direct: true });
        continue;
      }
      if ((LEVEL_RANK[org.level ?? ''] ?? 9) <= LEVEL_RANK[level.level] && org.type === 'region') continue;
      steps.push({ mechanism, rel, org, direct: false });
    }
  }
  const ups = level ? await ancestorsAt(ctx, steps.filter((s) => !s.direct).map((s) => s.org), level) : undefined;
  for (const { mechanism, rel, org, direct } of steps) {
    const adopted = `采用 ${mechanism.name}`;
    if (direct) {
      collect(found, item(org, cite(ctx, rel), adopted));
      continue;
    }
    const up = ups?.get(org.id);
    if (!up) continue;
    const chain = up.path.flatMap((s) => s.via.evidence.slice(0, 1).map((e) => toCitation(e, ctx.fileOf)));
    collect(found, item(up.ancestor, [...cite(ctx, rel), ...chain], `辖内${org.name}${adopted}`));
  }
  return [...found.values()];
}

/** Mechanisms whose name or definition names every topic word: 有哪些社区在做垃圾分类 without a named practice. */
export async function mechanismsOnTopic(ctx: GraphContext, topic: string[]): Promise<EntityRecord[]> {
  const words = topic.filter((t) => t.length >= 2);
  if (words.length === 0) return [];
  const all = await ctx.store.findEntities({ type: 'mechanism', nameContains: words[0], limit: 200 });
  return all.filter((m) => words.every((w) => `${m.name}${m.props.definition ?? ''}`.includes(w)));
}

const PRACTICE_SHARE = 0.5;
const GENERIC_PRACTICE_WORDS = /^(探索|做法|举措|经验|工作|创新|措施|办法|渠道|特色|平时|通过|方面|亮点|实践)$/;
const UMBRELLA = new Set(genericWords.umbrella);

/**
 * The words of a practice question that narrow it to a topic: not the words every practice
 * answers (做法, 经验) nor those naming the whole field (基层治理): 宜昌有哪些基层治理做法 asks for all.
 */
export function practiceTopic(words: string[]): string[] {
  return words.filter((t) => !GENERIC_PRACTICE_WORDS.test(t) && !UMBRELLA.has(t));
}
/** Beyond this many practices an unscoped roll-up lists the best-cited ones. */
const MAX_ROLLED_UP = 30;

/**
 * 福利路街道在物业服务上做了哪些探索 / 兰州市有哪些做法: practices the place adopts, rolled up from its
 * streets, communities and attached organizations, ranked by how well their own name and definition
 * (weight 3) and their evidence sentence (weight 1) cover the topic. Each answer says which
 * sub-place adopts it (`group`). A practice named in the question is the theme, not an answer.
 */
export async function placePractices(ctx: GraphContext, a: QuestionAnalysis, slot: Slot): Promise<AnswerItem[]> {
  const themes = a.entities.filter((e) => e.entity.type === 'mechanism');
  const topic = scoringTerms([...practiceTopic(slot.topic), ...themes.map((e) => e.entity.name)]);
  const candidates: { value: AnswerItem; score: number }[] = [];
  const actors = slot.subjects.filter(isActor);
  const membersOf: Map<string, EntityRecord>[] = [];
  for (const actor of actors) {
    membersOf.push(actor.entity.type === 'region' ? await regionSubtree(ctx.store, actor.entity.id, 5000, true) : new Map([[actor.entity.id, actor.entity]]));
  }
  // Every actor's adoptions and practices in two reads.
  const everyMember = [...new Set(membersOf.flatMap((m) => [...m.keys()]))];
  const adoptedByAny = everyMember.length ? await ctx.store.relationsOfMany(everyMember, { types: ['ADOPTS'], direction: 'out' }) : [];
  const practices = new Map((await relationEnds(ctx.store, adoptedByAny, (r) => r.to)).map(({ relation, entity }) => [relation.id, entity]));
  for (const [index, actor] of actors.entries()) {
    const members = membersOf[index];
    const adopted = adoptedByAny.filter((rel) => members.has(rel.from) && !themes.some((t) => t.entity.id === rel.to));
    for (const { relation: rel, entity: mechanism } of adopted.flatMap((relation) => (practices.has(relation.id) ? [{ relation, entity: practices.get(relation.id)! }] : []))) {
      const own = [mechanism.name, ...mechanism.aliases, String(mechanism.props.definition ?? '')];
      const member = members.get(rel.from)!;
      // The place's own practices come first; a sub-place's count slightly less.
      const score = 3 * topicScore(own, topic) + topicScore(rel.evidence.map((e) => e.text), topic) - (member.id === actor.entity.id ? 0 : 0.01);
      candidates.push({ value: item(mechanism, cite(ctx, rel), `${member.name}采用`, { group: member.name }), score });
    }
  }
  const found = new Map<string, AnswerItem>();
  // A place usually has several practices on one topic: keep those close to the best.
  for (const answer of bestByTopic(candidates, topic, 1, PRACTICE_SHARE)) collect(found, answer);
  const list = [...found.values()];
  return topic.length ? list : list.sort((x, y) => y.citations.length - x.citations.length).slice(0, MAX_ROLLED_UP);
}

/**
 * 福利路街道有没有采用1+3+X: one answer 是 citing the adoptions by the place and its sub-places, or
 * nothing (an absence has no sentence to cite; the answer line says so).
 */
export async function adoptsCheck(ctx: GraphContext, a: QuestionAnalysis): Promise<AnswerItem[]> {
  const facts = await adoptions(ctx, a);
  if (facts.length === 0) return absence(ctx, a);
  const detail = facts.map((f) => `${f.name}${f.detail ?? ''}`).join('；');
  return [{ id: `yes:${facts[0].id}`, name: '是', type: 'yes_no', detail, citations: facts.flatMap((f) => f.citations) }];
}

/** How many adoptions elsewhere a 否 cites. */
const MAX_ELSEWHERE = 3;

/**
 * 否, when it can be said honestly: the practice is adopted elsewhere (those adoptions are cited),
 * not by the place, its sub-places or its parents, and no document that names the place names the
 * practice at all (where both are named, a missed adoption is likelier than an absence: no answer).
 */
async function absence(ctx: GraphContext, a: QuestionAnalysis): Promise<AnswerItem[]> {
  const mechanisms = a.entities.filter((e) => e.entity.type === 'mechanism').map((e) => e.entity);
  const actors = a.entities.filter(isActor).map((e) => e.entity);
  if (mechanisms.length !== 1 || actors.length !== 1) return [];
  const [mechanism] = mechanisms;
  const [actor] = actors;
  const adoptions = await ctx.store.relationsOf(mechanism.id, { types: ['ADOPTS'], direction: 'in' });
  if (adoptions.length === 0) return [];
  const parents = new Set((await regionChain(ctx, actor)).map((s) => s.entity.id));
  if (adoptions.some((r) => parents.has(r.from))) return [];
  const docsOf = async (id: string) => new Set((await ctx.store.evidenceOf(id, 10_000)).map((e) => e.docId));
  const actorDocs = await docsOf(actor.id);
  const practiceDocs = new Set([...(await docsOf(mechanism.id)), ...adoptions.flatMap((r) => r.evidence.map((e) => e.docId))]);
  if ([...actorDocs].some((d) => practiceDocs.has(d))) return [];
  const elsewhere = (await relationEnds(ctx.store, adoptions, (r) => r.from)).slice(0, MAX_ELSEWHERE);
  const citations = elsewhere.flatMap(({ relation }) => cite(ctx, relation).slice(0, 1));
  if (citations.length === 0) return [];
  // The detail names no other place: the answer is about this one; the citations show where the practice is.
  return [{ id: `no:${actor.id}:${mechanism.id}`, name: '否', type: 'yes_no', detail: '未见采用记录；所引为采用该做法的其他地方', citations }];
}

async function adoptions(ctx: GraphContext, a: QuestionAnalysis): Promise<AnswerItem[]> {
  const mechanisms = a.entities.filter((e) => e.entity.type === 'mechanism').map((e) => e.entity);
  const found = new Map<string, AnswerItem>();
  const actors = a.entities.filter(isActor);
  const all = actors.length && mechanisms.length ? await ctx.store.relationsOfMany(mechanisms.map((m) => m.id), { types: ['ADOPTS'], direction: 'in' }) : [];
  for (const actor of actors) {
    const members = await regionSubtree(ctx.store, actor.entity.id, 5000, true);
    for (const mechanism of mechanisms) {
      const adoptions = all.filter((r) => r.to === mechanism.id && members.has(r.from));
      for (const rel of adoptions) collect(found, item(members.get(rel.from)!, cite(ctx, rel), `采用 ${mechanism.name}`));
    }
  }
  return [...found.values()];
}
