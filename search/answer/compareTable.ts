import type { EntityRecord, RelationRecord, RelationType } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
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

/**
 * A region row covers every place inside it, which can be thousands of facts: relations are read
 * without evidence, judged on the linked entity's own fields, and only the kept ones are cited.
 */
async function cellFor(ctx: GraphContext, members: EntityRecord[], column: (typeof COLUMNS)[number], topic: string[]): Promise<Cell> {
  const values: string[] = [];
  const citations: Citation[] = [];
  const items: { value: string; citations: Citation[] }[] = [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  const relations = await ctx.store.relationsOfMany([...names.keys()], { types: [column.relation], direction: column.direction, withEvidence: false });
  const ownEnd = (r: RelationRecord) => (column.direction === 'out' ? r.from : r.to);
  const otherEnd = (r: RelationRecord) => (column.direction === 'out' ? r.to : r.from);
  // Linked entities are loaded a batch at a time: a full cell stops the reading.
  for (let next = 0; next < relations.length && values.length < MAX_VALUES; next += ENTITY_BATCH) {
    for (const { relation: rel, entity: other } of await relationEnds(ctx.store, relations.slice(next, next + ENTITY_BATCH), otherEnd)) {
      if (values.length >= MAX_VALUES) break;
      if (!relevant(other, topic)) continue;
      const where = members.length > 1 ? `（${names.get(ownEnd(rel))}）` : '';
      const role = rel.props.role ? ` ${rel.props.role}` : '';
      const value = `${other.name}${role}${where}`;
      if (values.includes(value)) continue;
      const [evidence] = await ctx.store.evidenceOf(rel.id, 1);
      if (!evidence) continue;
      values.push(value);
      citations.push(toCitation(evidence, ctx.fileOf));
      items.push({ value, citations: [toCitation(evidence, ctx.fileOf)] });
    }
  }
  return { values, citations: uniqueCitations(citations), items };
}

/**
 * 比较兰州和平城区的网格力量配备: one row per organization or region (a region row covers every
 * place inside it), one cited cell per column, each value with its own citation; the question's
 * topic words narrow the cells.
 */
export async function compareTable(ctx: GraphContext, u: { entities: LinkedEntity[]; topic: string[] }): Promise<Table> {
  const actors = u.entities.filter((e) => e.entity.type === 'region' || e.entity.type === 'organization').slice(0, 4);
  const topic = u.topic.filter((t) => !/^(比较|对比|异同|区别|情况|两地|两个)$/.test(t));
  const rows: Table['rows'] = [];
  for (const actor of actors) {
    const members = actor.entity.type === 'region' ? [...(await regionSubtree(ctx.store, actor.entity.id)).values()] : [actor.entity];
    const cells: Cell[] = [];
    for (const column of COLUMNS) {
      let cell = await cellFor(ctx, members, column, topic);
      // Topic words narrow a column only when something matches; people rarely mention the topic.
      if (cell.values.length === 0 && column.relation === 'LEADS') cell = await cellFor(ctx, [actor.entity], column, []);
      cells.push(cell);
    }
    rows.push({ entity: { id: actor.entity.id, name: actor.entity.name }, cells });
  }
  return { columns: COLUMNS.map((c) => c.title), rows };
}
