/**
 * References in GB/T 7714-2015 (信息与文献 参考文献著录规则) style.
 *
 * Each corpus document is a work report or a compilation of reports (报告/汇编) held as a local
 * file, without a named author, publisher or place. The closest correct form is the 报告 [R]
 * entry of §4.4 / §8 with the unknown elements marked as the standard prescribes:
 *
 *   [n] 题名[R]. [出版地不详]: [出版者不详], [2023]. 文件: corpus/001.txt.
 *
 * - No 主要责任者: the entry starts with the title (§8.1.1 note: 无责任者时省略).
 * - 出版地/出版者 unknown: "[出版地不详]" and "[出版者不详]" (§8.4.3, §8.4.4 examples).
 * - 出版年: estimated from the latest year the text mentions and put in brackets, as §8.4.1 asks
 *   for an estimated year; "[出版年不详]" when the text names no year.
 * - 获取和访问路径: the local file the text was read from, labelled "文件:" because it is a path,
 *   not a URL (an online copy would be [R/OL] with its URL and 引用日期).
 */
import type { DocumentInfo } from './types.js';

const YEAR = /((?:19[5-9]|20[0-9])\d)\s*年/g;

/** Latest plausible year mentioned in the text ("2023年", "2023 年"); undefined when none. */
export function estimateYear(text: string, notAfter = new Date().getFullYear()): number | undefined {
  let latest: number | undefined;
  for (const match of text.matchAll(YEAR)) {
    const year = Number(match[1]);
    if (year <= notAfter && (latest === undefined || year > latest)) latest = year;
  }
  return latest;
}

/** One reference without its number: 题名[R]. [出版地不详]: [出版者不详], [2023]. 文件: path. */
export function gbtReference(doc: DocumentInfo): string {
  const title = doc.title.trim().replace(/[.。]+$/, '');
  const year = doc.estimatedYear === undefined ? '[出版年不详]' : `[${doc.estimatedYear}]`;
  return `${title}[R]. [出版地不详]: [出版者不详], ${year}. 文件: ${doc.path}.`;
}

/** The numbered reference list: "[1] …". */
export function gbtReferenceList(docs: DocumentInfo[]): string[] {
  return docs.map((doc, i) => `[${i + 1}] ${gbtReference(doc)}`);
}
