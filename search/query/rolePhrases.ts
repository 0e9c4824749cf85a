import { ROLE_WORDS, SURNAMES } from './extractors.js';

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const ROLE_SOURCE = `(?:${[...ROLE_WORDS.bodies].sort(byLengthDesc).join('|')})?(?:${[...ROLE_WORDS.leaderTitles, ...ROLE_WORDS.memberTitles].sort(byLengthDesc).join('|')})`;

/** One role phrase: an optional body and a title (党工委 + 副书记, 第一 + 书记 reads as 书记). */
export const ROLE_PATTERN = new RegExp(ROLE_SOURCE);

/** Words for anyone on a staff: they name no particular role, so they never narrow an answer. */
export const GENERIC_ROLES = new Set(['干部', '工作人员', '成员', '委员', '社工', '社区工作者']);

/** Could this word be a person's name (a surname and one or two more characters, not a known non-name)? */
export function looksLikeName(word: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(word) || ROLE_WORDS.notNames.includes(word) || ROLE_PATTERN.test(word) || ROLE_WORDS.bodies.some((b) => word.includes(b))) return false;
  const surname = SURNAMES.has(word.slice(0, 2)) && word.length >= 3 ? word.slice(0, 2) : word[0];
  return SURNAMES.has(surname) && word.length - surname.length >= 1 && word.length - surname.length <= 2;
}

/** A block of roles joined by 、 that ends right before a name: 党工委副书记、办事处主任|邢国栋. */
const ROLE_BLOCK = new RegExp(`(?:${ROLE_SOURCE})(?:、(?:${ROLE_SOURCE}))*$`);

/** The roles written right before a name in a sentence (a person may hold several). */
export function rolesBefore(sentence: string, nameStart: number): string[] {
  const block = ROLE_BLOCK.exec(sentence.slice(Math.max(0, nameStart - 40), nameStart))?.[0];
  return block ? block.split('、').filter(Boolean) : [];
}
