import type { Mention, RelationCandidate } from '../types.js';
import { normalizeKey, normalizeWidth } from '../../segment/index.js';
import {
  COUNT_TAIL, clauseParts, colonClauseParts, formulaClauseParts, labeledParts, listParts, multiClauseListParts, numberedParts,
  termDefinitionParts, type PartSpan,
} from './partLists.js';
import { formulaTerms, isDigitCode, isNumericFormula } from './shapes.js';

// What opens an enumeration after a practice name: a colon, 即, 包括, 分别是/为, 主要有 …
const INTRO = /^\s*(?:[，,]?\s*(?:即|也就是|就是|是指|包括|包含|涵盖|分别是|分别为|具体是|具体为|主要是|主要有|主要包括|具体包括)\s*[：:]?|[：:])\s*/;
// ，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成 / ，由A、B和C组成
const COMPOSITION = /^\s*[，,]\s*(?:每[^，,。；;]{0,6}?)?由([^。；;，,]+?)(?:共同)?组成/;
// “三访”工作法，一是定期走访，二是…: numbered items right after the name.
const NUMBERED_AFTER = /^\s*[，,：:]?\s*(?=一是|第一[，,、：:]|[（(]一[）)])/;
// The enumeration of one name stops where the next quoted name is defined (；“三三”就是…).
const NEXT_DEFINITION = /[；;](?=\s*[“「])/;

const NUMERAL_VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const NUMERAL = /[一二两双三四五六七八九十]/g;

/**
 * How many parts a name announces, as the counts that fit it; undefined when it announces none.
 * 1+3+X → 3 terms; 1333 → 4 digits; 四个一 → 4; 五个融合, 三联, 七类 → the leading numeral; 六位一体 → 6;
 * number lists with several numerals (三联三化, 一格三员) → the number of segments, the sum of the
 * numerals, or the last numeral (一格三员 lists its three 员).
 */
export function announcedCounts(name: string): number[] | undefined {
  const core = normalizeWidth(name).replace(/[“”「」\s]/g, '');
  const terms = formulaTerms(core);
  if (terms && isNumericFormula(core)) return [terms.length];
  const code = /^\d{3,4}/.exec(core)?.[0];
  if (code && isDigitCode(code)) return [code.length];
  const numeric = /^(\d+)\+/.exec(core);
  if (numeric) return undefined;
  if (!/^[一二两双三四五六七八九十]/.test(core)) return undefined;
  const perOne = /^([一二两三四五六七八九十])(?:个|项|位)一/.exec(core);
  if (perOne) return [NUMERAL_VALUE[perOne[1]]];
  const numerals = [...core.matchAll(NUMERAL)].map((m) => NUMERAL_VALUE[m[0]]);
  if (numerals.length === 1) return [numerals[0]];
  const segments = core.match(/[一二两双三四五六七八九十]+[^一二两双三四五六七八九十]*/g) ?? [];
  return [...new Set([segments.length, numerals.reduce((a, b) => a + b, 0), numerals[numerals.length - 1]])];
}

// “三色预警”机制，把上报事项按紧急程度分为红色、黄色、绿色三个等级: a division later in the clause.
const DIVISION = /^[^。；;！？!?：:]{0,30}?(?:划分为|分为|分成|划为)/;

/** Where an enumeration of `m`'s parts starts, if the text after the name opens one (`colon`: by a colon alone). */
function enumerationAfter(text: string, m: Mention): { start: number; end: number; separators: string; colon?: boolean } | undefined {
  const rest = text.slice(m.end);
  const composed = COMPOSITION.exec(rest);
  if (composed) {
    const start = m.end + composed[0].lastIndexOf(composed[1]);
    return { start, end: start + composed[1].length, separators: '+、' };
  }
  // “1+2+N”力量配置，即…: a few words may stand between the quoted name and its enumeration.
  const gap = m.name.length > 0 ? (/^[\p{Script=Han}]{0,6}?(?=[，,：:]?\s*(?:即|也就是|就是|包括|分别是|分别为|[：:]))/u.exec(rest)?.[0] ?? '') : '';
  const after = rest.slice(gap.length);
  const intro = INTRO.exec(after) ?? NUMBERED_AFTER.exec(after);
  if (!intro) return divisionAfter(text, m);
  const start = m.end + gap.length + intro[0].length;
  const stop = NEXT_DEFINITION.exec(text.slice(start));
  return { start, end: stop ? start + stop.index : text.length, separators: '、', colon: /^\s*[：:]\s*$/.test(intro[0]) };
}

