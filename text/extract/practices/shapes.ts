/**
 * Shapes of practice names: numeric formulas (1+3+X, 1+13+N, 1333), word formulas
 * (党支部+合作社) and number + noun lists (六位一体, 一网两访三为, 三进小区, 双报到).
 * Inputs are width-normalized.
 */

export const NUMERALS = '一二三四五六七八九十百千万两双';
const NUM_CLASS = `[${NUMERALS}]`;
// Verbs of parts acting as one: a number list ending in one names a joint arrangement (三社联动).
const JOINT_VERBS = ['融合', '联动', '共治', '共建', '联建', '协同'].join('|');

/** Terms of a + formula, or undefined when the text is not one. */
export function formulaTerms(text: string): string[] | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!compact.includes('+')) return undefined;
  const terms = compact.split('+');
  if (terms.length < 2 || terms.some((t) => t.length === 0)) return undefined;
  return terms;
}

/** 1+3+X, 1+13+N, 1+6: every term a number or a single letter, at least one number. */
export function isNumericFormula(text: string): boolean {
  const terms = formulaTerms(text);
  if (!terms) return false;
  return terms.every((t) => /^(\d+|[A-Za-z])$/.test(t)) && terms.some((t) => /^\d+$/.test(t));
}

/** 1333: a short digit code used as a name (only meaningful inside quotes). */
export function isDigitCode(text: string): boolean {
  return /^\d{3,4}$/.test(text) && !/^(19|20)\d\d$/.test(text);
}

/** 党支部+合作社, 网格化+管理+服务+N: a + list of words (needs other evidence to be a practice). */
export function isWordFormula(text: string): boolean {
  const terms = formulaTerms(text);
  return !!terms && !isNumericFormula(text) && terms.every((t) => /^[\p{Script=Han}A-Za-z\d（）()·]{1,12}$/u.test(t));
}

/**
 * Number + noun lists strong enough to be a name on their own:
 * - several numeral-led segments: 一网两访三为, 两化三三三, 五岗二十级, 六位一体, 三会一课;
 * - N…融合/联动/共治: 五个融合, 三网融合, 三社联动; N零: 四零; N进X: 三进小区, 八进网格; 双X: 双报到, 双找双帮.
 */
export function isNumberList(text: string): boolean {
  // 五个融合, 三社联动, 五方共治: N parties or parts acting together.
  if (new RegExp(`^${NUM_CLASS}[个项大]?[\\p{Script=Han}]{0,2}(?:${JOINT_VERBS})$`, 'u').test(text)) return true;
  // 三零, 四零: N zero-targets (零上交, 零事故…), a common way to name a safety practice.
  if (/^[二两三四五六七八九十]零$/.test(text)) return true;
  if (new RegExp(`^${NUM_CLASS}进[\\p{Script=Han}]{2,3}$`, 'u').test(text)) return true;
  if (/^双[\p{Script=Han}]{2,5}$/u.test(text)) return true;
  // 三个一, 四个一, 五个一: N things that each come once (一张网、一支队伍…).
  if (/^[二两三四五六七八九十]个一$/.test(text)) return true;
  if (text.length < 4 || text.length > 12) return false;
  const segments = text.match(new RegExp(`${NUM_CLASS}+[^${NUMERALS}]{0,2}`, 'gu'));
  return !!segments && segments.length >= 2 && segments.join('') === text;
}

export type NameShape = 'formula' | 'word-formula' | 'number-list';

/** The intrinsic shape of a (quoted) name, if it has one. */
export function nameShape(core: string): NameShape | undefined {
  if (isNumericFormula(core) || isDigitCode(core)) return 'formula';
  if (isNumberList(core)) return 'number-list';
  if (isWordFormula(core)) return 'word-formula';
  return undefined;
}
