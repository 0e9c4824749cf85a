import { hashId } from '../../graph/ids.js';
import type { EntityWithEvidence, Evidence, RelationType, RelationWithEvidence } from '../../graph/model.js';
import type { Mention, MentionRef } from '../../text/extract/types.js';

/**
 * Collects one document's mentions and relations, giving each entity a stable id and merging
 * evidence. Anonymised entities (xx 街道) get document-scoped ids so they never merge across documents.
 */
export class GraphAssembler {
  private readonly entities = new Map<string, EntityWithEvidence>();
  private readonly relations = new Map<string, RelationWithEvidence>();
  /** `type\0fromId` of every relation: hasRelationFrom must not scan them all (50k articles). */
  private readonly relationsFrom = new Set<string>();
  /** Old identity → new one after `rekey`, so refs built from sentence-level keys still find their entity. */
  private readonly redirects = new Map<string, string>();

  constructor(private readonly docId: string) {}

  private refKey(ref: MentionRef): string {
    const slot = `${ref.type}\u0000${ref.key}`;
    return this.redirects.get(slot) ?? slot;
  }

  idOf(ref: MentionRef): string | undefined {
    return this.entities.get(this.refKey(ref))?.id;
  }

  has(ref: MentionRef): boolean {
    return this.entities.has(this.refKey(ref));
  }

  addMention(mention: Mention, evidence: Evidence): string {
    const slot = this.refKey(mention);
    let entity = this.entities.get(slot);
    if (!entity) {
      // Bare coalition words (大工委) name a different body in every report, like anonymised names.
      const scoped = mention.anonymised === true || mention.props?.generic === true;
      entity = {
        id: hashId('ent', mention.type, mention.key, scoped ? this.docId : ''),
        type: mention.type,
        name: mention.name,
        key: mention.key,
        ...(mention.level ? { level: mention.level } : {}),
        ...(mention.kind ? { kind: mention.kind } : {}),
        ...(scoped ? { scopeDocId: this.docId } : {}),
        aliases: [],
        props: { ...(mention.props ?? {}) },
        evidence: [],
      };
      this.entities.set(slot, entity);
    } else {
      if (!entity.level && mention.level) entity.level = mention.level;
      if (!entity.kind && mention.kind) entity.kind = mention.kind;
      for (const [k, v] of Object.entries(mention.props ?? {})) if (!(k in entity.props)) entity.props[k] = v;
    }
    for (const alias of [mention.name, ...(mention.aliases ?? [])]) {
      if (alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    }
    pushEvidence(entity.evidence, evidence);
    return entity.id;
  }

  addRelation(type: RelationType, from: MentionRef, to: MentionRef, evidence: Evidence, props: RelationWithEvidence['props'] = {}): void {
    const fromId = this.idOf(from);
    const toId = this.idOf(to);
    if (!fromId || !toId || fromId === toId) return;
    this.addRelationById(type, fromId, toId, evidence, props);
  }

  addRelationById(type: RelationType, fromId: string, toId: string, evidence: Evidence, props: RelationWithEvidence['props'] = {}): void {
    const identity = type === 'LEADS' ? String(props.role ?? '') : '';
    const id = hashId('rel', type, fromId, toId, identity);
    let relation = this.relations.get(id);
    if (!relation) {
      relation = { id, type, from: fromId, to: toId, props: { ...props }, evidence: [] };
      this.relations.set(id, relation);
      this.relationsFrom.add(`${type}\u0000${fromId}`);
    }
    pushEvidence(relation.evidence, evidence);
  }

  /**
   * Gives an entity its document-level identity once the whole document is read (a place resolved
   * to its division code, or scoped to this document when it stays ambiguous): the id changes,
   * relations follow, an entity already holding the new key absorbs this one.
   */
  rekey(ref: MentionRef, key: string, options: { scoped: boolean; props?: Record<string, string | number | boolean | null> }): void {
    const oldSlot = this.refKey(ref);
    const entity = this.entities.get(oldSlot);
    if (!entity) return;
    const newSlot = `${ref.type}\u0000${key}`;
    const id = hashId('ent', entity.type, key, options.scoped ? this.docId : '');
    if (newSlot === oldSlot && id === entity.id) {
      Object.assign(entity.props, options.props ?? {});
      return;
    }
    this.entities.delete(oldSlot);
    const target = this.entities.get(newSlot);
    if (target) {
      for (const alias of [entity.name, ...entity.aliases]) if (alias !== target.name && !target.aliases.includes(alias)) target.aliases.push(alias);
      for (const e of entity.evidence) pushEvidence(target.evidence, e);
      Object.assign(target.props, options.props ?? {});
    } else {
      const { scopeDocId: _scope, ...rest } = entity;
      this.entities.set(newSlot, {
        ...rest,
        id,
        key,
        ...(options.scoped ? { scopeDocId: this.docId } : {}),
        props: { ...entity.props, ...(options.props ?? {}) },
      });
    }
    const newId = this.entities.get(newSlot)!.id;
    for (const [slot, to] of this.redirects) if (to === oldSlot) this.redirects.set(slot, newSlot);
    this.redirects.set(oldSlot, newSlot);
    for (const relation of [...this.relations.values()]) {
      if (relation.from !== entity.id && relation.to !== entity.id) continue;
      this.relations.delete(relation.id);
      const from = relation.from === entity.id ? newId : relation.from;
      const to = relation.to === entity.id ? newId : relation.to;
      if (from === to) continue;
      for (const e of relation.evidence) this.addRelationById(relation.type, from, to, e, relation.props);
    }
  }

  /** The props of a relation between two refs, to amend in place (undefined when there is none). */
  relationProps(type: RelationType, from: MentionRef, to: MentionRef): RelationWithEvidence['props'] | undefined {
    const fromId = this.idOf(from);
    const toId = this.idOf(to);
    if (!fromId || !toId) return undefined;
    return this.relations.get(hashId('rel', type, fromId, toId, ''))?.props;
  }

  /** The entity a ref names now (after any rekey). */
  entityOf(ref: MentionRef): EntityWithEvidence | undefined {
    return this.entities.get(this.refKey(ref));
  }

  hasRelationFrom(ref: MentionRef, type: RelationType): boolean {
    const id = this.idOf(ref);
    return id !== undefined && this.relationsFrom.has(`${type}\u0000${id}`);
  }

  mentionsOfType(type: Mention['type']): EntityWithEvidence[] {
    return [...this.entities.values()].filter((e) => e.type === type);
  }

  result(): { entities: EntityWithEvidence[]; relations: RelationWithEvidence[] } {
    return { entities: [...this.entities.values()], relations: [...this.relations.values()] };
  }
}

const spanKey = (e: Evidence) => `${e.docId}\u0000${e.start}\u0000${e.end}`;

/**
 * The spans already in each evidence list: a place named in each of 50k articles must not rescan
 * its whole list for every new mention (that made graph building quadratic).
 */
const spansOf = new WeakMap<Evidence[], Set<string>>();

function pushEvidence(list: Evidence[], evidence: Evidence): void {
  let seen = spansOf.get(list);
  if (!seen || seen.size !== list.length) spansOf.set(list, (seen = new Set(list.map(spanKey))));
  const key = spanKey(evidence);
  if (seen.has(key)) return;
  seen.add(key);
  list.push(evidence);
}
