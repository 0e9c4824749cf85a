/**
 * How reports enumerate the parts of a named practice, as pure text functions. Every function
 * returns spans into the text it was given: a part's evidence is the span of its own words.
 */

export interface PartSpan {
  text: string;
  start: number;
  end: number;
}

const NUMERALS = '一二三四五六七八九十';
const ORDINAL = new RegExp(`(?:^|(?<=[，,。.；;：:、\\s]))(?:([${NUMERALS}])是|第([${NUMERALS}])[，,、：:]?|[（(]([${NUMERALS}])[）)])`, 'g');
const PART_END = /[，,；;。：:！？!?]/;
const MAX_PART_LENGTH = 40;

const ordinalValue = (ch: string): number => NUMERALS.indexOf(ch) + 1;

function trimmed(text: string, start: number, end: number): PartSpan | undefined {
  while (start < end && /[\s“”"「」『』]/.test(text[start])) start++;
  while (end > start && /[\s“”"「」『』、，,；;。：:等]/.test(text[end - 1])) end--;
  if (end - start < 2 || end - start > MAX_PART_LENGTH) return undefined;
  return { text: text.slice(start, end), start, end };
}

/**
 * 一是…；二是…；三是…, 第一，…第二，…, （一）…（二）…: numbered items in sequence from the first;
 * each part is the first clause after its number. `from` continues a sequence across sentences.
 */
export function numberedParts(text: string, from = 1): { parts: PartSpan[]; next: number } {
  const parts: PartSpan[] = [];
  let expected = from;
  for (const m of text.matchAll(ORDINAL)) {
    const n = ordinalValue(m[1] ?? m[2] ?? m[3]);
    if (n !== expected) {
      if (parts.length === 0 && expected === from) continue;
      break;
    }
    const start = m.index! + m[0].length;
    const stop = PART_END.exec(text.slice(start));
    const part = trimmed(text, start, stop ? start + stop.index : text.length);
    if (!part) break;
    parts.push(part);
    expected++;
  }
  return { parts, next: expected };
}

/** 一张网：…；一支队伍：…: items of a ；-separated list that each open with a label and a colon. */
export function labeledParts(text: string): PartSpan[] {
  const parts: PartSpan[] = [];
  let offset = 0;
  for (const segment of text.split(/[；;]/)) {
    const m = /^\s*([^：:，,。、]{2,12})[：:]/.exec(segment);
    if (!m) return [];
    const start = offset + m[0].indexOf(m[1]);
    const part = trimmed(text, start, start + m[1].length);
    if (!part) return [];
    parts.push(part);
    offset += segment.length + 1;
  }
  return parts.length >= 2 ? parts : [];
}

/** 高举一面旗帜，坚持党建引领；筑强…3大堡垒；…: the first clause of each ；-separated segment. */
export function clauseParts(text: string): PartSpan[] {
  const parts: PartSpan[] = [];
  let offset = 0;
  for (const segment of text.split(/[；;]/)) {
    const stop = PART_END.exec(segment);
    const part = trimmed(text, offset, offset + (stop ? stop.index : segment.length));
    offset += segment.length + 1;
    if (!part) return [];
    parts.push(part);
  }
  return parts.length >= 2 ? parts : [];
}

// 把问题整改和建立长效机制、转变工作作风…相融合: the list is what the first term is joined with.
const JOINED_WITH = /^把[^、，,；;。]{1,12}?(?:和|与|同)/;
const JOINED_TAIL = /(?:相融合|相结合|结合起来|融合起来|有机结合|深度融合|相衔接)$/;

/**
 * 一张网、一支队伍、一套制度、一个平台 (or 等 after the last item): the 、 list of the first clause.
 * With `splitLastAnd`, a last item joined by 和/及 counts as two (一套制度和一个平台). `separators`
 * may name + for compositions (1名专职网格员+3名兼职网格员+X名辅助网格员).
 */
export function listParts(text: string, opts: { separators?: string; splitLastAnd?: boolean } = {}): PartSpan[] {
  const separators = opts.separators ?? '、';
  const stop = /[，,；;。：:！？!?]/.exec(text);
  let start = 0;
  let end = stop ? stop.index : text.length;
  const joined = JOINED_WITH.exec(text.slice(start, end));
  if (joined) start += joined[0].length;
  const tail = JOINED_TAIL.exec(text.slice(start, end)) ?? /等[\p{Script=Han}]{0,6}$/u.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  const pieces: PartSpan[] = [];
  let at = start;
  for (const piece of text.slice(start, end).split(new RegExp(`[${separators}]`))) {
    pieces.push({ text: piece, start: at, end: at + piece.length });
    at += piece.length + 1;
  }
  if (pieces.length < 2 && !opts.splitLastAnd) return [];
  const last = pieces[pieces.length - 1];
  const and = opts.splitLastAnd ? /^(.{2,12}?)(?:和|及|以及)(.{2,12})$/u.exec(last.text) : null;
  if (and) {
    const secondStart = last.end - and[2].length;
    pieces.splice(pieces.length - 1, 1, { text: and[1], start: last.start, end: last.start + and[1].length }, { text: and[2], start: secondStart, end: last.end });
  }
  if (pieces.length < 2) return [];
  const parts = pieces.map((p) => trimmed(text, p.start, p.end));
  return parts.every((p): p is PartSpan => !!p) ? parts : [];
}

/**
 * 组织联建、党员联户、部门联办，服务精细化、管理网格化、议事民主化: consecutive clauses that are each
 * a 、 list of short items, read as one list.
 */
export function multiClauseListParts(text: string): PartSpan[] {
  const parts: PartSpan[] = [];
  let offset = 0;
  let clauses = 0;
  for (const clause of text.split(/[，,；;]/)) {
    const items = clause.replace(/[。.！!？?]+\s*$/, '').split('、');
    if (items.length < 2 || items.some((item) => item.trim().length < 2 || item.trim().length > 8)) break;
    let at = offset;
    for (const item of items) {
      const part = trimmed(text, at, at + item.length);
      if (!part) return [];
      parts.push(part);
      at += item.length + 1;
    }
    clauses++;
    offset += clause.length + 1;
  }
  return clauses >= 2 ? parts : [];
}

/**
 * 即1个村（社区）党组织，综合网格、…4类网格，N个党员中心户: the clauses of a formula's definition,
 * one per term, each holding its term (1, 4, N) — else none.
 */
export function formulaClauseParts(text: string, terms: string[]): PartSpan[] {
  const parts: PartSpan[] = [];
  let offset = 0;
  for (const clause of text.split(/[，,；;]/).slice(0, terms.length)) {
    const term = terms[parts.length];
    const holds = /^\d+$/.test(term) ? new RegExp(`(?<!\\d)${term}(?!\\d)`).test(clause) : clause.trimStart().startsWith(term);
    const part = trimmed(text, offset, offset + clause.length);
    if (!holds || !part) return [];
    parts.push(part);
    offset += clause.length + 1;
  }
  return parts.length === terms.length ? parts : [];
}

/** A count phrase closing a list (…绿色三个等级, …志愿者三方力量): it counts the items, it is not one. */
export const COUNT_TAIL = /(?:[一二三四五六七八九十两双]|\d+)(?:个|类|种|项|方|级|支|大|张|条)[\p{Script=Han}]{0,4}$/u;
/** Clauses that state a result or a purpose, not a part: …，从而实现…, …，确保…. */
const RESULT_CLAUSE = /^(?:从而|进而|以此|以便|使|让|实现|确保|推动|有效|切实|形成|做到|达到)/;

/**
 * “厂社联动”机制：联席会议每季度召开一次，企业退休党员组织关系全部转入社区，企业闲置用房优先用于社区服务:
 * after a colon, each clause up to the end of the sentence is one part (2–5 clauses of 4–30
 * characters); not when a clause states a result (…，从而实现…).
 */
export function colonClauseParts(text: string): PartSpan[] {
  const body = text.replace(/[。！？!?]\s*$/, '');
  if (/[。！？!?]/.test(body)) return [];
  const parts: PartSpan[] = [];
  let offset = 0;
  for (const clause of body.split(/[，,；;]/)) {
    const part = trimmed(text, offset, offset + clause.length);
    offset += clause.length + 1;
    if (!part || part.text.length < 4 || part.text.length > 30 || RESULT_CLAUSE.test(part.text)) return [];
    parts.push(part);
  }
  return parts.length >= 2 && parts.length <= 5 ? parts : [];
}

/**
 * “2”是社区党组织和业主委员会两个主体，“3”是物业服务企业、社会组织、志愿者三方力量: a formula's terms
 * defined one clause each (“1”是指…, “X”即…); the parts are the items each clause lists (a clause
 * that lists nothing is one part). Every term must be defined, in order; else none.
 */
export function termDefinitionParts(text: string, terms: string[]): PartSpan[] {
  const parts: PartSpan[] = [];
  let offset = 0;
  let term = 0;
  for (const clause of text.split(/[，,；;。]/)) {
    if (term === terms.length) break;
    const escaped = terms[term].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`^\\s*[“"]?${escaped}[”"]?\\s*(?:是指|是|指|即|代表|为)`, 'i').exec(clause);
    if (!m) return [];
    let content = clause.slice(m[0].length);
    const tail = COUNT_TAIL.exec(content);
    if (tail && tail.index >= 2) content = content.slice(0, tail.index);
    const start = offset + m[0].length;
    const items = listParts(content, { splitLastAnd: true });
    const one = trimmed(text, start, start + content.length);
    if (items.length >= 2) parts.push(...items.map((p) => ({ text: p.text, start: start + p.start, end: start + p.end })));
    else if (one) parts.push(one);
    else return [];
    term++;
    offset += clause.length + 1;
  }
  return term === terms.length ? parts : [];
}
