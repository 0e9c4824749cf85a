import type { AdminLevel } from '../../../graph/model.js';
import type { Token } from '../../segment/index.js';
import type { ArticleContext, Mention } from '../types.js';
import { ROLES } from './lexicon.js';

export type TitleClass = 'leader' | 'member' | 'resident' | 'reporter';

export interface Role {
  /** Body + title as written (党工委书记, 县委副书记, 居委会主任); level words and places left out. */
  role: string;
  cls: TitleClass;
  hasBody: boolean;
  /** The place or organization written before the role (西固区福利路街道 → 福利路街道). */
  holder?: Mention;
  /** The administrative level the role names without naming the place (县委书记, 社区党委书记, 镇长). */
  level?: AdminLevel;
  /** Start of the role phrase with its place, for the evidence span. */
  start: number;
}

export const TITLES: { title: string; cls: TitleClass }[] = [
  ...ROLES.leaderTitles.map((title) => ({ title, cls: 'leader' as const })),
  ...ROLES.memberTitles.map((title) => ({ title, cls: 'member' as const })),
  ...ROLES.residentTitles.map((title) => ({ title, cls: 'resident' as const })),
  ...ROLES.reporterTitles.map((title) => ({ title, cls: 'reporter' as const })),
].sort((a, b) => b.title.length - a.title.length);
export const TITLE_RE = new RegExp(TITLES.map((t) => t.title).join('|'), 'g');
const LEVEL_WORDS = Object.keys(ROLES.levelWords).sort((a, b) => b.length - a.length);
/** Tags of the word before a bare level word: 由 + 社区党委书记, 在 + 县委书记 (not 龙泉 + 社区). */
const BEFORE_LEVEL_TAGS = /^(p|c|u|uj|ul|uz|uv|ug|ud|d|r|v|vn|m|q|f|t)$/;
const PUNCT = /[\s,，。.:：;；、)）(（”"“’‘!！?？《》—·]/;

/**
 * Title words of a text, left to right, skipping one that starts inside a body word (党总支 + 书记, not
 * 党总 + 支书).
 */
export function titleMatches(text: string): { index: number; title: string; cls: TitleClass }[] {
  const out: { index: number; title: string; cls: TitleClass }[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    let at = m.index!;
    const crossed = ROLES.bodies.some((b) => {
      const s = text.lastIndexOf(b, at);
      return s >= 0 && s < at && s + b.length > at;
    });
    if (crossed) {
      const next = [...text.slice(at + 1, at + 1 + m[0].length + 4).matchAll(TITLE_RE)][0];
      if (!next) continue;
      at = at + 1 + next.index!;
    }
    if (out.some((o) => o.index <= at && at < o.index + o.title.length)) continue;
    const t = titleAt(text, at)!;
    out.push({ index: at, ...t });
  }
  return out;
}

export const titleAt = (text: string, at: number): { title: string; cls: TitleClass } | undefined =>
  TITLES.find((t) => text.startsWith(t.title, at));

/** Nothing but punctuation, a function word or another role stands right before `at`. */
function bareBefore(text: string, toks: Token[], at: number): boolean {
  if (at === 0 || PUNCT.test(text[at - 1])) return true;
  // 驻村第一书记, 区派第一书记: a modifier says how the post is held, not where.
  const modifier = ROLES.roleModifiers.find((m) => text.slice(0, at).endsWith(m));
  if (modifier) return bareBefore(text, toks, at - modifier.length);
  if (toks.some((t) => t.start < at && at < t.end)) return false;
  const prev = toks.find((t) => t.end === at);
  return prev !== undefined && (BEFORE_LEVEL_TAGS.test(prev.tag) || TITLES.some((t) => text.slice(0, at).endsWith(t.title)));
}

/**
 * Roles joined by 、 before a name, read right to left (金元社区党总支书记、居委会主任). Each role is
 * [place] [level word] [body] title: the holder is the place or organization ending where the body
 * begins (树屏镇 + 党委; 永登县 + 县委 share 县); without one, a bare level word (社区党委书记), a body
 * (县委书记) or a title (镇长) gives the level the role is at.
 */
export function roleChain(text: string, toks: Token[], titleStart: number, holders: Mention[]): Role[] {
  const roles: Role[] = [];
  let cursor = titleStart;
  for (;;) {
    const { title, cls } = titleAt(text, cursor)!;
    const before = text.slice(0, cursor);
    const bodies = ROLES.bodies.filter((b) => before.endsWith(b));
    // 树屏镇 + 党委 (not 树屏 + 镇党委): the body starts where a written place ends.
    const body = bodies.find((b) => holders.some((h) => h.end === cursor - b.length)) ?? bodies[0];
    const bodyStart = cursor - (body?.length ?? 0);
    const holder = holders.find(
      (h) =>
        h.end <= cursor &&
        (h.end === bodyStart || h.end === bodyStart + 1 || (cls === 'resident' && h.end === bodyStart - 1 && text[h.end] === '的')),
    );
    let start = holder ? holder.start : bodyStart;
    let level: AdminLevel | undefined;
    if (!holder) {
      const word = LEVEL_WORDS.find((w) => text.slice(0, bodyStart).endsWith(w) && bareBefore(text, toks, bodyStart - w.length));
      if (word) {
        start = bodyStart - word.length;
        level = ROLES.levelWords[word];
      } else if (bareBefore(text, toks, bodyStart)) {
        level = (body ? ROLES.bodyLevels[body] : undefined) ?? ROLES.titleLevels[title];
      }
    }
    for (let prev = holders.find((h) => h.end === start); prev; prev = holders.find((h) => h.end === start)) start = prev.start;
    const role = text.slice(bodyStart, cursor + title.length).replace(/^本报/, '');
    roles.unshift({ role, cls, hasBody: !!body, holder, level, start });
    if (text[start - 1] !== '、') break;
    const previous = TITLES.find((t) => text.slice(0, start - 1).endsWith(t.title));
    if (!previous) break;
    cursor = start - 1 - previous.title.length;
  }
  return roles;
}

/**
 * Holders for roles that name none: 居委会主任 after 金元社区党总支书记 is the same community's; a role
 * at a level (县委书记, 社区党委书记) leads the nearest place of that level named before it — earlier in
 * the sentence (在天元街道…，街道党工委书记许文斌), in the passage's earlier sentences (ctx.recent), else the
 * article's chain; a party body with neither (党工委书记) leads the article subject.
 */
export function inheritHolders(roles: Role[], ctx: ArticleContext | undefined, earlier: Mention[]): void {
  const written = roles.map((r) => r.holder);
  roles.forEach((r, i) => {
    if (r.holder) return;
    // A role at a level (第一书记, 居委会主任) takes only a place of that level from its neighbours.
    const fits = (h: Mention | undefined): h is Mention => h !== undefined && (!r.level || (h.type === 'region' && h.level === r.level));
    const near = written.slice(0, i).reverse().find(fits) ?? written.slice(i + 1).find(fits);
    const atLevel = (list: Mention[] | undefined): Mention | undefined => [...(list ?? [])].reverse().find((m) => m.type === 'region' && m.level === r.level);
    if (near) r.holder = near;
    else if (r.level) r.holder = atLevel(earlier.filter((h) => h.end <= r.start)) ?? atLevel(ctx?.recent) ?? atLevel(ctx?.regions);
    else if (r.hasBody && r.cls === 'leader' && ctx?.subject) r.holder = ctx.subject;
  });
}
