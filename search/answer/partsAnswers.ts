import type { EntityRecord, RelationType } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import { cite, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation } from './citations.js';
import { normalizeWidth } from '../query/extractors.js';
import { regionSubtree } from './graphWalk.js';

/** The practice → part relation of the shared data contract (graph/model.ts RELATION_TYPES). */
export const HAS_PART: RelationType = 'HAS_PART';
const LIST_SEPARATOR = /[、；;，,]/;

/**
 * The enumeration at the head of a definition: up to the first comma or full stop after its last
 * 、 (大事政府办、小事村里办、私事自己办，推动… → the three items); a definition without 、 stays whole.
 */
export function listPart(definition: string): string {
  const clauses = definition.split(/(?<=[，,。；;])/);
  const items = (clause: string) => clause.replace(/[，,。；;]$/, '').split('、');
  const first = clauses.findIndex((c) => c.includes('、'));
  if (first < 0) return clauses[0].replace(/[，,。；;]$/, '');
  const lengths = items(clauses[first]).map((p) => p.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length / 2)];
  let end = first + 1;
  // A following clause continues the list when it is a list of items as short, without figures (服务精细化、管理网格化).
  while (end < clauses.length && clauses[end].includes('、') && items(clauses[end]).every((p) => p.length <= typical + 2 && !/\d/.test(p))) end++;
  return clauses.slice(0, end).join('').replace(/[，,。；;]$/, '');
}
const MAX_PART_LENGTH = 16;

/**
 * A formula's parts are named by its terms in order (1+5+N → 1个…, 5个…, N个…): when such a run is
 * among the parts, it is the answer, and list items the text gives for other purposes are not.
 */
export function formulaTerms<T extends { name: string }>(formula: string, parts: T[]): T[] {
  const terms = normalizeWidth(formula).toUpperCase().replace(/[“”"\s]/g, '').split('+');
  if (terms.length < 2 || !terms.every((t) => /^[0-9A-Z一二三四五六七八九十两]+$/.test(t))) return parts;
  const startsWith = (name: string, term: string) => {
    const n = normalizeWidth(name).toUpperCase();
    return n.startsWith(term) && !/^[0-9]/.test(n.slice(term.length));
  };
  for (let start = 0; start + terms.length <= parts.length; start++) {
    const run = parts.slice(start, start + terms.length);
    if (run.every((p, i) => startsWith(p.name, terms[i]))) return run;
  }
  return parts;
}

/**
 * One practice name may carry several lists: two places each define their own “1+5+N”. Parts are
 * grouped by the document their evidence comes from; when the question names a place, only the
 * lists of documents where that place (or a place inside it) adopts the practice are its answer.
 */
export function partsOfOwnLists<T extends { citations: { docId: string }[] }>(parts: T[], adoptedIn: Set<string> | undefined, name: string): T[] {
  const groups = new Map<string, T[]>();
  for (const part of parts) {
    const doc = part.citations[0]?.docId ?? '';
    groups.set(doc, [...(groups.get(doc) ?? []), part]);
  }
  const own = adoptedIn ? [...groups].filter(([doc]) => adoptedIn.has(doc)) : [];
  const chosen = own.length ? own : [...groups];
  return chosen.flatMap(([, list]) => formulaTerms(name, list as (T & { name: string })[]));
}

/** Documents in which one of the subjects, or a place inside one, is said to adopt the practice. */
async function adoptingDocuments(ctx: GraphContext, adoptions: { from: string; evidence: { docId: string }[] }[], subjectIds: string[]): Promise<Set<string> | undefined> {
  if (subjectIds.length === 0) return undefined;
  const members = new Set<string>();
  for (const id of subjectIds) for (const key of (await regionSubtree(ctx.store, id, 5000, true)).keys()) members.add(key);
  return new Set(adoptions.filter((r) => members.has(r.from)).flatMap((r) => r.evidence.map((e) => e.docId)));
}

/**
 * “一网两访三为”是哪几个 / 具体包括哪些内容: the practice's parts in order (HAS_PART), each with its
 * own evidence; without parts, the pieces of its definition (即A、B、C), else the definition whole.
 * `subjectIds`: the places the question names (潘火街道的“1+5+N”), whose own list is asked.
 */
export async function practiceParts(ctx: GraphContext, mechanism: EntityRecord, slotIndex: number, subjectIds: string[] = []): Promise<AnswerItem[]> {
  // Its parts and its adoptions in one read: the adoptions tell whose list it is, and their sentences
  // may cite the definition below.
  const linked = await ctx.store.relationsOf(mechanism.id, { types: [HAS_PART, 'ADOPTS'], direction: 'both' });
  const parts = linked.filter((r) => r.type === HAS_PART && r.from === mechanism.id);
  const adoptions = linked.filter((r) => r.type === 'ADOPTS' && r.to === mechanism.id);
  const ends = (await relationEnds(ctx.store, parts, (r) => r.to)).sort(
    (a, b) => Number(a.entity.props.order ?? a.relation.props.order ?? 0) - Number(b.entity.props.order ?? b.relation.props.order ?? 0),
  );
  const fromParts = ends.flatMap(({ relation, entity }) => {
    const citations = cite(ctx, relation);
    return citations.length ? [{ id: entity.id, name: entity.name, type: 'part', detail: `${mechanism.name}的组成部分`, slot: slotIndex, citations }] : [];
  });
  if (fromParts.length) return partsOfOwnLists(fromParts, await adoptingDocuments(ctx, adoptions, subjectIds), mechanism.name);
  const definition = typeof mechanism.props.definition === 'string' ? mechanism.props.definition.trim() : '';
  if (!definition) return [];
  // The definition is cited where it is written: a mention or adoption sentence that holds it.
  const head = definition.slice(0, Math.min(6, definition.length));
  const evidence = [
    ...(await ctx.store.evidenceOf(mechanism.id, 50)),
    ...adoptions.flatMap((r) => r.evidence),
  ].find((e) => e.text.replace(/\s+/g, '').includes(head));
  if (!evidence) return [];
  const citation = toCitation(evidence, ctx.fileOf);
  const listed = listPart(definition).split(LIST_SEPARATOR).map((p) => p.trim().replace(/[。，,]$/, '')).filter(Boolean);
  const pieces = formulaTerms(mechanism.name, listed.map((name) => ({ name }))).map((p) => p.name);
  const asList = pieces.length >= 2 && pieces.every((p) => p.length <= MAX_PART_LENGTH) && definition.includes('、');
  return (asList ? pieces : [definition]).map((piece, i) => ({
    id: `${mechanism.id}:part:${i + 1}`,
    name: piece,
    type: asList ? 'part' : 'definition',
    detail: asList ? `${mechanism.name}的组成部分` : `${mechanism.name}的含义`,
    slot: slotIndex,
    citations: [citation],
  }));
}
