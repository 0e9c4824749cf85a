import { normalizeKey, normalizeWidth, segment } from '../../segment/index.js';
import { HEAD_MAX_GAP, HEAD_NOUNS, alternation } from './data.js';
import { isNumberList, isNumericFormula } from './shapes.js';

const QUOTED_CORE = /[“「『"]([^“”「」『』"]+)[”」』"]/;
const LEADING_FORMULA = /^(\d+(?:\+(?:\d+|[A-Za-z]))+)(?=[\p{Script=Han}]|$)/u;
const HEAD_SUFFIX = new RegExp(`^[\\p{Script=Han}]{0,${HEAD_MAX_GAP}}?(?:${alternation(HEAD_NOUNS)})$`, 'u');

/**
 * Canonical identity of a practice name. The quoted core when there is one (“两化三三三”工作法 →
 * 两化三三三); else a leading formula (1+3+X网格力量体系 → 1+3+X); else a leading number list
 * followed by a head-noun phrase, cut at a word boundary (六位一体党建工作模式 → 六位一体,
 * 四议两公开制度 → 四议两公开); else the whole name.
 * Width-normalized, quotes and spaces removed, ASCII upper-cased.
 */
export function mechanismKey(name: string): string {
  const text = normalizeWidth(name).replace(/\s+/g, '');
  const quoted = QUOTED_CORE.exec(text);
  if (quoted) return normalizeKey(quoted[1]);
  const bare = normalizeKey(text);
  const formula = LEADING_FORMULA.exec(bare);
  if (formula && isNumericFormula(formula[1])) return formula[1];
  if (!HEAD_SUFFIX.test(bare)) return bare;
  const cuts = segment(bare)
    .map((t) => t.end)
    .filter((end) => end >= 2 && end < bare.length)
    .sort((a, b) => b - a);
  for (const cut of cuts) {
    const prefix = bare.slice(0, cut);
    if (isNumberList(prefix) && HEAD_SUFFIX.test(bare.slice(cut))) return prefix;
  }
  return bare;
}