/**
 * …分为红色、黄色、绿色三个等级: the list after 分为 in the name's clause, without the count phrase
 * that closes it. Only for names that announce a count (checked by the caller): a place divided
 * into grids (把辖区分为12个网格) lists no parts of a practice.
 */
function divisionAfter(text: string, m: Mention): { start: number; end: number; separators: string } | undefined {
  if (!announcedCounts(m.name)) return undefined;
  const division = DIVISION.exec(text.slice(m.end));
  if (!division) return undefined;
  const start = m.end + division[0].length;
  const stop = /[，,。；;：:！？!?]/.exec(text.slice(start));
  let end = stop ? start + stop.index : text.length;
  const tail = COUNT_TAIL.exec(text.slice(start, end));
  if (tail) end = start + tail.index;
  return { start, end, separators: '、' };
}

/**
 * The parts one practice name lists: numbered items (一是…二是…), labelled items (一张网：…；…),
 * a 、 list (一张网、一支队伍…), or — only when the name announces a count — the first clauses of
 * ；-separated segments. With an announced count the first reading of that many parts wins and no
 * reading means no parts (a list of another length is not this practice's parts).
 */
export function partsOf(body: string, counts: number[] | undefined, separators = '、', terms?: string[]): PartSpan[] {
  const readings = [
    numberedParts(body).parts,
    labeledParts(body),
    listParts(body, { separators }),
    listParts(body, { separators, splitLastAnd: true }),
    multiClauseListParts(body),
    ...(terms ? [formulaClauseParts(body, terms)] : []),
    ...(counts ? [clauseParts(body)] : []),
  ];
  // A name with several numerals fits several counts (三联三化: 2, 3 or 6): the fullest reading wins.
  if (counts) return readings.filter((r) => r.length >= 2 && counts.includes(r.length)).reduce<PartSpan[]>((best, r) => (r.length > best.length ? r : best), []);
  return readings.find((r) => r.length >= 2) ?? [];
}

/**
 * “三联”：联系群众、联办实事、联评服务 — a quoted name followed by a colon and exactly as many parts
 * as it announces is a practice by that alone (a colon after a slogan opens an explanation, not a
 * list of its announced number of parts).
 */
export function announcesItsParts(text: string, from: number, name: string): boolean {
  const counts = announcedCounts(name);
  const colon = /^\s*[：:]\s*/.exec(text.slice(from));
  if (!counts || !colon) return false;
  const start = from + colon[0].length;
  const stop = NEXT_DEFINITION.exec(text.slice(start));
  return partsOf(text.slice(start, stop ? start + stop.index : text.length), counts).length > 0;
}

const QUOTED_RUN_BEFORE = /((?:[“「][^“”「」]{2,12}[”」][、和与及]?){2,10})[^“”「」。；;]{0,12}$/;
const LIST_BEFORE = /([^，,。；;：:“”「」]{2,40})$/;

/**
 * Parts written before the name that counts them: 做实需求、资源、项目“三个清单” (a 、 list right
 * before the quote), 狠抓“家庭党校”“家长学校”和“老年大学”项目建设，“三校”赋能 (a run of quoted names
 * shortly before it in the same sentence). Only with an announced count, and only when it matches.
 */
export function partsBefore(text: string, at: number, counts: number[]): PartSpan[] {
  const before = text.slice(0, at);
  const run = QUOTED_RUN_BEFORE.exec(before);
  if (run) {
    const parts = [...run[1].matchAll(/[“「]([^“”「」]+)[”」]/g)].map((m) => {
      const start = run.index + m.index! + 1;
      return { text: m[1], start, end: start + m[1].length };
    });
    if (counts.includes(parts.length)) return parts;
  }
  const list = LIST_BEFORE.exec(before);
  if (!list) return [];
  const items = list[1].split('、');
  if (items.length < 2 || !counts.includes(items.length)) return [];
  const rest = items.slice(1);
  if (rest.some((item) => item.length < 1 || item.length > 8)) return [];
  // 从“两家人”变成…: a list that ends in a function word is not what the name counts.
  if (/[从由向把将对在与和及为是的了被给让使]$/.test(items[items.length - 1])) return [];
  // The first item shares the clause with its verb (坚持做实需求): keep as many characters as the others have.
  const width = Math.max(...rest.map((item) => item.length));
  if (!rest.every((item) => item.length === width) || items[0].length < width) return [];
  const parts: PartSpan[] = [];
  let end = at;
  for (let i = items.length - 1; i >= 0; i--) {
    const start = end - width;
    parts.unshift({ text: text.slice(start, end), start, end });
    end = start - 1;
  }
  return parts;
}

