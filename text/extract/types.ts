import type { AdminLevel, EntityType, RelationType } from '../../graph/model.js';

/**
 * What extraction rules return. Offsets are into the text the rule was given (a cleaned
 * sentence); the pipeline maps them to the original document text.
 */
export interface Mention {
  type: EntityType;
  /** Display name, e.g. 福利路街道, 1+3+X, 牟辉, 满意率 97.4%. */
  name: string;
  /** Identity key within its type: aliases share it (巴中 and 巴中市 → 巴中市). */
  key: string;
  start: number;
  end: number;
  level?: AdminLevel;
  /** Organization kind: government, party_committee, company, university, social, media, ... */
  kind?: string;
  /** `xx 街道`-style anonymised names: scoped to their document, never merged across documents. */
  anonymised?: boolean;
  /** Surface forms seen for this entity (for alias lists). */
  aliases?: string[];
  props?: Record<string, string | number | boolean | null>;
}

export interface MentionRef {
  type: EntityType;
  key: string;
}

export interface RelationCandidate {
  type: RelationType;
  from: MentionRef;
  to: MentionRef;
  /** Evidence span within the sentence text (usually the whole sentence or the clause). */
  start: number;
  end: number;
  props?: Record<string, string | number | boolean | null>;
}

export interface Extraction {
  mentions: Mention[];
  relations: RelationCandidate[];
}

/** What an article says about where and who it is about, from document title, article title and byline. */
export interface ArticleContext {
  /** Region chain from the widest to the narrowest (兰州市 › 西固区 › 福利路街道), as mentions. */
  regions: Mention[];
  /** The organization the article is about (its default sentence subject), if known. */
  subject?: Mention;
  /** Places named in the last few sentences before this one in the same article, in text order (东莺社区是… 社区党委书记蒋海燕…). */
  recent?: Mention[];
}

export const refOf = (m: Pick<Mention, 'type' | 'key'>): MentionRef => ({ type: m.type, key: m.key });
