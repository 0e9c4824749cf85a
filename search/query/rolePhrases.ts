import { ROLE_WORDS } from './extractors.js';

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const ROLE_SOURCE = `(?:${[...ROLE_WORDS.bodies].sort(byLengthDesc).join('|')})?(?:${[...ROLE_WORDS.leaderTitles, ...ROLE_WORDS.memberTitles].sort(byLengthDesc).join('|')})`;

/** One role phrase: an optional body and a title (党工委 + 副书记, 第一 + 书记 reads as 书记). */
export const ROLE_PATTERN = new RegExp(ROLE_SOURCE);

/** A block of roles joined by 、 that ends right before a name: 党工委副书记、办事处主任|邢国栋. */
const ROLE_BLOCK = new RegExp(`(?:${ROLE_SOURCE})(?:、(?:${ROLE_SOURCE}))*$`);

/** The roles written right before a name in a sentence (a person may hold several). */
export function rolesBefore(sentence: string, nameStart: number): string[] {
  const block = ROLE_BLOCK.exec(sentence.slice(Math.max(0, nameStart - 40), nameStart))?.[0];
  return block ? block.split('、').filter(Boolean) : [];
}
