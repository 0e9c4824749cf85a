import {
  ADOPT_FILLERS, ADOPT_VERBS, DESCRIPTIVE_HEADS, DESCRIPTIVE_VERBS, GENERIC_MODIFIERS, NOT_INSTITUTIONS, alternation,
} from './data.js';

/** A practice named by its description, without quotes: 建立社区工作者薪酬动态调整机制. */
export interface DescriptiveName {
  /** Modifier + head (社区工作者薪酬动态调整机制). */
  name: string;
  /** [start, end) of the name in the (width-normalized) text. */
  start: number;
  end: number;
  head: string;
  verb: string;
}

const HEAD_AT_CLAUSE_END = new RegExp(`(?:${alternation(DESCRIPTIVE_HEADS)})(?=$|[，。；;：:！？,!?、])`, 'g');
// The object of the verb stays in its clause and outside quotes (quoted names have their own rule).
const CLAUSE_START = /[，。；;：:！？,!?、“”"\s]/;
const VERB_IN_CLAUSE = new RegExp(`(${alternation(DESCRIPTIVE_VERBS)})(?:${alternation(ADOPT_FILLERS)})?`, 'g');
// 建立健全…, 探索实施…: further verbs before the object are not part of the name.
const LEADING_VERBS = new RegExp(`^(?:${alternation([...ADOPT_VERBS, ...DESCRIPTIVE_VERBS, '健全', '完善'].sort((a, b) => b.length - a.length))})+`);
// Not a name: a prepositional or relative phrase (对…, 与…相适应的), a counted phrase (一个好机制,
// 一套制度), a list (A、B和C), or a vague scope (相关, 各项).
const NOT_A_NAME = /[的等和及\d]|^[对向将把在以为从由按给]|^[一二三四五六七八九十两几多][个套批项种类条支]|^(?:相关|有关|各)/;
const MAX_MODIFIER = 14;
const MAX_GENERIC_WORD = Math.max(...[...GENERIC_MODIFIERS].map((w) => w.length));

const hanLength = (s: string): number => s.replace(/[()（）]/g, '').length;

/**
 * A modifier made only of generic governance words (工作, 长效, 体制, 管理, 基层, 党建, 引领…) says
 * nothing specific: 建立长效机制, 完善体制机制, 建立党建引领基层治理领导协调机制 name no practice.
 */
export function isGenericModifier(modifier: string): boolean {
  const text = modifier.replace(/[()（）]/g, '');
  // Can the whole modifier be cut into generic words? (基层治理 = 基层 + 治理, however jieba cuts it.)
  const reachable = [true, ...Array<boolean>(text.length).fill(false)];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - MAX_GENERIC_WORD); start < end && !reachable[end]; start++) {
      reachable[end] = reachable[start] && GENERIC_MODIFIERS.has(text.slice(start, end));
    }
  }
  return reachable[text.length];
}

/**
 * Practices written without quotes as a descriptive noun phrase: a descriptive verb (建立, 推行, 实施,
 * 探索…) whose object ends in a practice head (机制, 制度, 模式, 工作法, 行动…) that closes the clause,
 * with a specific modifier of 2–14 characters: 建立社区工作者薪酬动态调整机制, 全面实施村级集体经济提升行动,
 * 建立执法事项动态调整机制, 推行街道党工委兼职委员制 (…制 for a working rule). Not 建立长效机制, 健全体制机制, 建立一个好机制, 构建与…相适应的考评体系
 * (体系 and 构建 name goals), nor objects with 的, lists, numbers or quotes.
 */
export function descriptiveNames(text: string): DescriptiveName[] {
  const out: DescriptiveName[] = [];
  for (const m of text.matchAll(HEAD_AT_CLAUSE_END)) {
    const headStart = m.index!;
    let clauseStart = headStart;
    while (clauseStart > 0 && !CLAUSE_START.test(text[clauseStart - 1])) clauseStart--;
    const clause = text.slice(clauseStart, headStart);
    const verbs = [...clause.matchAll(VERB_IN_CLAUSE)];
    const verb = verbs[verbs.length - 1];
    if (!verb) continue;
    const afterVerb = verb.index! + verb[0].length;
    const lead = LEADING_VERBS.exec(clause.slice(afterVerb))?.[0] ?? '';
    const modifier = clause.slice(afterVerb + lead.length);
    const length = hanLength(modifier);
    if (length < 2 || length > MAX_MODIFIER || !/^[\p{Script=Han}()（）]+$/u.test(modifier)) continue;
    if (NOT_A_NAME.test(modifier) || isGenericModifier(modifier.replace(/(?:工作|新)$/, '') || modifier)) continue;
    const start = clauseStart + afterVerb + lead.length;
    const end = headStart + m[0].length;
    // 河长制, 兼职委员制 name working rules; 管理体制, 安全生产责任制 do not.
    if (m[0] === '制' && NOT_INSTITUTIONS.some((word) => text.slice(start, end).endsWith(word))) continue;
    out.push({ name: text.slice(start, end), start, end, head: m[0], verb: verb[1] });
  }
  return out;
}
