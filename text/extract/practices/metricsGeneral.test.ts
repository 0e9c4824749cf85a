import { describe, expect, it } from 'vitest';
import { extractMetrics } from './index.js';

interface Expected {
  indicator: string;
  value: number;
  unit: string;
  /** null: the metric must carry no period. */
  period?: string | null;
  year?: number;
  valueBefore?: number;
  change?: 'increase' | 'decrease';
}

interface Row {
  label: string;
  sentence: string;
  expect: Expected[];
  /** Indicators that must not appear (verbs, adjectives, abstract counts, bare subjects). */
  notIndicators?: string[];
  /** Values that must not be read as metrics. */
  notValues?: number[];
}

// Corpus sentences (marked 语料) beside invented ones from other provinces and phrasings.
const rows: Row[] = [
  // Periods bound to their clause.
  {
    label: 'issue 8: two rates, two indicators, two periods',
    sentence: '运行以来受理率91.2%，2025年办结率87.6%',
    expect: [
      { indicator: '受理率', value: 91.2, unit: '%', period: '运行以来' },
      { indicator: '办结率', value: 87.6, unit: '%', period: '2025年', year: 2025 },
    ],
  },
  {
    label: 'a later period does not reach back, and takes over for the numbers after it',
    sentence: '成都市武侯区“民情直通车”平台上线以来共受理诉求3.2万件，2024年按期办结率96.5%，群众满意率98.1%',
    expect: [
      { indicator: '受理诉求', value: 32000, unit: '件', period: '上线以来' },
      { indicator: '按期办结率', value: 96.5, unit: '%', period: '2024年', year: 2024 },
      { indicator: '群众满意率', value: 98.1, unit: '%', period: '2024年', year: 2024 },
    ],
  },
  {
    label: 'month ranges with a dash and Chinese numerals',
    sentence: '1—9月，鼓楼区12345热线工单办结量达4.6万件，回访满意度为97%',
    expect: [
      { indicator: '12345热线工单办结量', value: 46000, unit: '件', period: '1—9月' },
      { indicator: '回访满意度', value: 97, unit: '%', period: '1—9月' },
    ],
  },
  {
    label: 'a year with months and 截至目前',
    sentence: '截至目前，全县累计调解矛盾纠纷1260件，调解成功率98.6%；2024年1至6月新增网格员35名',
    expect: [
      { indicator: '调解矛盾纠纷', value: 1260, unit: '件', period: '截至目前' },
      { indicator: '调解成功率', value: 98.6, unit: '%', period: '截至目前' },
      { indicator: '网格员', value: 35, unit: '名', period: '2024年1至6月', year: 2024 },
    ],
  },
  {
    label: '近三年 and 上半年 as sentence periods',
    sentence: '近三年，黄岛区累计投入社区服务经费1.2亿元，上半年居民议事会召开156场次',
    expect: [
      { indicator: '投入社区服务经费', value: 1.2, unit: '亿元', period: '近三年' },
      { indicator: '居民议事会召开', value: 156, unit: '场次', period: '上半年' },
    ],
  },
  {
    label: '语料: 上半年 covers the next clause until 5月至8月 takes over',
    sentence: '上半年共解决各类问题2944件，满意率达97.4%，5月至8月，街道12345投诉案件数量环比下降30.8%',
    expect: [
      { indicator: '满意率', value: 97.4, unit: '%', period: '上半年' },
      { indicator: '12345投诉案件数量环比', value: 30.8, unit: '%', period: '5月至8月', change: 'decrease' },
    ],
  },
  // Before → after pairs: one metric with both values.
  {
    label: 'from … reduced to …',
    sentence: '通过撤并整合，全乡村级组织从86个减到61个',
    expect: [{ indicator: '村级组织', value: 61, unit: '个', valueBefore: 86, change: 'decrease' }],
    notValues: [86],
  },
  {
    label: '由…增加到… with 万',
    sentence: '全镇常住人口由1.84万人增加到2.71万人',
    expect: [{ indicator: '常住人口', value: 27100, unit: '人', valueBefore: 18400, change: 'increase' }],
    notValues: [18400],
  },
  {
    label: '调整为: the direction from the values',
    sentence: '洪山区将网格由38个调整为54个，每个网格配备专职网格员1名',
    expect: [{ indicator: '网格', value: 54, unit: '个', valueBefore: 38, change: 'increase' }],
    notValues: [38, 1],
  },
  {
    label: 'a noun between the before value and the verb',
    sentence: '今年以来，由12个议事点扩大到20个',
    expect: [{ indicator: '议事点', value: 20, unit: '个', valueBefore: 12, period: '今年以来' }],
  },
  // Indicators are nouns of measurement.
  {
    label: 'number + unit + noun, and noun + number + unit',
    sentence: '西宁市城中区划分网格54个，配备54个网格员',
    expect: [
      { indicator: '网格', value: 54, unit: '个' },
      { indicator: '网格员', value: 54, unit: '个' },
    ],
  },
  {
    label: 'an abstract count is not a metric',
    sentence: '从组织、发展、服务、治理四个维度推进，围绕5个方面细化考核，强化三个质量',
    expect: [],
    notIndicators: ['维度', '方面', '质量', '强化'],
  },
  {
    label: 'a bare verb is not an indicator',
    sentence: '该镇夯实3个保障，先后选派200余名干部',
    expect: [{ indicator: '干部', value: 200, unit: '名' }],
    notIndicators: ['夯实', '选派'],
  },
  {
    label: 'a count over a relative clause belongs to the noun after 的',
    sentence: '收集解决83个群众关注的问题，开展40余场形式多样的文化活动',
    expect: [
      { indicator: '群众关注的问题', value: 83, unit: '个' },
      { indicator: '文化活动', value: 40, unit: '场' },
    ],
    notIndicators: ['群众', '形式多样'],
  },
  {
    label: 'an elided object is the previous metric’s',
    sentence: '全年受理事件5120件，处置5087件，处置率99.4%',
    expect: [
      { indicator: '受理事件', value: 5120, unit: '件', period: '全年' },
      { indicator: '处置事件', value: 5087, unit: '件', period: '全年' },
      { indicator: '处置率', value: 99.4, unit: '%', period: '全年' },
    ],
    notIndicators: ['处置'],
  },
  {
    label: 'a bare verb that is a lead verb still borrows (化解3198件), from the last metric of its unit',
    sentence: '全年共排查矛盾纠纷3264件，化解3198件，化解率98.0%',
    expect: [
      { indicator: '排查矛盾纠纷', value: 3264, unit: '件', period: '全年' },
      { indicator: '化解矛盾纠纷', value: 3198, unit: '件', period: '全年' },
      { indicator: '化解率', value: 98, unit: '%', period: '全年' },
    ],
  },
  {
    label: 'a period opening a statement after ； covers it; the object is borrowed across a rate',
    sentence: '2023年全区受理矛盾纠纷1.86万件，调解成功率96.2%；2024年受理1.52万件，调解成功率97.5%',
    expect: [
      { indicator: '受理矛盾纠纷', value: 18600, unit: '件', period: '2023年', year: 2023 },
      { indicator: '调解成功率', value: 96.2, unit: '%', period: '2023年' },
      { indicator: '受理矛盾纠纷', value: 15200, unit: '件', period: '2024年', year: 2024 },
      { indicator: '调解成功率', value: 97.5, unit: '%', period: '2024年', year: 2024 },
    ],
  },
  {
    label: 'a count that names the items of the list before it is not a metric',
    sentence: '着力建设党群服务、养老托育、纠纷调解三个服务阵地，建成口袋公园、健身步道2处',
    expect: [],
    notValues: [3],
  },
  {
    label: 'the numbers of a formula’s definition are its terms, not metrics',
    sentence: '每个网格推行“1+2+N”力量配置，即1名网格长、2名专职网格员、N名兼职网格员和志愿者',
    expect: [],
  },
  {
    label: 'allocations per unit are not totals, even later in a list',
    sentence: '每个网格配备1名网格员、1名社区民警、1名人民调解员',
    expect: [],
  },
  {
    label: 'more units: 张, 起, 户次, 栋, 对; 个百分点 is not a count',
    sentence: '累计发放积分卡1.6万张，调处邻里纠纷37起，入户走访4.2万户次，覆盖商务楼宇21栋，结成帮扶对子95对，比上年提高了11个百分点',
    expect: [
      { indicator: '发放积分卡', value: 16000, unit: '张' },
      { indicator: '邻里纠纷', value: 37, unit: '起' },
      { indicator: '入户走访', value: 42000, unit: '户次' },
      { indicator: '覆盖商务楼宇', value: 21, unit: '栋' },
      { indicator: '结成帮扶对子', value: 95, unit: '对' },
    ],
    notValues: [11],
  },
  {
    label: 'two items joined by 和 before their count are an enumeration',
    sentence: '“2”是社区党组织和业主委员会两个主体',
    expect: [],
  },
  {
    label: 'a coordinated noun beyond reach gives no indicator',
    sentence: '以5个中央和省级扶持项目为纽带',
    expect: [],
    notIndicators: ['中央'],
  },
];

