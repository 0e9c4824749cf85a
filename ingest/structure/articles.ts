/**
 * Split a compilation into articles: table-of-contents titles, title + byline pairs,
 * `#` title lines, titles after a closing line (`(执笔：…)`), and a trailing article whose
 * numbering restarts after the last TOC entry.
 */
import { concatBlocks } from './block.js';
import { isEditorNote } from './bylines.js';
import { isFirstNumeral, numbering } from './headings.js';
import { normTitle, type TocEntry } from './segments.js';
import type { Para } from './types.js';

export interface ArticlePlan {
  /** First paragraph index of the article (kickers / front matter included). */
  first: number;
  /** Index of the title paragraph, -1 when the article has none of its own. */
  titleIdx: number;
  bylineIdx: number;
  title: string;
}

const MAX_TITLE_CHARS = 120;
const titleish = (p: Para | undefined): boolean => !!p && (p.role === 'md' || p.role === 'plain' || p.role === 'title');

/** Mark paragraphs that match TOC titles (in order); merge a title broken over two lines. */
export function matchToc(paras: Para[], toc: TocEntry[]): Para[] {
  if (!toc.length) return paras;
  const byNorm = new Map<string, number[]>();
  toc.forEach((e, i) => {
    if (!e.norm) return;
    const list = byNorm.get(e.norm);
    if (list) list.push(i);
    else byNorm.set(e.norm, [i]);
  });
  const cursor = new Map<string, number>();
  let lastEntry = -1;
  const take = (norm: string): number => {
    const list = byNorm.get(norm);
    if (!list) return -1;
    let c = cursor.get(norm) ?? 0;
    while (c < list.length && list[c] <= lastEntry) c++;
    cursor.set(norm, c);
    return c < list.length ? list[c] : -1;
  };
  const out: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.role === 'byline' || p.role === 'closing' || p.block.text.length > MAX_TITLE_CHARS) {
      out.push(p);
      continue;
    }
    const n1 = normTitle(p.block.text);
    let e = n1 ? take(n1) : -1;
    if (e >= 0) {
      out.push({ ...p, role: 'title', tocTitle: toc[e].title });
      lastEntry = e;
      continue;
    }
    const q = paras[i + 1];
    if (n1 && q && (q.role === 'md' || q.role === 'plain' || q.role === 'heading') && q.block.text.length <= 60) {
      e = take(n1 + normTitle(q.block.text));
      if (e >= 0) {
        out.push({ ...p, role: 'title', tocTitle: toc[e].title, block: concatBlocks(p.block, q.block) });
        lastEntry = e;
        i++;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

function cleanTitle(s: string): string {
  return s.replace(/\s*[*＊]+$/, '').trim();
}

export function planArticles(paras: Para[], docTitle: string): ArticlePlan[] {
  const starts = new Map<number, ArticlePlan>();
  const titleOf = (i: number): string => cleanTitle(paras[i].tocTitle ?? paras[i].block.text);
  const bylineAfter = (i: number): number => (paras[i + 1]?.role === 'byline' ? i + 1 : -1);
  const add = (first: number, titleIdx: number, bylineIdx: number): void => {
    const old = starts.get(first);
    if (old) {
      if (old.bylineIdx < 0) old.bylineIdx = bylineIdx;
      return;
    }
    starts.set(first, { first, titleIdx, bylineIdx, title: titleOf(titleIdx) });
  };
  const tocTitles: number[] = [];
  paras.forEach((p, i) => {
    if (p.tocTitle !== undefined) {
      tocTitles.push(i);
      add(i, i, bylineAfter(i));
    }
  });
  let firstMd1 = -1;
  paras.forEach((p, i) => {
    if (p.role === 'byline') {
      const j = i - 1;
      const prev = paras[j];
      if (!titleish(prev) || prev.tocTitle !== undefined) return;
      if (prev.role === 'md') {
        // kicker/title/subtitle lines above a byline: `### 西水磨村` + `## 抓党建兴产业走出富民路`
        let k = j;
        while (k - 1 >= 0 && j - (k - 1) < 3 && paras[k - 1].role === 'md') k--;
        let t = j;
        for (let x = j; x >= k; x--) if (paras[x].mdLevel < paras[t].mdLevel) t = x;
        add(k, t, i);
      } else add(j, j, i);
    } else if (p.role === 'md' && p.mdLevel === 1 && p.heading?.family === 'md') {
      if (firstMd1 < 0) firstMd1 = i;
      else add(i, i, bylineAfter(i));
    } else if (p.role === 'closing' && titleish(paras[i + 1])) {
      add(i + 1, i + 1, bylineAfter(i + 1));
    } else if (p.role === 'plain' && paras[i + 1] && isEditorNote(paras[i + 1].block.text)) {
      add(i, i, -1);
    }
  });
  addTrailingArticle(paras, tocTitles, starts, add);

  const plans: ArticlePlan[] = [];
  for (const plan of [...starts.values()].sort((a, b) => a.first - b.first)) {
    const prev = plans[plans.length - 1];
    if (prev && plan.first <= Math.max(prev.titleIdx, prev.bylineIdx)) continue;
    plans.push(plan);
  }
  return withFrontMatter(paras, plans, docTitle);
}

/**
 * After the last TOC article, a first-numbered heading (`1.`, `一、`) in an article that had
 * no numbered heading yet, after ≥ 500 chars of body, starts an unrelated trailing article.
 */
function addTrailingArticle(
  paras: Para[],
  tocTitles: number[],
  starts: Map<number, ArticlePlan>,
  add: (first: number, titleIdx: number, bylineIdx: number) => void,
): void {
  if (tocTitles.length < 2) return;
  const last = tocTitles[tocTitles.length - 1];
  let bodyChars = 0;
  for (let i = last + 1; i < paras.length; i++) {
    if (starts.has(i)) return;
    const p = paras[i];
    if (p.role === 'body' || p.role === 'closing') bodyChars += p.block.text.length;
    else if (p.heading?.family === 'num') {
      const n = numbering(p.block.text, true);
      if (n && isFirstNumeral(n) && bodyChars >= 500) {
        add(i, i, -1);
        return;
      }
      if (n) return;
    }
  }
}

const FRONT_MATTER_OWN_ARTICLE = 200;

function withFrontMatter(paras: Para[], plans: ArticlePlan[], docTitle: string): ArticlePlan[] {
  if (!paras.length) return [];
  if (!plans.length) {
    const t = titleish(paras[0]) ? 0 : -1;
    return [{ first: 0, titleIdx: t, bylineIdx: paras[t + 1]?.role === 'byline' ? t + 1 : -1, title: t >= 0 ? cleanTitle(paras[0].tocTitle ?? paras[0].block.text) : docTitle }];
  }
  const head = plans[0].first;
  if (head === 0) return plans;
  let bodyChars = 0;
  for (let i = 0; i < head; i++) if (paras[i].role === 'body' || paras[i].role === 'closing') bodyChars += paras[i].block.text.length;
  if (bodyChars >= FRONT_MATTER_OWN_ARTICLE) {
    const t = titleish(paras[0]) ? 0 : -1;
    return [{ first: 0, titleIdx: t, bylineIdx: -1, title: t >= 0 ? cleanTitle(paras[0].block.text) : docTitle }, ...plans];
  }
  plans[0] = { ...plans[0], first: 0 };
  return plans;
}
