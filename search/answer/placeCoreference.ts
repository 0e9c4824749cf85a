/**
 * `同乐寨社区是一个老旧社区。社区探索“2+3”睦邻服务模式：…` — the sentence that names the practice
 * says only 社区: the community is the one the sentence before it named. Pure functions.
 */

/** Words that point back to a place already named (该社区, 本街道, 这个村). */
const POINTER = /^(?:该|本|此|这个|这一|全)$/;

/**
 * Does the sentence speak of a place only by its level word (社区探索…, 该街道…), so that the place
 * is one named before it? The level word must open the sentence or follow a pointer word, and not be
 * part of a longer name or body (社区党委, 街道办事处 name bodies; 各社区 is every one).
 */
export function refersBack(sentence: string, suffixes: string[]): boolean {
  const text = sentence.replace(/^[\s“”"「」（）()\d一二三四五六七八九十、.．]+/, '');
  for (const suffix of suffixes) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const before = text.slice(Math.max(0, at - 2), at);
      const opens = at === 0 || POINTER.test(before) || POINTER.test(before.slice(-1));
      const next = text[at + suffix.length] ?? '';
      // 社区党委 / 社区工作者 / 街道办 are bodies or people of the place, not the place acting.
      if (opens && !/[党居委办工干书主网]/.test(next)) return true;
    }
  }
  return false;
}

/** The last of the places (in order of mention) at the level asked: the nearest one named before. */
export function nearestBefore<T extends { start: number }>(places: T[]): T | undefined {
  return [...places].sort((a, b) => a.start - b.start).at(-1);
}