/**
 * “楼道长+网格员+物业管家”三员联动机制: a word formula whose head announces as many parts as it has
 * terms lists them itself. Without such a count (“积分制+清单制”治理模式) the terms stay unnamed parts.
 */
function wordFormulaTerms(text: string, parent: Mention): PartSpan[] {
  const surface = text.slice(parent.start, parent.end);
  const open = surface.search(/[“"]/);
  const close = surface.search(/[”"]/);
  if (open < 0 || close <= open) return [];
  const core = surface.slice(open + 1, close);
  const terms = formulaTerms(core);
  const counts = announcedCounts(surface.slice(close + 1));
  if (!terms || isNumericFormula(core) || !counts || !counts.includes(terms.length)) return [];
  const parts: PartSpan[] = [];
  let at = parent.start + open + 1;
  for (const term of core.split('+')) {
    parts.push({ text: term, start: at, end: at + term.length });
    at += term.length + 1;
  }
  return parts;
}

/** 需求、资源、项目“三个清单”: a quoted name whose announced count matches the list right before it. */
export function announcesPartsBefore(text: string, at: number, name: string): boolean {
  const counts = announcedCounts(name);
  return !!counts && partsBefore(text, at, counts).length > 0;
}

/** A part of `parent` as a mention (shared contract: kind 'part', key parent/part, order, partOf). */
export function partMention(parent: Mention, part: PartSpan, order: number, original: string, offset = 0): Mention {
  const name = original.slice(offset + part.start, offset + part.end).replace(/\s+/g, '');
  return {
    type: 'mechanism',
    kind: 'part',
    name,
    key: `${parent.key}/${normalizeKey(name)}`,
    start: offset + part.start,
    end: offset + part.end,
    props: { order, partOf: parent.name },
  };
}

export function hasPart(parent: Mention, part: Mention): RelationCandidate {
  return {
    type: 'HAS_PART',
    from: { type: 'mechanism', key: parent.key },
    to: { type: 'mechanism', key: part.key },
    start: part.start,
    end: part.end,
    props: { order: Number(part.props?.order ?? 0) },
  };
}

/**
 * Parts of the practices named in one sentence, listed in the same sentence after the name:
 * `“四个一”：一张网、一支队伍、一套制度、一个平台`, `即…`, `包括…`, `分别为…`, `一是…二是…`,
 * `每个网格由A+B+C组成`. Each part is a mention with the span of its own words and a HAS_PART
 * relation from the practice, cited with that span.
 */
export function extractParts(sentence: string, mechanisms: Mention[]): { mentions: Mention[]; relations: RelationCandidate[] } {
  const text = normalizeWidth(sentence);
  const mentions: Mention[] = [];
  const relations: RelationCandidate[] = [];
  for (const parent of mechanisms) {
    if (parent.kind === 'part') continue;
    const enumeration = enumerationAfter(text, parent);
    const counts = announcedCounts(parent.name);
    const terms = isNumericFormula(parent.name) ? formulaTerms(parent.name) : undefined;
    const body = enumeration ? text.slice(enumeration.start, enumeration.end) : '';
    // “2”是A和B两个主体，“3”是C、D、E三方力量: each term defined in turn lists its own parts.
    const byTerm = enumeration && terms ? termDefinitionParts(body, terms) : [];
    let parts = byTerm.length > 0 ? byTerm : enumeration ? partsOf(body, counts, enumeration.separators, terms) : [];
    // 机制：A，B，C。 — a practice that announces no count, its clauses after a colon (a formula names its own terms).
    if (parts.length === 0 && enumeration?.colon && !counts && !formulaTerms(parent.name)) parts = colonClauseParts(body);
    let offset = enumeration?.start ?? 0;
    if (parts.length === 0 && counts) {
      parts = partsBefore(text, parent.start, counts);
      offset = 0;
    }
    if (parts.length === 0) {
      parts = wordFormulaTerms(text, parent);
      offset = 0;
    }
    parts.forEach((part, i) => {
      const mention = partMention(parent, part, i + 1, sentence, offset);
      mentions.push(mention);
      relations.push(hasPart(parent, mention));
    });
  }
  return { mentions, relations };
}
