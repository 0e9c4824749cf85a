import type { EntityWithEvidence, Evidence } from '../../graph/model.js';
import { divisionIndex, divisionKey, lookupPlace, resolveDivisions, splitSuffix, surfaceForms, type Division, type DocumentScope } from '../../text/extract/places/index.js';
import type { Mention, MentionRef } from '../../text/extract/index.js';
import type { GraphAssembler } from './GraphAssembler.js';

const regionRef = (entity: EntityWithEvidence): MentionRef => ({ type: 'region', key: entity.key });

/**
 * Region identity for one document, once all of it is read: each place name becomes the division
 * it resolves to (key from its code, props.code, merged across documents), or stays scoped to this
 * document when the name is shared and nothing in the document tells which one it is. Resolved
 * places get their LOCATED_IN chain from the codes up to the province (props.source 'division'),
 * cited with the place's own mention.
 */
export function resolveDocumentRegions(
  assembler: GraphAssembler,
  scope: DocumentScope,
  text: string,
  passageOf: (start: number) => string | undefined,
): void {
  const regions = assembler.mentionsOfType('region').filter((e) => !e.scopeDocId);
  mergeShortForms(assembler, regions, text);
  const live = assembler.mentionsOfType('region').filter((e) => !e.scopeDocId);
  const within = new Map<string, string[]>();
  for (const r of assembler.result().relations) {
    if (r.type === 'LOCATED_IN' && (r.props.source === 'text' || r.props.source === 'article context')) within.set(r.from, [...(within.get(r.from) ?? []), r.to]);
  }
  const resolved = resolveDivisions(live.map((e) => ({ id: e.id, candidates: candidatesOf(e, scope), within: within.get(e.id) ?? [] })));
  const chains: { entity: EntityWithEvidence; division: Division }[] = [];
  for (const entity of live) {
    const division = resolved.get(entity.id);
    if (division) {
      assembler.rekey(regionRef(entity), divisionKey(division.code), { scoped: false, props: { code: division.code } });
      chains.push({ entity, division });
    } else {
      assembler.rekey(regionRef(entity), entity.key, { scoped: true });
    }
  }
  for (const { entity, division } of chains) addDivisionChain(assembler, entity, division, text, passageOf);
}

/** Every division a region entity's names can be: the national list, or the communities of the document's own districts. */
function candidatesOf(entity: EntityWithEvidence, scope: DocumentScope): Division[] {
  const out = new Map<string, Division>();
  for (const name of [entity.name, ...entity.aliases]) {
    for (const d of lookupPlace(name)?.candidates ?? []) out.set(d.code, d);
    if (entity.level === 'community') for (const d of scope.community(name)) out.set(d.code, d);
  }
  return [...out.values()];
}

/**
 * A province or prefecture written without its suffix whose name part is that of a place the same
 * document writes in full at another level is that place: 大同 in a report on 永登县大同镇 is the
 * town, not 大同市.
 */
function mergeShortForms(assembler: GraphAssembler, regions: EntityWithEvidence[], text: string): void {
  const byNamePart = new Map<string, EntityWithEvidence>();
  for (const e of regions) {
    const part = splitSuffix(e.name)?.namePart;
    if (part) byNamePart.set(part, e);
  }
  for (const e of regions) {
    // Only when the document never writes the full name: 大同 alone, never 大同市.
    if (text.includes(e.name)) continue;
    const shortForms = e.aliases.filter((a) => !splitSuffix(a) && a !== e.name);
    const other = shortForms.map((s) => byNamePart.get(s)).find((o) => o && o !== e && o.level !== e.level);
    if (other) assembler.rekey(regionRef(e), other.key, { scoped: false });
  }
}

/**
 * LOCATED_IN links from the codes, up to the province, cited with the place's own mention. An
 * ancestor that was not extracted as a mention is cited where the document writes its name (兰州
 * inside a longer word); one the document never names (成都市 in a report that only writes
 * 武侯区玉林街道) is cited with the descendant's mention, whose code proves it (props.citedBy).
 */
function addDivisionChain(assembler: GraphAssembler, entity: EntityWithEvidence, division: Division, text: string, passageOf: (start: number) => string | undefined): void {
  const evidence = entity.evidence[0];
  if (!evidence) return;
  const lineage = divisionIndex().lineage(division.code);
  let child = lineage[0];
  for (const parent of lineage.slice(1)) {
    const parentRef: MentionRef = { type: 'region', key: divisionKey(parent.code) };
    if (!assembler.has(parentRef)) {
      const cited = citeByName(parent, text, evidence.docId, passageOf);
      const mention: Mention = {
        type: 'region',
        name: parent.displayName,
        key: parentRef.key,
        start: 0,
        end: 0,
        level: parent.level,
        props: { code: parent.code, source: 'division', ...(cited ? {} : { citedBy: 'descendant' }) },
      };
      assembler.addMention(mention, cited ?? evidence);
    }
    const childRef: MentionRef = { type: 'region', key: divisionKey(child.code) };
    assembler.addRelation('LOCATED_IN', childRef, parentRef, evidence, { source: 'division' });
    // A link the text or the article context already made is confirmed by the codes: the list is its source now.
    const props = assembler.relationProps('LOCATED_IN', childRef, parentRef);
    if (props) props.source = 'division';
    child = parent;
  }
}

/** The first place the document writes a division's name (full, short or autonomous form). */
function citeByName(division: Division, text: string, docId: string, passageOf: (start: number) => string | undefined): Evidence | undefined {
  const forms = surfaceForms(division.name, division.level);
  const names = [...new Set([division.displayName, ...forms.full, ...forms.short])].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const at = text.indexOf(name);
    const passageId = at >= 0 ? passageOf(at) : undefined;
    if (passageId) return { docId, passageId, start: at, end: at + name.length };
  }
  return undefined;
}
