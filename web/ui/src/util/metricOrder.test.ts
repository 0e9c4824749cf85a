import { describe, expect, it } from 'vitest';
import type { Props } from '../api/types.js';
import { compareMetrics } from './metricOrder.js';

describe('compareMetrics', () => {
  it('orders by year, then period text, undated last, then indicator', () => {
    const metrics: Props[] = [
      { indicator: '网格数', period: '' },
      { indicator: '满意率', period: '2023年上半年', year: 2023 },
      { indicator: '受理件数', period: '2021年', year: 2021 },
      { indicator: '办结率', period: '今年以来' },
      { indicator: '志愿者', period: '2022年' },
      { indicator: '调解成功率' },
    ];
    expect([...metrics].sort(compareMetrics).map((m) => m.indicator)).toEqual(['受理件数', '志愿者', '满意率', '办结率', '调解成功率', '网格数']);
  });
});
