/** Bylines (who wrote/spoke) and article-closing lines. */
import { numbering } from './headings.js';

const ROLE =
  '(?:党工委书记|党委书记|党组书记|党总支书记|党支部书记|副书记|书记|副主任|主任|副局长|局长|部长|副县长|县长|区长|市长|镇长|乡长|州长|省长|委员|主席|院长|校长|所长|总经理|经理|董事长|负责人|处长|科长|站长|社长|馆长|理事长|秘书长|会长|组长|队长|教授|副教授|研究员|讲师|网格长|网格员)';
const NAME = '[\\u4e00-\\u9fa5·]{2,4}';

/** `西固区福利路街道党工委书记 牟辉`, `永登县委副书记、树屏镇党委书记 贾锐` */
const PERSON = new RegExp(`^[\\u4e00-\\u9fa5（）()、·\\s]{2,40}?${ROLE}[\\s\\u3000]+${NAME}$`);
/** `本报记者 邱东芳`, `记者 张三 李四`, `本报通讯员 王五` */
const REPORTER = new RegExp(
  `^(?:本报|本刊|新华社)?(?:特约)?(?:记者|通讯员)[\\s\\u3000]*${NAME}(?:[\\s\\u3000、，,]+(?:(?:本报)?(?:特约)?(?:记者|通讯员)[\\s\\u3000]*)?${NAME}){0,4}$`,
);
/** `文/张三`, `作者：张三` */
const AUTHOR = /^(?:文|撰文|作者|撰稿|执笔)\s*[：:／/|｜]\s*[\u4e00-\u9fa5·、\s]{2,24}$/;
/** `本报讯（记者 董芳）…` at the start of a paragraph. */
const INLINE = /^(?:本报讯|本刊讯|[^\s，。（(]{2,14}电)?\s*[（(](?:本报|本刊)?(?:特约)?(?:记者|通讯员)[^）)，。]{1,30}[）)]/;
/** `省党建研究会农村党建研究专委会`: an organisation as author (only right after a title). */
const ORG = /^[\u4e00-\u9fa5（）()·]{3,40}(?:研究会|专委会|专业委员会|委员会|课题组|编辑部|研究中心|研究院|研究所|调研组|党校)$/;

/** A standalone byline line naming a person or reporter. */
export function isByline(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > 50 || numbering(t)) return false;
  if (PERSON.test(t) || REPORTER.test(t) || AUTHOR.test(t)) return true;
  const m = t.match(INLINE);
  return m !== null && m[0].length === t.length;
}

/** An organisation-as-author line; a byline only when it follows a title line. */
export function isOrgByline(line: string): boolean {
  return ORG.test(line.trim());
}

/** Length of an inline dateline byline (`本报讯（记者 董芳）`) at the start of `text`, else 0. */
export function inlineBylineLength(text: string): number {
  const m = text.match(INLINE);
  if (!m) return 0;
  // a bare `（记者…）` must be the very start and followed by text
  return m[0].length < text.length ? m[0].length : 0;
}

const CLOSING = [
  /^[（(]\s*(?:执笔|作者|作者单位|撰稿|责任编辑|编辑|审核|审稿|来源|供稿|本文作者)\s*[：:][^）)]{1,60}[）)]$/,
  /^——\s*(?:摘自|原载|转自|来源)/,
  /^(?:责任编辑|编辑|来源|审核|供稿)\s*[：:]\s*\S{1,30}$/,
];

/** Lines that end an article: `(执笔：王贵森)`, `——摘自《山西日报》`, `责任编辑：…`. */
export function isClosingLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 70 && CLOSING.some((re) => re.test(t));
}

/** `【编者按】`: an editor's note opens an article right after its title. */
export function isEditorNote(line: string): boolean {
  return /^[【\[]?\s*编者按\s*[】\]]?[：:]?/.test(line.trim());
}
