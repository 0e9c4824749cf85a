import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../graph/model.js';
import type { Slot } from '../query/answerTypes.js';
import { coverage, metricFit, metricNameAt, periodClash, yearSide } from './metricAnswers.js';

const metric = (props: EntityRecord['props']): EntityRecord => ({ id: 'm', type: 'metric', name: `${props.indicator} ${props.raw}`, key: 'm', aliases: [], props });
const slot = (topic: string[], over: Partial<Slot> = {}): Slot => ({ answerType: 'number', text: '', topic, asksRate: false, asksChange: false, subjects: [], anchors: [], ...over });

describe('metricFit: the indicator binds the figure', () => {
  it.each([
    // jieba cuts 响应率 into 响应 + 率: a neighbouring 办结率 matches only 率 and must lose
    [['响应', '率'], { indicator: '按期办结率', raw: '95.6%', value: 95.6, unit: '%' }, null],
    [['响应', '率'], { indicator: '居民诉求响应率', raw: '99.2%', value: 99.2, unit: '%' }, 2],
    // invented: 参与率 asked, 满意率 in the same sentence
    [['参与率'], { indicator: '群众满意率', raw: '97%', value: 97, unit: '%' }, null],
    [['参与率'], { indicator: '居民参与率', raw: '76%', value: 76, unit: '%' }, 1],
    // a change alone is no level; a before → after pair's value is
    [['信访', '受理量'], { indicator: '信访受理量', raw: '18.7%', value: 18.7, unit: '%', change: 'decrease' }, null],
    [['覆盖率'], { indicator: '网格党组织覆盖率', raw: '100%', value: 100, unit: '%', change: 'increase', valueBefore: 81.6, rawBefore: '81.6%' }, 1],
  ] as [string[], EntityRecord['props'], number | null][])('%j ← %j', (topic, props, expected) => {
    // The whole part counts the question's words the indicator names; the fraction only breaks ties.
    const fit = metricFit(metric(props), slot(topic), {});
    expect(fit === null ? null : Math.floor(fit)).toBe(expected);
  });

  it.each([
    // 网格 asked: the figure the words cover most wins over a sub-figure with a qualifier
    ['网格', ['网格'], 1],
    ['专属网格', ['网格'], 0.5],
    ['综合网格', ['网格'], 0.5],
    // invented
    ['调解成功率', ['调解', '成功率'], 1],
    ['人民调解委员会调解成功率', ['调解', '成功率'], 7 / 12],
    ['满意率', ['参与率'], 0],
  ])('coverage(%s, %j) = %d', (indicator, topic, expected) => {
    expect(coverage(indicator, topic as string[])).toBeCloseTo(expected as number, 5);
  });

  it('of two figures naming the same words, the one without an unasked qualifier scores higher', () => {
    const total = metricFit(metric({ indicator: '网格', raw: '158个', value: 158, unit: '个' }), slot(['网格'], { unit: '个' }), {})!;
    const part = metricFit(metric({ indicator: '专属网格', raw: '17个', value: 17, unit: '个' }), slot(['网格'], { unit: '个' }), {})!;
    expect(total).toBeGreaterThan(part);
    expect(Math.floor(total)).toBe(Math.floor(part));
  });

  it('a period asked halves a figure of another period', () => {
    const ofPeriod = (period: string) => metric({ indicator: '受理率', raw: '93.6%', value: 93.6, unit: '%', period });
    const own = metricFit(ofPeriod('上线以来'), slot(['受理率']), { period: '上线以来' })!;
    expect(metricFit(ofPeriod('前三季度'), slot(['受理率']), { period: '上线以来' })).toBeCloseTo(own / 2, 5);
    expect(Math.floor(own)).toBe(1);
    expect(periodClash(ofPeriod('2025年前三季度'), '前三季度')).toBe(false);
  });
});

describe('yearSide and metricNameAt: a year names one side of a before → after figure', () => {
  const income = metric({ indicator: '月平均收入', raw: '5100元', value: 5100, unit: '元', change: 'increase', valueBefore: 3900, rawBefore: '3900元' });
  const sentence = '社区工作者月平均收入由2022年的3900元提高到目前的5100元。';
  it.each([
    [2022, sentence, 'before', '月平均收入 3900元'],
    [2024, sentence, null, null],
    [undefined, sentence, 'after', '月平均收入 5100元'],
    // without its sentence the year cannot be told
    [2022, undefined, null, null],
  ] as [number | undefined, string | undefined, 'before' | 'after' | null, string | null][])('%s', (year, text, side, name) => {
    expect(yearSide(income, year, text)).toBe(side);
    if (name) expect(metricNameAt(income, false, side)).toBe(name);
    const fit = metricFit(income, slot(['月平均收入']), { year }, text);
    expect(fit === null ? null : Math.floor(fit)).toBe(side ? 1 : null);
  });
});
