/**
 * Entity-level scoring of the generalization set (tests/eval/generalization/): labelled places,
 * organisations, practices, metrics and people against what the graph holds for each document.
 * Everything here is pure; tests/eval/runEntityEval.ts ingests the documents and reads the store.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { FileError } from '../../graph/errors.js';
import type { EntityType } from '../../graph/model.js';

// ---------- labels ----------

const nameList = z.array(z.string().min(1)).default([]);
const labelledDocumentSchema = z.object({
  file: z.string().min(1),
  genre: z.string().min(1),
  provinces: z.array(z.string()),
  split: z.enum(['tuning', 'held-out']),
  tuned: z.boolean(),
  places: z.array(z.object({
    name: z.string().min(1),
    level: z.string().nullable().optional(),
    parents: z.array(z.string()).default([]),
    code: z.string().regex(/^\d{2,12}$/).nullable().optional(),
    aliases: nameList,
  })),
  organizations: z.array(z.object({ name: z.string().min(1), aliases: nameList })).default([]),
  practices: z.array(z.object({ name: z.string().min(1), parts: nameList, aliases: nameList })),
  metrics: z.array(z.object({
    indicator: z.string().min(1),
    raw: z.string().min(1),
    value: z.number(),
    unit: z.string(),
    period: z.string().nullable().optional(),
    valueBefore: z.number().nullable().optional(),
  })),
  people: z.array(z.object({ name: z.string().min(1), role: z.string().nullable().optional(), of: z.string().nullable().optional() })),
  acceptable: z.object({
    region: nameList, organization: nameList, mechanism: nameList, person: nameList, metric: nameList,
  }).default({ region: [], organization: [], mechanism: [], person: [], metric: [] }),
});
const labelFileSchema = z.object({ documents: z.array(labelledDocumentSchema).min(1) });

export type LabelledDocument = z.infer<typeof labelledDocumentSchema>;
export type Split = LabelledDocument['split'];

/** Reads a label file; a malformed one fails with the file and the offending field named. */
export function loadLabels(file: string): LabelledDocument[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FileError('FILE_CORRUPT', file, `not readable JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = labelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FileError('FILE_CORRUPT', file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.documents;
}

// ---------- what the graph holds for one document ----------

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  kind?: string;
  props: Record<string, string | number | boolean | null>;
}

export interface ExtractedDocument {
  /** Entities with evidence in the document, each once. */
  entities: ExtractedEntity[];
  /** Practice id → names of its parts (HAS_PART). */
  parts: Record<string, string[]>;
  /** Person id → LEADS edges: the edge's role and the names (name + aliases) of the place or organisation led. */
  leads: Record<string, { role: string | null; target: string[] }[]>;
  /** Region id → its LOCATED_IN ancestors, nearest first, each with names and division code. */
  chains: Record<string, { names: string[]; code: string | null }[]>;
}

// ---------- matching ----------

/** NFKC, no whitespace, no quote marks: how a label and an extracted name are compared. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/[\s"'“”‘’「」『』〝〞《》〈〉]/gu, '');
}

function namesOf(entity: { name: string; aliases?: string[] }): string[] {
  return [entity.name, ...(entity.aliases ?? [])].map(normalizeName);
}

export function sameName(a: { name: string; aliases?: string[] }, b: { name: string; aliases?: string[] }): boolean {
  const left = new Set(namesOf(a));
  return namesOf(b).some((n) => left.has(n));
}

/** Loose text agreement for roles, indicators, periods and parts: one contains the other. */
export function overlaps(a: string, b: string): boolean {
  const x = normalizePeriod(normalizeName(a));
  const y = normalizePeriod(normalizeName(b));
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function normalizePeriod(text: string): string {
  return text.replace(/[—–－~～]/gu, '-');
}

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Moves 万/亿 from the front of a unit into the value: 286 万元 → 2860000 元. */
export function foldUnit(value: number, unit: string): { value: number; unit: string } {
  const u = normalizeName(unit);
  const multiplier = MULTIPLIERS[u[0] ?? ''];
  return multiplier && u.length > 1 ? { value: value * multiplier, unit: u.slice(1) } : { value, unit: u };
}

/** `1.6万张` → 16000 张; `3800余人次` → 3800 人次; `95.3%` → 95.3 %; `两家` → 2 家. Null without a leading number. */
export function parseQuantity(raw: string): { value: number; unit: string } | null {
  const text = normalizeName(raw);
  const m = /^(\d+(?:\.\d+)?)(万|亿)?(?:余|多)?(.*)$/u.exec(text);
  if (m) return { value: Number(m[1]) * (MULTIPLIERS[m[2] ?? ''] ?? 1), unit: m[3]! };
  const digit = CHINESE_DIGITS[text[0] ?? ''];
  return digit !== undefined && text.length > 1 ? { value: digit, unit: text.slice(1) } : null;
}

/** An extracted metric's value and unit, with 万/亿 folded into the value whichever side holds it. */
export function metricQuantity(props: ExtractedEntity['props']): { value: number; unit: string } | null {
  if (typeof props.value === 'number') return foldUnit(props.value, String(props.unit ?? ''));
  return typeof props.raw === 'string' ? parseQuantity(props.raw) : null;
}

function sameQuantity(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value)) && normalizeName(a.unit) === normalizeName(b.unit);
}

// ---------- scores ----------

export interface Count {
  hit: number;
  total: number;
}

export interface TypeScore {
  /** Labelled items found / labelled items. */
  recall: Count;
  /** Extracted entities matching a labelled item / extracted entities not merely acceptable. */
  precision: Count;
  missed: string[];
  spurious: string[];
}

export interface DocumentScore {
  file: string;
  split: Split;
  types: Record<EntityType, TypeScore>;
  indicator: Count;
  period: Count;
  before: Count;
  parts: Count;
  roles: Count;
  /** Labelled places below province level with a division code that were found, whose chain equals the labelled parents. */
  chains: Count;
  /** As `chains`, but every labelled coded place counts, found or not. */
  chainsAll: Count;
  errors: string[];
}

const count = (): Count => ({ hit: 0, total: 0 });
const add = (c: Count, ok: boolean) => { c.total += 1; if (ok) c.hit += 1; };

interface NamedLabel { name: string; aliases?: string[] }

/** Name-matched precision and recall of one entity type. */
export function scoreNamed(labels: NamedLabel[], acceptable: string[], extracted: ExtractedEntity[]): TypeScore {
  const score: TypeScore = { recall: count(), precision: count(), missed: [], spurious: [] };
  for (const label of labels) {
    const found = extracted.some((e) => sameName(e, label));
    add(score.recall, found);
    if (!found) score.missed.push(label.name);
  }
  const ok = new Set(acceptable.map(normalizeName));
  for (const entity of extracted) {
    if (labels.some((l) => sameName(entity, l))) add(score.precision, true);
    else if (!namesOf(entity).some((n) => ok.has(n))) {
      add(score.precision, false);
      score.spurious.push(entity.name);
    }
  }
  return score;
}

/** Metrics match on value + unit, one extracted metric per label, preferring the one with the right indicator. */
export function scoreMetrics(labels: LabelledDocument['metrics'], acceptable: string[], extracted: ExtractedEntity[]) {
  const score: TypeScore = { recall: count(), precision: count(), missed: [], spurious: [] };
  const indicator = count(), period = count(), before = count();
  const quantities = extracted.map((e) => metricQuantity(e.props));
  const wanted = labels.map((l) => foldUnit(l.value, l.unit));
  const used = new Set<number>();
  for (const [n, label] of labels.entries()) {
    const candidates = extracted.map((_, i) => i).filter((i) => !used.has(i) && quantities[i] && sameQuantity(quantities[i]!, wanted[n]!));
    const rightIndicator = (i: number) => overlaps(String(extracted[i]!.props.indicator ?? ''), label.indicator);
    const pick = candidates.find(rightIndicator) ?? candidates[0];
    add(score.recall, pick !== undefined);
    if (pick === undefined) {
      score.missed.push(`${label.indicator} ${label.raw}`);
      continue;
    }
    used.add(pick);
    const props = extracted[pick]!.props;
    // The corpus labels name figures only, without an indicator to check.
    if (label.indicator) add(indicator, rightIndicator(pick));
    if (label.period) add(period, overlaps(String(props.period ?? props.year ?? ''), label.period));
    if (label.valueBefore !== undefined && label.valueBefore !== null) {
      // valueBefore is in the label's own unit (286 万元 before → 300 万元 after).
      const scale = label.value === 0 ? 1 : wanted[n]!.value / label.value;
      const got = typeof props.valueBefore === 'number' ? foldUnit(props.valueBefore, String(props.unit ?? '')).value : null;
      add(before, got !== null && Math.abs(got - label.valueBefore * scale) <= 1e-9 * Math.max(1, Math.abs(got)));
    }
  }
  const ok = acceptable.map(parseQuantity).filter((q): q is { value: number; unit: string } => q !== null);
  extracted.forEach((entity, i) => {
    const q = quantities[i];
    if (q && wanted.some((w) => sameQuantity(q, w))) add(score.precision, true);
    else if (!(q && ok.some((a) => sameQuantity(q, a)))) {
      add(score.precision, false);
      score.spurious.push(String(entity.props.raw ?? entity.name));
    }
  });
  return { score, indicator, period, before };
}

function byType(extracted: ExtractedDocument, type: EntityType): ExtractedEntity[] {
  // Practice parts are scored as parts, not as practices of their own.
  return extracted.entities.filter((e) => e.type === type && !(type === 'mechanism' && e.kind === 'part'));
}

/** Expected division codes of a code's ancestors, nearest first (`510603004` → 510603, 5106, 51). */
export function ancestorCodes(code: string): string[] {
  return [9, 6, 4, 2].filter((n) => n < code.length).map((n) => code.slice(0, n));
}

export function chainMatches(
  labelled: { parents: string[]; code?: string | null },
  chain: { names: string[]; code: string | null }[],
): boolean {
  if (chain.length !== labelled.parents.length) return false;
  const codes = labelled.code ? ancestorCodes(labelled.code) : [];
  return labelled.parents.every((parent, i) => {
    const link = chain[i]!;
    return link.names.map(normalizeName).includes(normalizeName(parent)) || (link.code !== null && link.code === codes[i]);
  });
}

export function scoreDocument(label: LabelledDocument, extracted: ExtractedDocument): DocumentScore {
  const regions = byType(extracted, 'region');
  const people = byType(extracted, 'person');
  const mechanisms = byType(extracted, 'mechanism');
  const personNames = [...new Set(label.people.map((p) => p.name))].map((name) => ({ name }));
  const metric = scoreMetrics(label.metrics, label.acceptable.metric, byType(extracted, 'metric'));
  const score: DocumentScore = {
    file: label.file,
    split: label.split,
    types: {
      // Ancestors the text never names (佛山市 above 南海区) are right when added from the division list.
      region: scoreNamed(label.places, [...label.acceptable.region, ...label.places.flatMap((p) => p.parents)], regions),
      organization: scoreNamed(label.organizations, label.acceptable.organization, byType(extracted, 'organization')),
      mechanism: scoreNamed(label.practices, label.acceptable.mechanism, mechanisms),
      person: scoreNamed(personNames, label.acceptable.person, people),
      metric: metric.score,
    },
    indicator: metric.indicator,
    period: metric.period,
    before: metric.before,
    parts: count(),
    roles: count(),
    chains: count(),
    chainsAll: count(),
    errors: [],
  };

  for (const practice of label.practices) {
    const matches = mechanisms.filter((m) => sameName(m, practice));
    const partNames = matches.flatMap((m) => extracted.parts[m.id] ?? []);
    for (const part of practice.parts) {
      const ok = partNames.some((p) => overlaps(p, part));
      add(score.parts, ok);
      if (!ok) score.errors.push(`part missing: ${practice.name} → ${part}`);
    }
  }

  for (const person of label.people) {
    if (!person.role) continue;
    const role = person.role;
    const matches = people.filter((p) => sameName(p, person));
    const ok = matches.some((p) => {
      const edges = extracted.leads[p.id] ?? [];
      if (!person.of) {
        return overlaps(String(p.props.role ?? ''), role) || edges.some((e) => overlaps(e.role ?? '', role));
      }
      return edges.some((e) => overlaps(e.role ?? String(p.props.role ?? ''), role) && e.target.some((t) => overlaps(t, person.of!)));
    });
    add(score.roles, ok);
    if (!ok) score.errors.push(`role wrong: ${person.name} ${role}${person.of ? ` of ${person.of}` : ''}`);
  }

  for (const place of label.places) {
    // A province's empty chain is right by construction; counting it would flatter the figure.
    if (!place.code || place.parents.length === 0) continue;
    const matches = regions.filter((r) => sameName(r, place));
    const ok = matches.some((r) => chainMatches(place, extracted.chains[r.id] ?? []));
    add(score.chainsAll, ok);
    if (matches.length > 0) add(score.chains, ok);
    if (matches.length > 0 && !ok) {
      const shown = (extracted.chains[matches[0]!.id] ?? []).map((l) => l.names[0]).join('→') || '(none)';
      score.errors.push(`chain wrong: ${place.name} → ${shown}, expected ${place.parents.join('→')}`);
    }
  }
  return score;
}

// ---------- aggregation and report ----------

export const ENTITY_TYPE_ORDER: EntityType[] = ['region', 'organization', 'mechanism', 'person', 'metric'];
const DETAIL_KEYS = ['indicator', 'period', 'before', 'parts', 'roles', 'chains', 'chainsAll'] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];

export interface Totals {
  documents: number;
  types: Record<EntityType, { recall: Count; precision: Count }>;
  details: Record<DetailKey, Count>;
}

export function totals(scores: DocumentScore[]): Totals {
  const sum = (pick: (s: DocumentScore) => Count): Count =>
    scores.reduce((acc, s) => ({ hit: acc.hit + pick(s).hit, total: acc.total + pick(s).total }), count());
  const types = Object.fromEntries(ENTITY_TYPE_ORDER.map((t) => [t, {
    recall: sum((s) => s.types[t].recall),
    precision: sum((s) => s.types[t].precision),
  }])) as Totals['types'];
  const details = Object.fromEntries(DETAIL_KEYS.map((k) => [k, sum((s) => s[k])])) as Totals['details'];
  return { documents: scores.length, types, details };
}

/** hit/total, or null when nothing was counted (shown as "—", never as a perfect score). */
export function ratio(c: Count): number | null {
  return c.total === 0 ? null : c.hit / c.total;
}

export function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const cell = (x: number | null) => (x === null ? '   —' : x.toFixed(2));
const frac = (c: Count) => `${c.hit}/${c.total}`.padStart(9);

const DETAIL_LABELS: Record<DetailKey, string> = {
  indicator: 'metric indicator',
  period: 'metric period',
  before: 'metric before→after',
  parts: 'practice parts recall',
  roles: 'person role (LEADS)',
  chains: 'chain (found places)',
  chainsAll: 'chain (all coded)',
};

/** A plain-text table: one block per split, precision/recall/F1 per entity type, then accuracies. */
export function formatReport(groups: { title: string; totals: Totals }[]): string {
  const lines: string[] = [];
  for (const { title, totals: t } of groups) {
    lines.push(`${title} (${t.documents} documents)`);
    lines.push(`  ${'type'.padEnd(14)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   precision    recall`);
    for (const type of ENTITY_TYPE_ORDER) {
      const { precision, recall } = t.types[type];
      const p = ratio(precision), r = ratio(recall);
      lines.push(`  ${type.padEnd(14)} ${cell(p).padStart(5)} ${cell(r).padStart(5)} ${cell(f1(p, r)).padStart(5)} ${frac(precision)} ${frac(recall)}`);
    }
    for (const key of DETAIL_KEYS) {
      lines.push(`  ${DETAIL_LABELS[key].padEnd(24)} ${cell(ratio(t.details[key])).padStart(5)} ${frac(t.details[key])}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
