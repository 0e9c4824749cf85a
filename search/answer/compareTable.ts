import type { EntityRecord, EvidenceWithText, RelationRecord, RelationType } from '../../graph/model.js';
import { expandTerms } from '../query/expandQuery.js';
import type { LinkedEntity } from '../query/EntityLexicon.js';
import type { Answer, Citation } from '../schema.js';
import type { GraphContext } from './answerItems.js';
import { toCitation, uniqueCitations } from './citations.js';
import { regionSubtree } from './graphWalk.js';

type Table = NonNullable<Answer['table']>;
type Cell = Table['rows'][number]['cells'][number];

const COLUMNS: { title: string; relation: RelationType; direction: 'out' | 'in' }[] = [
  { title: '机制', relation: 'ADOPTS', direction: 'out' },
  { title: '指标', relation: 'HAS_METRIC', direction: 'out' },
  { title: '负责人', relation: 'LEADS', direction: 'in' },
];
const MAX_VALUES = 12;
const ENTITY_BATCH = 100;

function relevant(other: EntityRecord, topic: string[]): boolean {
  if (topic.length === 0) return true;
  const { terms } = expandTerms(topic);
  const texts = [other.name, String(other.props.indicator ?? ''), String(other.props.definition ?? '')];
  return texts.some((text) => terms.some((t) => t.length >= 2 && text.includes(t)));
}

type Column = (typeof COLUMNS)[number];
const ownEnd = (column: Column, r: RelationRecord) => (column.direction === 'out' ? r.from : r.to);
const otherEnd = (column: Column, r: RelationRecord) => (column.direction === 'out' ? r.to : r.from);

/** One cell to fill: the row's members, the column, the topic words, and the column's relations of those members. */
interface CellPlan {
  members: EntityRecord[];
  column: Column;
  topic: string[];
  relations: RelationRecord[];
}

interface Pick {
  value: string;
  relation: RelationRecord;
}

/**
 * Each cell's values in relation order: at most MAX_VALUES, on the topic, distinct, citable. Linked
 * entities are loaded a batch at a time for all open cells at once: a full cell stops its reading.
 */
async function pickValues(ctx: GraphContext, plans: CellPlan[], known: Map<string, EntityRecord>, citable: (relationId: string) => boolean): Promise<Pick[][]> {
  const picks: Pick[][] = plans.map(() => []);
  const next = plans.map(() => 0);
  const open = (i: number) => next[i] < plans[i].relations.length && picks[i].length < MAX_VALUES;
  while (plans.some((_, i) => open(i))) {
    const ends = plans.flatMap((plan, i) => (open(i) ? plan.relations.slice(next[i], next[i] + ENTITY_BATCH).map((r) => otherEnd(plan.column, r)) : []));
    const missing = [...new Set(ends)].filter((id) => !known.has(id));
    if (missing.length) for (const entity of await ctx.store.getEntities(missing)) known.set(entity.id, entity);
    plans.forEach((plan, i) => {
      if (!open(i)) return;
      const names = new Map(plan.members.map((m) => [m.id, m.name]));
      for (const rel of plan.relations.slice(next[i], next[i] + ENTITY_BATCH)) {
        if (picks[i].length >= MAX_VALUES) break;
        const other = known.get(otherEnd(plan.column, rel));
        if (!other || !relevant(other, plan.topic)) continue;
        const where = plan.members.length > 1 ? `（${names.get(ownEnd(plan.column, rel))}）` : '';
        const role = rel.props.role ? ` ${rel.props.role}` : '';
        const value = `${other.name}${role}${where}`;
        if (picks[i].some((p) => p.value === value) || !citable(rel.id)) continue;
        picks[i].push({ value, relation: rel });
      }
      next[i] += ENTITY_BATCH;
    });
  }
  return picks;
}

/**
 * A region row covers every place inside it, which can be thousands of facts: relations are read
 * without evidence, judged on the linked entity's own fields, and only the kept ones are cited, all
 * cells' in one read.
 */
async function fillCells(ctx: GraphContext, plans: CellPlan[], known: Map<string, EntityRecord>): Promise<Cell[]> {
  const first = new Map<string, Citation | null>();
  for (;;) {
    const picks = await pickValues(ctx, plans, known, (id) => first.get(id) !== null);
    const unread = [...new Set(picks.flat().map((p) => p.relation.id))].filter((id) => !first.has(id));
    const evidence = unread.length ? await ctx.store.evidenceOfMany(unread, 1) : new Map<string, EvidenceWithText[]>();
    for (const id of unread) {
      const [ev] = evidence.get(id) ?? [];
      first.set(id, ev ? toCitation(ev, ctx.fileOf) : null);
    }
    // A relation without evidence cannot be cited: pick again without it (the store keeps none such, so this is rare).
    if (unread.some((id) => first.get(id) === null)) continue;
    return picks.map((list) => {
      const citations = list.map((p) => first.get(p.relation.id)!);
      return { values: list.map((p) => p.value), citations: uniqueCitations(citations), items: list.map((p, i) => ({ value: p.value, citations: [citations[i]] })) };
    });
  }
}

/**
 * 比较兰州和平城区的网格力量配备: one row per organization or region (a region row covers every
 * place inside it), one cited cell per column, each value with its own citation; the question's
 * topic words narrow the cells.
 */
export async function compareTable(ctx: GraphContext, u: { entities: LinkedEntity[]; topic: string[] }): Promise<Table> {
  const actors = u.entities.filter((e) => e.entity.type === 'region' || e.entity.type === 'organization').slice(0, 4);
  const topic = u.topic.filter((t) => !/^(比较|对比|异同|区别|情况|两地|两个)$/.test(t));
  const membersOf: EntityRecord[][] = [];
  for (const actor of actors) membersOf.push(actor.entity.type === 'region' ? [...(await regionSubtree(ctx.store, actor.entity.id)).values()] : [actor.entity]);
  // Every row's three columns in one read (each column's own direction is picked out below).
  const everyMember = [...new Set(membersOf.flat().map((m) => m.id))];
  const relations = everyMember.length
    ? await ctx.store.relationsOfMany(everyMember, { types: COLUMNS.map((c) => c.relation), direction: 'both', withEvidence: false })
    : [];
  const plan = (members: EntityRecord[], column: Column, words: string[]): CellPlan => {
    const ids = new Set(members.map((m) => m.id));
    return { members, column, topic: words, relations: relations.filter((r) => r.type === column.relation && ids.has(ownEnd(column, r))) };
  };
  const plans = actors.flatMap((_, row) => COLUMNS.map((column) => plan(membersOf[row], column, topic)));
  // Topic words narrow a column only when something matches; people rarely mention the topic. The
  // fallback cells (the row's own leaders, any topic) are filled in the same reads, used when needed.
  const fallbacks = plans.flatMap((p, i) => (p.column.relation === 'LEADS' ? [i] : []));
  const filled = await fillCells(ctx, [...plans, ...fallbacks.map((i) => plan([actors[Math.floor(i / COLUMNS.length)].entity], plans[i].column, []))], new Map());
  const cells = filled.slice(0, plans.length);
  fallbacks.forEach((i, k) => {
    if (cells[i].values.length === 0) cells[i] = filled[plans.length + k];
  });
  const rows: Table['rows'] = actors.map((actor, row) => ({
    entity: { id: actor.entity.id, name: actor.entity.name },
    cells: cells.slice(row * COLUMNS.length, (row + 1) * COLUMNS.length),
  }));
  return { columns: COLUMNS.map((c) => c.title), rows };
}
