import type { EntityRecord, EvidenceWithText } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { Constraints, Slot } from '../query/answerTypes.js';
import { collect, item, type AnswerItem, type GraphContext } from './answerItems.js';
import { toCitation } from './citations.js';
import { sideOfYear } from './changeValues.js';
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
 * nothing else: a figure of another year, or of no stated year, is not the answer. A before → after
 * metric fits through its before side when its sentence writes the year there (由2023年的81.6%…).
 */
export function fitsYear(metric: EntityRecord, year: number | undefined, sentence?: string): boolean {
  return yearSide(metric, year, sentence) !== null;
}

/** Which value of the metric is the year's: 'after' (its value), 'before' (valueBefore), or null. */
export function yearSide(metric: EntityRecord, year: number | undefined, sentence?: string): 'before' | 'after' | null {
  if (year === undefined || metric.props.year === year) return 'after';
  const { raw, rawBefore, valueBefore, unit } = metric.props;
  if (sentence && valueBefore !== undefined && valueBefore !== null) {
    const side = sideOfYear(sentence, String(rawBefore ?? `${valueBefore}${unit ?? ''}`), String(raw ?? metric.props.value), year);
    if (side) return side;
  }
  if (typeof metric.props.year === 'number') return null;
  return String(metric.props.period ?? '').includes(String(year)) ? 'after' : null;
}

/** The metric as the answer to a year: its before value when the year is the before side's. */
export function metricNameAt(metric: EntityRecord, asksChange: boolean, side: 'before' | 'after' | null): string {
  if (side !== 'before' || asksChange) return metricName(metric, asksChange);
  const { indicator, rawBefore, valueBefore, unit } = metric.props;
  return `${indicator ?? ''} ${rawBefore ?? `${valueBefore}${unit ?? ''}`}`.trim();
}

/** A stated period of the question that the metric's own period contradicts (上半年 asked, 全年 given). */
export function periodClash(metric: EntityRecord, period: string | undefined): boolean {
  const own = String(metric.props.period ?? '');
  return Boolean(period && own && !own.includes(period) && !period.includes(own));
}

/** Judges one metric against one slot: null when it cannot answer it, else its topic score. */
export function metricFit(metric: EntityRecord, slot: Slot, constraints: Pick<Constraints, 'year' | 'period'>, sentence?: string): number | null {
  const indicator = String(metric.props.indicator ?? metric.name);
  const topic = slot.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (slot.unit && metric.props.unit !== slot.unit) return null;
  if (slot.asksRate && !RATE.test(indicator) && metric.props.unit !== '%') return null;
  // A change alone (同比下降18.7%) is no level; a before → after pair's values are levels.
  const hasBefore = metric.props.valueBefore !== undefined && metric.props.valueBefore !== null;
  if (!slot.asksChange && !topic.some((t) => CHANGE_WORD.test(t)) && metric.props.change && !hasBefore) return null;
  if (slot.asksChange && !hasBefore) return null;
  if (!fitsYear(metric, constraints.year, sentence)) return null;
  // The indicator must name a word of the question, not only 率: 办结率 does not answer 响应率 (响应 + 率).
  const specific = topic.filter((t) => t.length >= 2);
  if (specific.length && topicScore([indicator], specific) === 0) return null;
  // A figure of another period than the one asked counts half: the period's own figure wins. Among
  // figures naming the same words, the one the words cover most wins (网格 over 专属网格: a qualifier the
  // question does not say makes a sub-figure).
  return (topicScore([indicator], topic) + COVERAGE_WEIGHT * coverage(indicator, topic)) * (periodClash(metric, constraints.period) ? 0.5 : 1);
}

/** Weight of the coverage tie-break: below any difference of one topic word. */
const COVERAGE_WEIGHT = 0.1;

