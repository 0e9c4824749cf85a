import type { EntityRecord, EvidenceWithText } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { Constraints, Slot } from '../query/answerTypes.js';
import { collect, item, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation } from './citations.js';
import { bestByTopic, topicScore } from './topicScore.js';

const RATE = /率$/;
const CHANGE_WORD = /同比|环比|增长|下降|增幅|降幅/;

/** A metric's display: 满意率 97.4%, or 网格 86个→61个 for a before → after pair. */
export function metricName(metric: EntityRecord, asksChange: boolean): string {
  const { indicator, raw, rawBefore, valueBefore, unit } = metric.props;
  if (asksChange && valueBefore !== undefined && valueBefore !== null) {
    const before = rawBefore ?? `${valueBefore}${unit ?? ''}`;
    return `${indicator ?? ''} ${before}→${raw ?? metric.props.value}`.trim();
  }
  return metric.name;
}

/**
 * Does the metric fit the year asked? A year in the question selects that year's figures and
 * nothing else: a figure of another year, or of no stated year, is not the answer.
 */
export function fitsYear(metric: EntityRecord, year: number | undefined): boolean {
  if (year === undefined) return true;
  if (typeof metric.props.year === 'number') return metric.props.year === year;
  return String(metric.props.period ?? '').includes(String(year));
}

/** Judges one metric against one slot: null when it cannot answer it, else its topic score. */
export function metricFit(metric: EntityRecord, slot: Slot, constraints: Pick<Constraints, 'year'>): number | null {
  const indicator = String(metric.props.indicator ?? metric.name);
  const topic = slot.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (slot.unit && metric.props.unit !== slot.unit) return null;
  if (slot.asksRate && !RATE.test(indicator) && metric.props.unit !== '%') return null;
  if (!slot.asksChange && !topic.some((t) => CHANGE_WORD.test(t)) && metric.props.change) return null;
  if (slot.asksChange && (metric.props.valueBefore === undefined || metric.props.valueBefore === null)) return null;
  if (!fitsYear(metric, constraints.year)) return null;
  return topicScore([indicator], topic);
}

/**
 * 酒泉路街道的满意率是多少 / 2022年受理了多少件，办结率是多少: per slot, the subject's metrics whose
 * indicator best names the slot's words, in the unit, rate, year and before → after asked.
 */
export async function placeMetrics(ctx: GraphContext, slot: Slot, constraints: Constraints, slotIndex: number): Promise<AnswerItem[]> {
  const topic = slot.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (topic.length === 0 && !slot.asksChange) return [];
  // Metrics are many (a district reports hundreds): rank on their own fields, then load evidence for the winners only.
  const candidates: { value: { relationId: string; actor: string; metric: EntityRecord }; score: number }[] = [];
  // Every subject's attached bodies, metrics and metric entities in three reads.
  const actorIds = slot.subjects.map((s) => s.entity.id);
  const parts = actorIds.length ? await ctx.store.relationsOfMany(actorIds, { types: ['PART_OF'], direction: 'in', withEvidence: false }) : [];
  const ownersOf = (id: string) => [id, ...parts.filter((r) => r.to === id).map((r) => r.from)];
  const everyOwner = [...new Set(actorIds.flatMap(ownersOf))];
  const reportedByAny = everyOwner.length ? await ctx.store.relationsOfMany(everyOwner, { types: ['HAS_METRIC'], direction: 'out', withEvidence: false }) : [];
  const metrics = new Map((await relationEnds(ctx.store, reportedByAny, (r) => r.to)).map(({ relation, entity }) => [relation.id, entity]));
  for (const actor of slot.subjects) {
    const owners = ownersOf(actor.entity.id);
    const reported = reportedByAny.filter((r) => owners.includes(r.from));
    for (const { relation: rel, entity: metric } of reported.flatMap((relation) => (metrics.has(relation.id) ? [{ relation, entity: metrics.get(relation.id)! }] : []))) {
      const score = metricFit(metric, slot, constraints);
      if (score === null) continue;
      candidates.push({ value: { relationId: rel.id, actor: actor.entity.name, metric }, score: slot.asksChange && topic.length === 0 ? 1 : score });
    }
  }
  const found = new Map<string, AnswerItem>();
  const winners = bestByTopic(candidates, topic.length ? topic : ['_'], topic.length ? 0.4 : 0);
  const evidence = winners.length ? await ctx.store.evidenceOfMany(winners.map((w) => w.relationId)) : new Map<string, EvidenceWithText[]>();
  for (const { relationId, actor, metric } of winners) {
    const citations = (evidence.get(relationId) ?? []).map((e) => toCitation(e, ctx.fileOf));
    const name = metricName(metric, slot.asksChange);
    if (citations.length) collect(found, { ...item(metric, citations, `${actor} ${String(metric.props.indicator ?? '')}`.trim(), { slot: slotIndex }), name });
  }
  return [...found.values()];
}
