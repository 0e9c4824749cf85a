import { divisionIndex, type Division } from './divisionIndex.js';
import { resolveDivisions } from './resolveDivisions.js';

/**
 * The divisions one document is about, read before its sentences are: the names of the list it
 * contains, resolved against each other, and the communities and villages of the counties and
 * townships among them (so 重熙社区 is found as a place in a report on 平城区 without a rule that
 * knows it, and 永宁社区 there is the one of 平城区).
 */
export interface DocumentScope {
  /** Divisions of the list that the document names and that could be resolved. */
  divisions: Division[];
  /** Communities and villages under those counties and townships, by the names reports write. */
  community(surface: string): Division[];
}

/** Characters that end a division name written with its suffix (街道 ends in 道). */
const SUFFIX_END = /[省市州盟区县旗镇乡道]/;
const MAX_NAME = 12;

/** Division names in raw text: suffixed names anchored on their last character, then suffix-less provinces and prefectures. */
function namesIn(text: string): Map<string, Division[]> {
  const index = divisionIndex();
  const found = new Map<string, Division[]>();
  for (let end = 2; end <= text.length; end++) {
    const last = text[end - 1];
    if (SUFFIX_END.test(last)) {
      for (let len = Math.min(MAX_NAME, end); len >= 3; len--) {
        const surface = text.slice(end - len, end);
        const divisions = index.withSuffix(surface);
        if (divisions.length) {
          found.set(surface, divisions);
          break;
        }
      }
    }
    for (let len = 2; len <= 4 && len <= end; len++) {
      const surface = text.slice(end - len, end);
      const divisions = index.withoutSuffix(surface);
      if (divisions.length && !SUFFIX_END.test(text[end] ?? '')) found.set(surface, divisions);
    }
  }
  return found;
}

export function documentScope(text: string): DocumentScope {
  const index = divisionIndex();
  const names = [...namesIn(text)].map(([id, candidates]) => ({ id, candidates }));
  const resolved = [...new Set(resolveDivisions(names).values())];
  const roots = resolved.filter((d) => d.level === 'county' || d.level === 'township').map((d) => d.code);
  // One merged lexicon, built on the first lookup: place rules ask for every substring of every sentence.
  let lexicon: Map<string, Division[]> | undefined;
  const build = (): Map<string, Division[]> => {
    const merged = new Map<string, Division[]>();
    for (const code of roots) {
      for (const [surface, divisions] of index.communitiesOf(code)) {
        const list = merged.get(surface) ?? [];
        for (const d of divisions) if (!list.includes(d)) list.push(d);
        merged.set(surface, list);
      }
    }
    return merged;
  };
  return {
    divisions: resolved,
    community(surface) {
      lexicon ??= build();
      return lexicon.get(surface) ?? [];
    },
  };
}

let current: DocumentScope | undefined;

/**
 * Runs `fn` with the communities of one document known to the place rules. Extraction stays a
 * function of the sentence and this scope; the pipeline sets it once per document.
 */
export function withDocumentScope<T>(scope: DocumentScope, fn: () => T): T {
  const previous = current;
  current = scope;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The same as `withDocumentScope` for a caller that cannot wrap its work in a function: call the returned function when done. */
export function enterDocumentScope(scope: DocumentScope): () => void {
  const previous = current;
  current = scope;
  return () => {
    current = previous;
  };
}

/** Communities of the current document named `surface` (none outside `withDocumentScope`). */
export const scopedCommunities = (surface: string): Division[] => current?.community(surface) ?? [];