/** Share of the indicator's characters that the question's words account for (0–1). */
export function coverage(indicator: string, topic: string[]): number {
  const covered = new Set<number>();
  for (const word of topic) {
    for (let at = indicator.indexOf(word); at >= 0; at = indicator.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) covered.add(i);
    }
  }
  return indicator.length ? covered.size / indicator.length : 0;
}

/**
 * 酒泉路街道的满意率是多少 / 2022年受理了多少件，办结率是多少: per slot, the subject's metrics whose
 * indicator best names the slot's words, in the unit, rate, year and before → after asked.
 */
export async function placeMetrics(ctx: GraphContext, slot: Slot, constraints: Constraints, slotIndex: number): Promise<AnswerItem[]> {
  const topic = slot.topic.filter((t) => t.length >= 2 || /率/.test(t));
  if (topic.length === 0 && !slot.asksChange) return [];
  // Metrics are many (a district reports hundreds): rank on their own fields, then load evidence for the winners only.
  const candidates: { value: { relationId: string; actor: string; metric: EntityRecord; side: 'before' | 'after' | null }; score: number }[] = [];
  // Every subject's attached bodies, metrics and metric entities in three reads.
  const actorIds = slot.subjects.map((s) => s.entity.id);
  const parts = actorIds.length ? await ctx.store.relationsOfMany(actorIds, { types: ['PART_OF'], direction: 'in', withEvidence: false }) : [];
  const ownersOf = (id: string) => [id, ...parts.filter((r) => r.to === id).map((r) => r.from)];
  const everyOwner = [...new Set(actorIds.flatMap(ownersOf))];
  const reportedByAny = everyOwner.length ? await ctx.store.relationsOfMany(everyOwner, { types: ['HAS_METRIC'], direction: 'out', withEvidence: false }) : [];
  const metrics = new Map((await relationEnds(ctx.store, reportedByAny, (r) => r.to)).map(({ relation, entity }) => [relation.id, entity]));
  // A before → after figure may be the year's by its before side: only its sentence says so. Those
  // sentences are read in one round trip, for the figures that do not fit the year on their own fields.
  const needsSentence = constraints.year === undefined ? [] : [...metrics].filter(([, m]) => m.props.valueBefore != null && metricFit(m, slot, constraints) === null).map(([id]) => id);
  const sentences = needsSentence.length ? await ctx.store.evidenceOfMany(needsSentence) : new Map<string, EvidenceWithText[]>();
  for (const actor of slot.subjects) {
    const owners = ownersOf(actor.entity.id);
    const reported = reportedByAny.filter((r) => owners.includes(r.from));
    for (const { relation: rel, entity: metric } of reported.flatMap((relation) => (metrics.has(relation.id) ? [{ relation, entity: metrics.get(relation.id)! }] : []))) {
      const sentence = sentences.get(rel.id)?.map((e) => e.text).join('\n');
      const score = sentence === undefined ? metricFit(metric, slot, constraints) : metricFit(metric, slot, constraints, sentence);
      if (score === null) continue;
      const side = yearSide(metric, constraints.year, sentence);
      candidates.push({ value: { relationId: rel.id, actor: actor.entity.name, metric, side }, score: slot.asksChange && topic.length === 0 ? 1 : score });
    }
  }
  const found = new Map<string, AnswerItem>();
  const winners = bestByTopic(candidates, topic.length ? topic : ['_'], topic.length ? 0.4 : 0);
  const evidence = winners.length ? await ctx.store.evidenceOfMany(winners.map((w) => w.relationId)) : new Map<string, EvidenceWithText[]>();
  for (const { relationId, actor, metric, side } of winners) {
    const citations = (evidence.get(relationId) ?? []).map((e) => toCitation(e, ctx.fileOf));
    const name = metricNameAt(metric, slot.asksChange, side);
    if (citations.length) collect(found, { ...item(metric, citations, `${actor} ${String(metric.props.indicator ?? '')}`.trim(), { slot: slotIndex }), name });
  }
  return [...found.values()];
}
