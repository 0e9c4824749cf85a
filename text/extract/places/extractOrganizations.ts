import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import { refOf, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { extractPlaces } from './extractPlaces.js';
import { CJK, COALITIONS, GOVERNMENT_UNITS, PARTY_COMMITTEES, tokenBoundaries } from './lexicon.js';
import { findNamedOrganizations, type OrgCandidate } from './organizationNames.js';

/** Levels whose party committee is a body of its own (旌阳区委), not the place itself (福利路街道党工委). */
const COMMITTEE_LEVELS = new Set(['province', 'prefecture', 'county']);
/** Words before a bare level word that leave it bare (区委政研室 after 由, 从, 记者从). */
const BEFORE_BARE = /[\s,，。:：;；、)）(（”"“《》—]$|(?:由|从|在|经|向|与|和|及|据|对|将|把|被|是|了)$/;

/**
 * Organizations that are not places, by head word and context (see organizationNames.ts), plus those
 * that need the sentence's places: coalitions written after their place (畅家巷社区“畅大妈”志愿服务队,
 * 街道“大工委”), departments named after their place (遵义市委组织部, 中共远安县委办公室) or after a bare
 * level word (区委政研室, 县民政局), and the party committees of counties and wider places (旌阳区委). A
 * township's, community's or village's own party committee (福利路街道党工委) is the place and is not
 * returned here. Bodies written after a place (潘火街道党群服务中心) are PART_OF it. `places`: the
 * sentence's places when the caller has them (extractSentence), else they are found here.
 */
export function extractOrganizations(sentence: string, tokens?: Token[], places?: Mention[]): Extraction {
  const text = normalizeWidth(sentence);
  const toks = tokens ?? segment(sentence);
  const bounds = tokenBoundaries(toks);
  const regions = places ?? extractPlaces(sentence, toks).mentions;
  const named = findNamedOrganizations(text, toks).filter((c) => !coversPlaceOnly(c, regions));
  for (const c of named) {
    const owner = c.social || c.needsPlace ? regions.find((r) => r.start === c.start && r.end < c.end) : undefined;
    if (owner && !c.partOf) c.partOf = narrowestAt(owner, regions);
  }
  const accepted = named.filter((c) => !c.needsPlace || c.partOf);
  const candidates = [...accepted, ...findCoalitions(text, bounds, regions), ...findGovernment(text, regions), ...findBareGovernment(text)];
  const kept = resolve(candidates);
  const mentions: Mention[] = [];
  const relations: RelationCandidate[] = [];
  for (const c of kept) {
    const mention: Mention = { type: 'organization', name: c.name, key: c.key ?? normalizeKey(c.name), start: c.start, end: c.end, kind: c.kind };
    if (c.surface && c.surface !== c.name) mention.aliases = [c.surface];
    if (c.anonymised) mention.anonymised = true;
    if (c.generic) mention.props = { generic: true };
    mentions.push(mention);
    if (c.partOf) relations.push({ type: 'PART_OF', from: refOf(mention), to: refOf(c.partOf), start: c.start, end: c.end });
  }
  return { mentions, relations };
}

/** A name that is only a place and a head word the place rules took as part of the place (xx 油田 stays). */
function coversPlaceOnly(c: OrgCandidate, regions: Mention[]): boolean {
  return regions.some((r) => r.start <= c.start && c.end <= r.end);
}

/** 西固区福利路街道…: the last of the stacked places that open a name. */
function narrowestAt(first: Mention, regions: Mention[]): Mention {
  let last = first;
  for (let next = regions.find((r) => r.start === last.end); next; next = regions.find((r) => r.start === last.end)) last = next;
  return last;
}

/** “红色物业联盟”, 畅家巷社区“畅大妈”志愿服务队, 街道“大工委” (generic: scoped by the article). */
function findCoalitions(text: string, bounds: Set<number>, regions: Mention[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const { word, kind } of COALITIONS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (!bounds.has(end) && CJK.test(text[end] ?? '')) continue;
      const open = text.lastIndexOf('“', at);
      const close = text.indexOf('”', open);
      let start = at;
      let name = word;
      if (open >= 0 && close === end && end - open <= 14) {
        start = open + 1;
        name = text.slice(start, end);
      } else if (text[at - 1] === '”') {
        const qOpen = text.lastIndexOf('“', at - 1);
        if (qOpen >= 0 && at - qOpen <= 12) {
          start = qOpen;
          name = text.slice(qOpen + 1, at - 1) + word;
        }
      }
      const owner = regions.find((r) => r.end === start || r.end === start - 1);
      // A bare type word (大工委, “红色物业联盟”) names one body per article: the pipeline scopes it.
      const generic = name === word && !owner;
      out.push({
        start: owner && name === word ? owner.start : start,
        end,
        name: owner && name === word ? owner.name + word : name,
        kind,
        generic,
        ...(owner ? { partOf: owner } : {}),
      });
    }
  }
  return out;
}

/**
 * Departments written after their place (遵义市委组织部, 平城区老干局, 中共远安县委办公室 with 中共) and the
 * party committee of a county or wider place (旌阳区委把…).
 */
function findGovernment(text: string, regions: Mention[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const region of regions) {
    const unit = GOVERNMENT_UNITS.find((u) => text.startsWith(u, region.end));
    const committee = PARTY_COMMITTEES.find((c) => text.startsWith(c, region.end - 1) && region.name.endsWith(c[0]));
    let end: number;
    let kind: string;
    if (unit) {
      end = region.end + unit.length;
      kind = 'government';
    } else if (committee && COMMITTEE_LEVELS.has(region.level ?? '')) {
      end = region.end + 1;
      kind = 'party_committee';
    } else continue;
    const surface = text.slice(region.start, end).replace(/\s+/g, '');
    const party = text.slice(Math.max(0, region.start - 2), region.start) === '中共';
    out.push({
      start: party ? region.start - 2 : region.start,
      end,
      name: party ? `中共${surface}` : surface,
      kind,
      partOf: region,
      keep: true, // 区委政研室 inside 区委政研室课题组 is a body of its own
      ...(party ? { surface } : {}),
    });
  }
  return out;
}

/** 区委政研室, 县民政局 after a boundary: the article's county's department (generic: scoped by the article). */
function findBareGovernment(text: string): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  const re = new RegExp(`(?:省|市|州|县|区|旗)委?(?:${GOVERNMENT_UNITS.filter((u) => !u.startsWith('委')).join('|')})`, 'g');
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index!);
    if (before !== '' && !BEFORE_BARE.test(before)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, name: m[0], kind: 'government', generic: true, keep: true });
  }
  return out;
}

function resolve(candidates: OrgCandidate[]): OrgCandidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgCandidate[] = [];
  for (const c of ranked) {
    if (!c.keep && kept.some((k) => c.start < k.end && k.start < c.end && !k.keep)) continue;
    if (kept.some((k) => k.start === c.start && k.end === c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
