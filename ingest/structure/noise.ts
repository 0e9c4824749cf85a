/**
 * Line classifiers for extraction noise (PDF/web artefacts). Each takes one line of text
 * (surrounding whitespace allowed) and looks at that line only.
 */

const PAGE_MARKER = [
  /^[★☆\s]*[—–\-－―─]{1,3}\s*\d{1,4}\s*[—–\-－―─]{1,3}[\s★☆]*$/,
  /^[★☆\s]*第\s*\d{1,4}\s*页(\s*[/／共]\s*\d{1,4}\s*页?)?[\s★☆]*$/,
  /^[★☆]\s*\d{1,4}$|^\d{1,4}\s*[★☆]$/,
];

/** `— 2 — ★`, `★  — 13 —`, `- 3 -`, `— 11—`, `第 3 页` */
export function isPageMarker(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 24 && PAGE_MARKER.some((re) => re.test(t));
}

export const PAID_MARKER = /##paid(?:begin|end)##/gi;

export function stripPaidMarkers(line: string): string {
  return line.replace(PAID_MARKER, '');
}

const TOC_HEADING = /^#{0,6}\s*(?:目\s*录|目\s*次|contents)\s*[:：]?$/i;
/** Leader dots (or ellipses) followed by a page number. */
export const LEADER_PAGE = /\s*(?:\.{3,}|…{2,}|·{4,}|．{3,}|。{4,}|_{4,}|-{4,}|\s\.{2,})\s*\d{1,4}\s*$/;

/** The `目录` heading itself. */
export function isTocHeading(line: string): boolean {
  return TOC_HEADING.test(stripPaidMarkers(line).trim());
}

/** A table-of-contents line that is recognisable on its own: `目 录`, `…标题………13`. */
export function isTocLine(line: string): boolean {
  const t = stripPaidMarkers(line).trim();
  return isTocHeading(t) || hasLeaderPage(t);
}

/** Leader dots + page number at the end (only the tail is scanned: long lines stay cheap). */
function hasLeaderPage(t: string): boolean {
  return LEADER_PAGE.test(t.length > 160 ? t.slice(-160) : t);
}

/** Lines that keep a table of contents going once a `目录` heading was seen. */
export function isTocContinuation(line: string): boolean {
  const t = stripPaidMarkers(line).trim();
  if (isTocLine(t)) return true;
  if (t.length > 90 || /。/.test(t)) return false;
  // `5.实践成效篇……方向\t20`, `3．酒泉路街道党工委书记马竞：`
  return /^\d{1,2}\s*[.．、]/.test(t) || /\S[\t ]+\d{1,4}$/.test(t);
}

/** Title of a TOC entry, or null for lines that carry no title (`目录`, `N．作者：`). */
export function tocEntryTitle(line: string): string | null {
  let t = stripPaidMarkers(line).trim();
  if (isTocHeading(t)) return null;
  const hadPage = hasLeaderPage(t) || /\S[\t ]+\d{1,4}$/.test(t);
  if (!hadPage) return null;
  t = t.replace(LEADER_PAGE, '').replace(/[\t ]+\d{1,4}$/, '');
  t = t.replace(/^#{1,6}\s*/, '').replace(/^\d{1,2}\s*[.．、]\s*/, '').trim();
  return t.length >= 2 ? t : null;
}

const CREDIT = /^[^，。；！？]{1,30}?\s*摄(?:影)?\s*(?:[（(][^）)]{0,24}[）)])?$/;
const CREDIT_LABEL = /^(?:摄影|图片|图|供图)\s*[：:／/]\s*\S{1,20}$/;

/** Photographer credit alone on a line: `邱东芳摄`, `彭俊 摄（贵州图片库发）`, `摄影：张三`. */
export function isPhotoCredit(line: string): boolean {
  const t = line.trim();
  return t.length >= 2 && t.length <= 40 && (CREDIT.test(t) || CREDIT_LABEL.test(t));
}

/** Photo captions: `图为…` and photographer credits. */
export function isCaption(line: string): boolean {
  const t = line.trim();
  if (/^[（(]?图为/.test(t) && t.length <= 160) return true;
  if (/^[（(]?图\s*\d{1,2}\s*[：:、．.]/.test(t) && t.length <= 80 && !/。.+/.test(t)) return true;
  return isPhotoCredit(t);
}

const SPAM = /(?:联系|添加|加)(?:微信|QQ|qq|VX|vx)|微信号\s*[:：]|扫码(?:观看|关注|下载|加入|添加|进群)|扫描(?:下方)?二维码|长按(?:识别)?二维码|关注(?:我们的)?公众号|(?:点击|戳)阅读原文|更多精彩内容/;

/** Advertising / contact lines such as `联系微信 rcjubi9` or `扫码观看《…》微视频`. */
export function isSpam(line: string): boolean {
  const t = line.trim();
  // a real sentence with an ad glued inside (`…的现状，联系微信 rcjubi9，规划…`) is not a spam line
  return t.length > 0 && t.length <= 80 && SPAM.test(t) && t.replace(INLINE_SPAM, '').length <= 40;
}

/** Contact ads embedded in a real sentence: removed from clean text only. */
export const INLINE_SPAM = /(?:联系|添加|加)(?:微信|QQ|qq|VX|vx)号?[\s:：]*[A-Za-z0-9_\-]{4,}[，,。；;]?/g;

/** Rules such as `__________________________` (footnote separator). */
export function isSeparator(line: string): boolean {
  const t = line.trim();
  return t.length >= 4 && /^[_\-—=*~·－─━\s]+$/.test(t);
}