describe('extractMetrics: periods, pairs and indicators', () => {
  it.each(rows.map((r) => [r.label, r] as const))('%s', (_label, row) => {
    const found = extractMetrics(row.sentence);
    const names = JSON.stringify(found.map((m) => `${m.name} ${String(m.props?.period ?? '')}`));
    for (const e of row.expect) {
      const m = found.find((x) => x.props?.indicator === e.indicator && x.props?.value === e.value && x.props?.unit === e.unit);
      expect(m, `${e.indicator} ${e.value}${e.unit} in ${names}`).toBeDefined();
      if (e.period !== undefined) expect(m!.props?.period ?? null, `period of ${e.indicator}`).toBe(e.period);
      if (e.year !== undefined) expect(m!.props?.year).toBe(e.year);
      if (e.valueBefore !== undefined) expect(m!.props?.valueBefore).toBe(e.valueBefore);
      if (e.change !== undefined) expect(m!.props?.change).toBe(e.change);
      const period = m!.props?.period;
      expect(m!.key).toBe(`${e.indicator}|${e.value}${e.unit}${period ? `|${String(period)}` : ''}`);
    }
    if (row.expect.length === 0 && !row.notValues) expect(found.map((m) => m.name)).toEqual([]);
    for (const word of row.notIndicators ?? []) expect(found.map((m) => m.props?.indicator)).not.toContain(word);
    for (const value of row.notValues ?? []) expect(found.map((m) => m.props?.value)).not.toContain(value);
  });

  it('keeps the raw strings of both values of a pair', () => {
    const sentence = '全镇常住人口由1.84万人增加到2.71万人';
    const [m] = extractMetrics(sentence);
    expect(m.props).toMatchObject({ raw: '2.71万人', rawBefore: '1.84万人', valueBefore: 18400, value: 27100 });
    expect(sentence.slice(m.start, m.end)).toBe('常住人口由1.84万人增加到2.71万人');
  });
});

describe('periods', () => {
  it('never reach back and are not taken from inside a pair', () => {
    const [before, after] = extractMetrics('各类市场主体由去年的3584家增加到4480家，增长8%');
    expect(before.props).toMatchObject({ value: 4480, valueBefore: 3584 });
    expect(before.props?.period).toBeUndefined();
    expect(after.props?.period).toBeUndefined();
  });

  it('a pair’s after value may name its own time', () => {
    const [m] = extractMetrics('物业服务满意度从去年的72.4%提升到今年5月的89.6%');
    expect(m.props).toMatchObject({ indicator: '物业服务满意度', value: 89.6, valueBefore: 72.4, period: '今年5月', change: 'increase' });
  });

  it('a pair with a time inside the before part: 由2021年换届时的46%提高到61%', () => {
    const [m] = extractMetrics('大专以上学历占比由2021年换届时的46%提高到61%');
    expect(m.props).toMatchObject({ indicator: '大专以上学历占比', value: 61, valueBefore: 46 });
    expect(m.props?.period).toBeUndefined();
  });
});
