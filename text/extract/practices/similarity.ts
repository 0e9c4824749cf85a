import { mechanismKey } from './mechanismKey.js';
import { formulaTerms, isNumericFormula } from './shapes.js';

/**
 * Two different practices of the same formula shape: numeric formulas with the same number of
 * terms (at least three) that differ in exactly one term: 1+3+X ~ 1+3+N ~ 1+4+X.
 * Two-term formulas (1+6, 1+7) share too little to count, digit codes (1333) are not formulas,
 * and a name is not similar to itself.
 */
export function mechanismsSimilar(a: string, b: string): boolean {
  const ka = mechanismKey(a);
  const kb = mechanismKey(b);
  if (ka === kb || !isNumericFormula(ka) || !isNumericFormula(kb)) return false;
  const ta = formulaTerms(ka)!;
  const tb = formulaTerms(kb)!;
  if (ta.length !== tb.length || ta.length < 3) return false;
  let differing = 0;
  for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) differing++;
  return differing === 1;
}
