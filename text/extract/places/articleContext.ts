import { normalizeKey } from '../../segment/index.js';
import type { ArticleContext, Mention } from '../types.js';
import { extractOrganizations } from './extractOrganizations.js';
import { extractPlaces } from './extractPlaces.js';
import { ancestors, lookupPlace, rankOf, type Place } from './gazetteer.js';

export interface ArticleContextInput {
  docTitle: string;
  articleTitle: string;
  byline?: string;
  /** The first ~300 characters of the article body. */
  leadText?: string;
  docContext?: ArticleContext;
}

/**
 * Where a whole document is set: the places of its title (兰州市乡镇街道党（工）委书记…汇编 → 兰州市),
 * else the place that most named places of its lead lie in (a table of contents of 兰州 districts →
 * 兰州市; 平城区 ×3 → 大同市 › 平城区). Chains are completed from the gazetteer up to the prefecture.
 * Offsets of context mentions point into the string they were read from (0 when inferred).
 */
export function documentContext(docTitle: string, leadText: string): ArticleContext {
  const inTitle = regionsOf(docTitle, true);
  const target = narrowest(inTitle) ?? dominantPlace(regionsOf(leadText, false));
  if (!target) return { regions: [] };
  return { regions: buildChain(target, inTitle), subject: target };
}

/**
 * Where one article is set and whom it is about: the narrowest place of the byline (西固区福利路街道党工委书记
 * 牟辉 → 福利路街道), else of the article title, else the subject of the lead's first clauses; the chain runs
 * from the widest place the document or article names (兰州市) down to it: [兰州市, 西固区, 福利路街道].
 */
export function articleContext(input: ArticleContextInput): ArticleContext {
  const base = input.docContext ?? documentContext(input.docTitle, '');
  const inByline = input.byline ? regionsOf(input.byline, true) : [];
  const inTitle = regionsOf(input.articleTitle, true);
  const lead = input.leadText ? leadSubject(input.leadText) : undefined;
  const target = narrowest(inByline) ?? narrowest(inTitle) ?? (lead?.type === 'region' ? lead : undefined);
  if (!target) {
    const bylineOrg = input.byline ? extractOrganizations(input.byline).mentions.find((m) => !m.props?.generic) : undefined;
    return { regions: base.regions, subject: bylineOrg ?? lead ?? base.subject };
  }
  const explicit = [...inByline, ...inTitle, ...base.regions];
  return { regions: buildChain(target, explicit), subject: target };
}

function regionsOf(text: string, withAnonymised: boolean): Mention[] {
  if (!text) return [];
  const books = [...text.matchAll(/《[^》]*》/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  return extractPlaces(text).mentions.filter(
    (m) => (withAnonymised || !m.anonymised) && !books.some((b) => b.start <= m.start && m.end <= b.end),
  );
}

/** The deepest mention; the last one written wins a tie (西固区福利路街道 → 福利路街道). */
function narrowest(mentions: Mention[]): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) if (!best || rankOf(m.level) >= rankOf(best.level)) best = m;
  return best;
}

/** The deepest known place that at least half of the known mentions lie in (or are). */
function dominantPlace(mentions: Mention[]): Mention | undefined {
  const known = mentions.filter((m) => lookupPlace(m.name));
  if (known.length === 0) return mentions[0];
  const cover = new Map<string, { place: Place; count: number; first: number }>();
  known.forEach((m, index) => {
    for (const place of ancestors(m.name)) {
      const entry = cover.get(place.name) ?? { place, count: 0, first: index };
      entry.count++;
      cover.set(place.name, entry);
    }
  });
  const majority = [...cover.values()].filter((c) => c.count * 2 >= known.length);
  majority.sort((a, b) => rankOf(b.place.level) - rankOf(a.place.level) || b.count - a.count || a.first - b.first);
  const chosen = majority[0];
  if (!chosen) return undefined;
  return known.find((m) => m.name === chosen.place.name) ?? inferred(chosen.place);
}

/**
 * The chain from the widest place to `target`: the gazetteer's ancestors of the target, cut at the
 * widest one the text names (else at the prefecture); unknown places keep the wider ones the text names.
 */
function buildChain(target: Mention, explicit: Mention[]): Mention[] {
  const lineage = ancestors(target.name);
  if (lineage.length === 0) {
    const wider = explicit.filter((m) => rankOf(m.level) < rankOf(target.level));
    const byLevel = new Map<string, Mention>();
    for (const m of wider) if (m.level && !byLevel.has(m.level)) byLevel.set(m.level, m);
    return [...[...byLevel.values()].sort((a, b) => rankOf(a.level) - rankOf(b.level)), target];
  }
  const named = new Map(explicit.map((m) => [m.key, m]));
  const namedAncestors = lineage.slice(1).filter((p) => named.has(normalizeKey(p.name)));
  const top = namedAncestors[namedAncestors.length - 1];
  const cut = top ? rankOf(top.level) : Math.min(rankOf(target.level), rankOf('prefecture'));
  return lineage
    .filter((p) => rankOf(p.level) >= cut)
    .reverse()
    .map((p) => (normalizeKey(p.name) === target.key ? target : (named.get(normalizeKey(p.name)) ?? inferred(p))));
}

function inferred(place: Place): Mention {
  const mention: Mention = { type: 'region', name: place.name, key: normalizeKey(place.name), start: 0, end: 0, level: place.level };
  if (place.aliases.length) mention.aliases = [...place.aliases];
  mention.props = { source: 'division' };
  return mention;
}

/** The first region or organization that opens a clause of the lead (本报讯（记者 吴华）近年来，西水磨村党支部…). */
function leadSubject(leadText: string): Mention | undefined {
  for (const sentence of leadText.split(/[。！？\n]/)) {
    const places = regionsOf(sentence, true);
    const orgs = extractOrganizations(sentence).mentions.filter((m) => !m.props?.generic);
    const candidates = [...places, ...orgs].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const c of candidates) {
      const clause = sentence.slice(0, c.start).split(/[，,。；;：:\s）)】\]]/).pop() ?? '';
      if (clause !== '') continue;
      if (c.type !== 'region') return c;
      // A stacked name opening the clause (平城区新旺街道): its narrowest part is the subject.
      let last = c;
      for (const next of places) if (next.start === last.end && rankOf(next.level) > rankOf(last.level)) last = next;
      return last;
    }
  }
  return undefined;
}
