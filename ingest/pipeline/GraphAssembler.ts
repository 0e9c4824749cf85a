import { hashId } from '../../graph/ids.js';
import type { EntityWithEvidence, Evidence, RelationType, RelationWithEvidence } from '../../graph/model.js';
import type { Mention, MentionRef } from '../extract/types.js';

/**
 * Collects one document's mentions and relations, giving each entity a stable id and merging
 * evidence. Anonymised entities (xx 街道) get document-scoped ids so they never merge across documents.
 */
export class GraphAssembler {
  private readonly entities = new Map<string, EntityWithEvidence>();
  private readonly relations = new Map<string, RelationWithEvidence>();

  constructor(private readonly docId: string) {}

  private refKey(ref: MentionRef): string {
    return `${ref.type}\u0000${ref.key}`;
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
    }
    pushEvidence(relation.evidence, evidence);
  }

  hasRelationFrom(ref: MentionRef, type: RelationType): boolean {
    const id = this.idOf(ref);
    return id !== undefined && [...this.relations.values()].some((r) => r.type === type && r.from === id);
  }

  mentionsOfType(type: Mention['type']): EntityWithEvidence[] {
    return [...this.entities.values()].filter((e) => e.type === type);
  }

  result(): { entities: EntityWithEvidence[]; relations: RelationWithEvidence[] } {
    return { entities: [...this.entities.values()], relations: [...this.relations.values()] };
  }
}

function pushEvidence(list: Evidence[], evidence: Evidence): void {
  if (!list.some((e) => e.docId === evidence.docId && e.start === evidence.start && e.end === evidence.end)) list.push(evidence);
}
