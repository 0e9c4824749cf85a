import { listPart } from './partsAnswers.js';

/**
 * A practice's parts read straight from a sentence that names it, for a practice the graph holds
 * without parts (or not at all): `“四零”平安社区创建，即A、B、C、D`, `“五心”服务法：A、B…`,
 * `分为红色、黄色、绿色三个等级`, `包括A和B`, `一是A，二是B，三是C`. Only the list that follows the
 * name within a short distance counts: a list elsewhere in the passage belongs to something else.
 */

/** Words that open a practice's own list. */
const MARKER = /即|也就是|就是|包括|包含|分为|分成|分别是|分别为|分别指|具体是|是指|[：:]/g;
/** How far after the name the marker may stand (the name's head noun and a verb sit in between). */
const MAX_GAP = 24;
/** A list item is a short phrase; longer pieces are clauses of running text. */
const MAX_ITEM = 16;
/** A count closing the list (绿色三个等级, 单位资源清单两张): not part of the last item. */
const COUNT_TAIL = /[一二三四五六七八九十两\d]+(?:个|类|项|种|条|张|级|步|方面|部分)[\u4e00-\u9fff]{0,3}$/;
const ORDINAL_ITEM = /[一二三四五六七八九十]是([^，,；;。]{2,16})/g;

export interface TextPart {
  name: string;
  /** Offsets of the item in the sentence. */
  start: number;
  end: number;
}

function splitItems(list: string, offset: number): TextPart[] {
  const pieces = list.includes('、') ? list.split(/[、，,]/) : list.split(/和|与|及/);
  const out: TextPart[] = [];
  let at = offset;
  for (const raw of pieces) {
    const start = at;
    at += raw.length + 1;
    let name = raw.trim();
    if (out.length === pieces.length - 1 || pieces.length === 1) name = name.replace(COUNT_TAIL, '');
    if (name) out.push({ name, start, end: start + name.length });
  }
  return out;
}

/** The parts listed right after `anchor` in `sentence`, or [] when no short list follows it there. */
export function partsAfterAnchor(sentence: string, anchor: string): TextPart[] {
  const at = sentence.indexOf(anchor);
  if (at < 0 || !anchor) return [];
  const after = at + anchor.length;
  const ordinals = [...sentence.slice(after).matchAll(ORDINAL_ITEM)];
  if (ordinals.length >= 2 && ordinals[0].index! <= MAX_GAP) {
    return ordinals.map((m) => {
      const start = after + m.index! + 2;
      return { name: m[1], start, end: start + m[1].length };
    });
  }
  MARKER.lastIndex = after;
  const marker = MARKER.exec(sentence);
  if (!marker || marker.index - after > MAX_GAP) return [];
  const listStart = marker.index + marker[0].length;
  let rest = sentence.slice(listStart);
  // A colon after a list opened by another word starts what follows the list (…三个等级：红色事项…).
  if (marker[0] !== '：' && marker[0] !== ':') rest = rest.split(/[：:]/)[0];
  // A first clause without 、 is a list of two (A和B) or no list; otherwise the enumeration at its head.
  const firstClause = rest.split(/[，,。；;]/)[0];
  const list = firstClause.includes('、') ? listPart(rest) : firstClause;
  const items = splitItems(list, listStart);
  if (items.length < 2 || items.some((p) => p.name.length > MAX_ITEM || p.name.length < 2)) return [];
  return items;
}
