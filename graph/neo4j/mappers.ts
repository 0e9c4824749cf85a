import type {
  ArticleRecord, DocumentRecord, EntityRecord, EntityWithEvidence, Evidence, PassageRecord, RelationRecord, RelationType,
} from '../model.js';
import { PROP_PREFIX } from './vocabulary.js';

/** Plain property maps as read back with `properties(x)` (integers arrive as JS numbers). */
export type Props = Record<string, unknown>;
type Scalar = string | number | boolean | null;

/** An entity as stored: the record plus every name it was ever upserted under (name, key, aliases). */
export interface StoredEntity extends Omit<EntityRecord, 'level'> {
  level?: string;
  names: string[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const num = (value: unknown): number => Number(value);

export function toDocument(p: Props): DocumentRecord {
  return {
    id: str(p.id), path: str(p.path), title: str(p.title), format: str(p.format) as DocumentRecord['format'],
    encoding: str(p.encoding), text: str(p.text), ingestedAt: str(p.ingestedAt),
  };
}

export function toArticle(p: Props): ArticleRecord {
  return {
    id: str(p.id), docId: str(p.docId), index: num(p.index), title: str(p.title),
    ...(p.byline ? { byline: str(p.byline) } : {}), start: num(p.start), end: num(p.end),
  };
}

export function toPassage(p: Props): PassageRecord {
  return {
    id: str(p.id), docId: str(p.docId), articleId: str(p.articleId), index: num(p.index), start: num(p.start), end: num(p.end),
    text: str(p.text), breadcrumb: Array.isArray(p.breadcrumb) ? p.breadcrumb.map(str) : [], tokens: str(p.tokens),
  };
}

function parseProps(value: unknown): Record<string, Scalar> {
  return typeof value === 'string' && value !== '' ? (JSON.parse(value) as Record<string, Scalar>) : {};
}

/** Reads an entity node's raw properties, keeping stored values as they are (for merging). */
export function toStoredEntity(p: Props): StoredEntity {
  return {
    id: str(p.id), type: str(p.type) as EntityRecord['type'], name: str(p.name), key: str(p.key),
    ...(p.level !== undefined && p.level !== null ? { level: str(p.level) } : {}),
    ...(p.kind !== undefined && p.kind !== null ? { kind: str(p.kind) } : {}),
    ...(p.scopeDocId !== undefined && p.scopeDocId !== null ? { scopeDocId: str(p.scopeDocId) } : {}),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(str) : [],
    names: Array.isArray(p.names) ? p.names.map(str) : [],
    props: parseProps(p.props),
  };
}

/** The public record: empty level/kind/scope are omitted, as the SQLite store does. */
export function toEntity(p: Props): EntityRecord {
  const s = toStoredEntity(p);
  return {
    id: s.id, type: s.type, name: s.name, key: s.key,
    ...(s.level ? { level: s.level as EntityRecord['level'] } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
    ...(s.scopeDocId ? { scopeDocId: s.scopeDocId } : {}),
    aliases: s.aliases, props: s.props,
  };
}

export function toRelation(p: Props, type: string, from: string, to: string): RelationRecord {
  return { id: str(p.id), type: type as RelationType, from, to, props: parseProps(p.props) };
}

export function toEvidence(p: Props): Evidence {
  return { docId: str(p.docId), passageId: str(p.passageId), start: num(p.start), end: num(p.end) };
}

/**
 * Folds one incoming entity into what is stored, exactly like the SQLite upsert: identity fields
 * and existing prop keys win, aliases are unioned, level/kind keep the first non-null value.
 */
export function mergeEntity(existing: StoredEntity | undefined, incoming: EntityWithEvidence): StoredEntity {
  const aliases = existing ? [...new Set([...existing.aliases, ...incoming.aliases])] : incoming.aliases;
  const names = [...new Set([...(existing?.names ?? []), incoming.name, incoming.key, ...aliases])];
  if (!existing) {
    return {
      id: incoming.id, type: incoming.type, name: incoming.name, key: incoming.key,
      ...(incoming.level !== undefined && incoming.level !== null ? { level: incoming.level } : {}),
      ...(incoming.kind !== undefined && incoming.kind !== null ? { kind: incoming.kind } : {}),
      ...(incoming.scopeDocId !== undefined && incoming.scopeDocId !== null ? { scopeDocId: incoming.scopeDocId } : {}),
      aliases, names, props: incoming.props,
    };
  }
  const level = existing.level ?? incoming.level ?? undefined;
  const kind = existing.kind ?? incoming.kind ?? undefined;
  return {
    ...existing,
    ...(level !== undefined && level !== null ? { level } : {}),
    ...(kind !== undefined && kind !== null ? { kind } : {}),
    aliases, names, props: { ...incoming.props, ...existing.props },
  };
}

/** Scalar props copied to `prop_<key>` so Neo4j Browser shows them; nulls cannot be stored and are skipped. */
function flattenProps(props: Record<string, Scalar>): Props {
  const flat: Props = {};
  for (const [key, value] of Object.entries(props)) if (value !== null && value !== undefined) flat[PROP_PREFIX + key] = value;
  return flat;
}

function withoutEmpty(map: Props): Props {
  return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined && value !== null));
}

/** The complete property map of an entity node (`SET e = $map`). */
export function entityProperties(e: StoredEntity): Props {
  return withoutEmpty({
    ...flattenProps(e.props),
    id: e.id, type: e.type, name: e.name, key: e.key, level: e.level, kind: e.kind, scopeDocId: e.scopeDocId,
    aliases: e.aliases, names: e.names, props: JSON.stringify(e.props),
  });
}

/** The complete property map of a domain relationship. */
export function relationProperties(r: RelationRecord): Props {
  return { ...flattenProps(r.props), id: r.id, props: JSON.stringify(r.props) };
}

/** Identity of one piece of evidence, as the SQLite primary key (owner, doc, start, end). */
export function evidenceKey(ownerId: string, ev: Evidence): string {
  return `${ownerId}|${ev.docId}|${ev.start}|${ev.end}`;
}
