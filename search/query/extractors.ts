/**
 * The one door from search into the ingest's text stage: segmentation, sentence splitting and the
 * extraction rules the ingest uses, so a question and the retrieved sentences are read exactly as
 * the documents were. When segmentation and extraction move to their own top-level stage folder
 * (below both ingest and search), only the paths in this file change.
 */
export { normalizeKey, normalizeWidth, tokenize } from '../../text/segment/index.js';
export {
  articleContext, documentContext, extractSentence, type ArticleContext, type Extraction, type Mention, type RelationCandidate,
} from '../../text/extract/index.js';
export { splitSentences } from '../../ingest/structure/index.js';
import fs from 'node:fs';
import roleWords from '../../text/extract/places/data/roles.json' with { type: 'json' };

/** Role words the people extractor knows (党工委 + 书记): questions name roles the same way. */
export const ROLE_WORDS: { bodies: string[]; leaderTitles: string[]; memberTitles: string[]; notNames: string[] } = roleWords;

/** The surnames the people extractor checks names against (single characters and compounds). */
export const SURNAMES: ReadonlySet<string> = new Set(
  fs
    .readFileSync(new URL('../../text/extract/places/data/surnames.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);
