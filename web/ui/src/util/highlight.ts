/**
 * Which words of a question to highlight in a passage. The browser has no Chinese segmenter,
 * so the question is cut at question words and punctuation, and each remaining chunk is matched
 * greedily: the longest piece (≥ 2 characters) that occurs in the passage wins.
 */

const CUT =
  /[\s，。？！、；：,.?!;:“”"'‘’（）()《》【】\[\]]+|哪些|哪个|哪里|什么|如何|怎么|怎样|是否|有没有|多少|请问|比较|对比|采用了|采用|建立了|开展了|实行了|推行了|了|的|吗|呢|和|与|及|在|是|有|把|被|对|之间|情况|方面/g;

export function questionChunks(query: string): string[] {
  return query
    .split(CUT)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length >= 2 || /^[A-Za-z0-9+]+$/.test(chunk));
}

/** Too common in these reports to mark as a match; the server sends its own list as `highlight`. */
const GENERIC = new Set(['街道', '社区', '乡镇', '网格', '体系', '机制', '模式', '工作', '服务', '治理', '基层', '管理', '建设', '党建', '做法', '经验', '情况']);

/**
 * Terms from the question: the server's `highlight` words when it sends them (entity names and
 * specific topic words), else chunks plus linked entities and topic words without generic ones.
 */
export function queryTerms(query: string, understanding?: { entities: { name: string }[]; topic: string[]; highlight?: string[] }): string[] {
  if (understanding?.highlight) return understanding.highlight.filter((t) => t.length >= 2 || /^[A-Za-z0-9+]+$/.test(t));
  const terms = new Set<string>(questionChunks(query).filter((c) => !GENERIC.has(c)));
  for (const entity of understanding?.entities ?? []) terms.add(entity.name);
  for (const topic of understanding?.topic ?? []) if (topic.length >= 2 && !GENERIC.has(topic)) terms.add(topic);
  return [...terms];
}

/** The pieces of `terms` that occur in `text`: whole terms, else their longest matching pieces. */
export function termsIn(text: string, terms: string[]): string[] {
  const found = new Set<string>();
  for (const term of terms) {
    if (!term) continue;
    if (text.includes(term)) {
      found.add(term);
      continue;
    }
    let i = 0;
    while (i < term.length - 1) {
      let best = 0;
      for (let j = term.length; j >= i + 2; j--) {
        if (text.includes(term.slice(i, j))) {
          best = j;
          break;
        }
      }
      if (best) {
        // A generic piece of a longer term (体系 of 网格力量体系) is no match worth marking, nor a
        // piece of a formula (1+ of 1+3+X matches 1+4+X): pieces need two Chinese characters.
        const piece = term.slice(i, best);
        if (!GENERIC.has(piece) && (piece.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2) found.add(piece);
        i = best;
      } else {
        i++;
      }
    }
  }
  return [...found];
}

export interface Piece {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and highlighted pieces; overlapping matches merge. */
export function splitByTerms(text: string, terms: string[]): Piece[] {
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of termsIn(text, terms)) {
    let at = text.indexOf(term);
    while (at >= 0) {
      marks.fill(true, at, at + term.length);
      at = text.indexOf(term, at + term.length);
    }
  }
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      pieces.push({ text: text.slice(start, i), hit: marks[start] ?? false });
      start = i;
    }
  }
  return pieces;
}
