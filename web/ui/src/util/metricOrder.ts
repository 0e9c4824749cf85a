/**
 * Metrics in time order: by the year the period names (2021年 before 2023年上半年), then by the
 * period's text, undated metrics last; within one time, by indicator.
 */
import type { EntityLink, Props } from '../api/types.js';

const YEAR = /((?:19|20)\d\d)\s*年/;

function yearOf(props: Props): number | null {
  if (typeof props.year === 'number') return props.year;
  const m = YEAR.exec(typeof props.period === 'string' ? props.period : '');
  return m ? Number(m[1]) : null;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function compareMetrics(a: Props, b: Props): number {
  const ya = yearOf(a);
  const yb = yearOf(b);
  const pa = str(a.period);
  const pb = str(b.period);
  const datedA = ya !== null || pa !== '';
  const datedB = yb !== null || pb !== '';
  if (datedA !== datedB) return datedA ? -1 : 1;
  if (ya !== yb) return ya === null ? 1 : yb === null ? -1 : ya - yb;
  return pa.localeCompare(pb, 'zh-CN') || str(a.indicator).localeCompare(str(b.indicator), 'zh-CN');
}

export function sortMetricLinks(links: EntityLink[]): EntityLink[] {
  return [...links].sort((a, b) => compareMetrics(a.entity.props, b.entity.props));
}
