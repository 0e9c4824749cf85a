import type { Citation, TableCell } from '../api/types.js';

/** "党支部+合作社（大同镇）" → "党支部+合作社"; "马竞 党工委书记" → "马竞". */
function coreName(value: string): string {
  return value.replace(/（[^（）]*）$/, '').trim().split(/\s+/)[0] ?? value;
}

/**
 * Pairs each value of a table cell with the citations whose text names it, so a badge can sit next
 * to the fact it supports; citations that name no value are returned as `rest`.
 */
export function alignCitations(cell: TableCell): { values: { value: string; citations: Citation[] }[]; rest: Citation[] } {
  const used = new Set<Citation>();
  const values = cell.values.map((value) => {
    const name = coreName(value);
    const citations = name.length >= 2 ? cell.citations.filter((c) => c.text.includes(name)) : [];
    citations.forEach((c) => used.add(c));
    return { value, citations };
  });
  return { values, rest: cell.citations.filter((c) => !used.has(c)) };
}
