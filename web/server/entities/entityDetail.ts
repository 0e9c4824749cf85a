import { describeEntity, regionChain, type EntityDescription, type LinkedEntity } from '../../../graph/describeEntity.js';
import type { GraphStore } from '../../../graph/GraphStore.js';
import type { EntityRecord, EvidenceWithText } from '../../../graph/model.js';
import type { Citation } from '../../../search/schema.js';

export type FiledEvidence = EvidenceWithText & { file: string };

export interface AdopterGroup {
  /** The adopters' nearest enclosing region; null when the graph does not place them. */
  region: { id: string; name: string; level?: string } | null;
  /** Widest first, ending with `region`. */
  chain: { id: string; name: string }[];
  organizations: { id: string; name: string; type: string; level?: string; citations: Citation[] }[];
}

export interface SimilarMechanism {
  id: string;
  name: string;
  aliases: string[];
  props: EntityRecord['props'];
  citations: Citation[];
}

export interface EntityDetail extends Omit<EntityDescription, 'links' | 'mentions'> {
  links: (Omit<LinkedEntity, 'evidence'> & { evidence: FiledEvidence[] })[];
  mentions: FiledEvidence[];
  /** Mechanisms only: who adopts it, grouped by region. */
  adoptersByRegion?: AdopterGroup[];
  /** Mechanisms only: SIMILAR_TO neighbours, either direction. */
  similar?: SimilarMechanism[];
}

const MENTION_LIMIT = 20;

const toCitation = (e: FiledEvidence): Citation => ({ docId: e.docId, file: e.file, start: e.start, end: e.end, text: e.text });

async function groupAdopters(store: GraphStore, adopters: EntityDetail['links']): Promise<AdopterGroup[]> {
  const groups = new Map<string, AdopterGroup>();
  for (const link of adopters) {
    const chain = await regionChain(store, link.entity.id);
    const region = chain.at(-1);
    const key = region?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        region: region ? { id: region.id, name: region.name, ...(region.level ? { level: region.level } : {}) } : null,
        chain: chain.map((r) => ({ id: r.id, name: r.name })),
        organizations: [],
      };
      groups.set(key, group);
    }
    const e = link.entity;
    group.organizations.push({ id: e.id, name: e.name, type: e.type, ...(e.level ? { level: e.level } : {}), citations: link.evidence.map(toCitation) });
  }
  // Placed groups first (by name), the unplaced last.
  return [...groups.values()].sort((a, b) => (a.region === null ? 1 : 0) - (b.region === null ? 1 : 0) || (a.region?.name ?? '').localeCompare(b.region?.name ?? '', 'zh'));
}

/** describeEntity plus each evidence's document path; for mechanisms, adopters by region and similar mechanisms. */
export async function entityDetail(store: GraphStore, id: string): Promise<EntityDetail | null> {
  const description = await describeEntity(store, id, { mentionLimit: MENTION_LIMIT });
  if (!description) return null;
  const files = new Map((await store.listDocuments()).map((d) => [d.id, d.path]));
  const filed = (evidence: EvidenceWithText[]): FiledEvidence[] => evidence.map((e) => ({ ...e, file: files.get(e.docId) ?? e.docId }));
  const links = description.links.map((link) => ({ ...link, evidence: filed(link.evidence) }));
  const detail: EntityDetail = { ...description, links, mentions: filed(description.mentions) };
  if (description.entity.type !== 'mechanism') return detail;
  const adopters = links.filter((l) => l.relation === 'ADOPTS' && l.direction === 'in');
  const similar = new Map<string, SimilarMechanism>();
  for (const link of links.filter((l) => l.relation === 'SIMILAR_TO')) {
    const known = similar.get(link.entity.id);
    if (known) known.citations.push(...link.evidence.map(toCitation));
    else similar.set(link.entity.id, { id: link.entity.id, name: link.entity.name, aliases: link.entity.aliases, props: link.entity.props, citations: link.evidence.map(toCitation) });
  }
  return { ...detail, adoptersByRegion: await groupAdopters(store, adopters), similar: [...similar.values()] };
}
