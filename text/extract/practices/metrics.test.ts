import { describe, expect, it } from 'vitest';
import { extractMetrics, parseNumber } from './index.js';
import { inCorpus } from './testCorpus.js';

interface Expected {
  value: number;
  unit: string;
  indicator: string;
  raw?: string;
  period?: string;
  change?: 'increase' | 'decrease';
  valueBefore?: number;
}

interface Row {
  sentence: string;
  expect: Expected[];
  /** Values that must not be read as metrics (years, ranges, phone-like names, per-unit counts). */
  notValues?: number[];
}

// Every sentence is quoted from corpus/*.txt (checked below).
const rows: Row[] = [
  {
    sentence: '上半年共解决各类问题2944件，满意率达97.4%，5月至8月，街道12345投诉案件数量环比下降30.8%，顺利将2个红色网格降为黄色网格',
    expect: [
      { value: 2944, unit: '件', indicator: '解决各类问题', period: '上半年' },
      { value: 97.4, unit: '%', indicator: '满意率', period: '上半年' },
      { value: 30.8, unit: '%', indicator: '12345投诉案件数量环比', period: '5月至8月', change: 'decrease' },
      { value: 2, unit: '个', indicator: '红色网格' },
    ],
    notValues: [12345, 5, 8],
  },
  {
    sentence: '坚持和发展新时代“枫桥经验”，抓实网格化管理，在辖区设置“红黄绿”网格54个，由社区书记和“两委”成员分别担任红黄网格网格长',
    expect: [{ value: 54, unit: '个', indicator: '红黄绿网格' }],
  },
  {
    sentence: '平城区标准化建设一批微网格，将原来以300—500户为标准划分的网格细分为30—50户为一个微网格，将18个街道、203个村（社区），重新划分为1529个网格，6854个微网格，其中包括“专属网格”273个，形成了区、街道、村（社区）、网格四级上下贯通、联动融合的平安建设领导体系',
    expect: [
      { value: 1529, unit: '个', indicator: '网格' },
      { value: 6854, unit: '个', indicator: '微网格' },
      { value: 273, unit: '个', indicator: '专属网格' },
      { value: 18, unit: '个', indicator: '街道' },
    ],
    notValues: [300, 500, 30, 50],
  },
  {
    sentence: '大力实施“一村一项目”计划，以5个中央和省级扶持壮大村集体经济项目为纽带，撬动13个强村富民项目落地运行，累计吸引各类投资3200余万元，带动村均集体经济收入达到45万元，80余户农民群众年均增收230余万元',
    expect: [
      { value: 45, unit: '万元', indicator: '村均集体经济收入', raw: '45万元' },
      { value: 3200, unit: '万元', indicator: '吸引各类投资', raw: '3200余万元' },
      { value: 13, unit: '个', indicator: '强村富民项目' },
      { value: 80, unit: '户', indicator: '农民群众' },
      { value: 230, unit: '万元', indicator: '年均增收' },
    ],
  },
  {
    sentence: '三是网格管理服务更加精细',
    expect: [],
  },
  {
    sentence: '把党建、政法综治等网格合成“一张网”，以居民小组或住宅小区、若干楼栋为单位统一划分综合网格，优化设置1.9万个综合网格',
    expect: [{ value: 19000, unit: '个', indicator: '综合网格', raw: '1.9万个' }],
  },
  {
    sentence: '2023年，全省各地累计选聘5700余名社区工作者',
    expect: [{ value: 5700, unit: '名', indicator: '社区工作者', raw: '5700余名', period: '2023年' }],
    notValues: [2023],
  },
  {
    sentence: '近三年，全市下拨小区党建工作经费超过 200万元',
    expect: [{ value: 200, unit: '万元', indicator: '下拨小区党建工作经费', period: '近三年' }],
  },
  {
    sentence: '上半年，实现地区生产总值7亿元，同比增长18%',
    expect: [
      { value: 7, unit: '亿元', indicator: '地区生产总值', period: '上半年' },
      { value: 18, unit: '%', indicator: '地区生产总值同比', change: 'increase' },
    ],
  },
  { sentence: '（2023 年 9 月 18 日）', expect: [], notValues: [2023, 9, 18] },
  { sentence: '1．西固区福利路街道党工委书记牟辉：', expect: [] },
  { sentence: '— 2 — ★ ', expect: [] },
  { sentence: '“六步”实施，组建高质量街道综合行政执法队伍', expect: [] },
  {
    sentence: '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成，每天不间断走访巡查并公布联系方式',
    expect: [],
    notValues: [1, 3],
  },
  {
    sentence: '今年以来，解决12345民情热线、网民留言、群众信访等诉求813件，及时办结率100%；化解矛盾纠纷110件，化解率100%',
    expect: [
      { value: 813, unit: '件', indicator: '解决12345民情热线、网民留言、群众信访等诉求', period: '今年以来' },
      { value: 100, unit: '%', indicator: '及时办结率' },
      { value: 110, unit: '件', indicator: '矛盾纠纷' },
      { value: 100, unit: '%', indicator: '化解率' },
    ],
    notValues: [12345],
  },
  {
    sentence: '换位思考解民忧。针对历史遗留办证“登记难”等问题，挨家挨户不厌其烦做工作，帮助群众办理安置房不动产登记证1729件，年内建成安置房2007套17万平方米，可安置群众4300余人'.split('。')[1],
    expect: [
      { value: 1729, unit: '件', indicator: '帮助群众办理安置房不动产登记证' },
      { value: 2007, unit: '套', indicator: '安置房', period: '年内' },
      { value: 170000, unit: '平方米', indicator: '安置房', raw: '17万平方米' },
      { value: 4300, unit: '人', indicator: '可安置群众' },
    ],
  },
  {
    sentence: '一是党群服务中心实现规范运行',
    expect: [],
  },
  {
    sentence: '各类市场主体由去年的3584家增加到4480家，增长8%；1至8月，累计完成固定资产投资9.5亿元，占年计划12亿元的79.31%',
    expect: [
      // A before→after pair is one metric (shared contract): value = after, valueBefore = before.
      { value: 4480, unit: '家', indicator: '各类市场主体', change: 'increase', valueBefore: 3584 },
      { value: 9.5, unit: '亿元', indicator: '完成固定资产投资', period: '1至8月' },
    ],
  },
  {
    sentence: '2023年，努力克服多重外部压力和内部困难，全省基层“三保”保障有力，民生事业稳步推进，城镇、农村常住居民人均可支配收入分别增长41%、8.1%，“村超”“村BA”“路边音乐会”等城乡群众性文体活动蓬勃开展，这些都印证了民生福祉的持续提升',
    expect: [
      { value: 41, unit: '%', indicator: '城镇、农村常住居民人均可支配收入', change: 'increase', period: '2023年' },
      { value: 8.1, unit: '%', indicator: '城镇、农村常住居民人均可支配收入', change: 'increase' },
    ],
  },
  {
    sentence: '累计受理事件17033件，处置16871件，处置率为99.05%；开展走访巡查38916次，巡查率93.12%',
    expect: [
      { value: 17033, unit: '件', indicator: '受理事件' },
      { value: 99.05, unit: '%', indicator: '处置率' },
      { value: 93.12, unit: '%', indicator: '巡查率' },
    ],
  },
  {
    sentence: '以镇域中心马家坪为核心区域，南北布局两个产业发展型中心村，串联带动庄浪河沿线产业，构建“一核一带两中心”发展格局',
    expect: [{ value: 2, unit: '个', indicator: '产业发展型中心村', raw: '两个' }],
  },
  {
    sentence: '2021年以来，吸引50家企业当年签约、当年入驻、当年投产，累计实现产值45亿元',
    expect: [
      { value: 50, unit: '家', indicator: '企业', period: '2021年以来' },
      { value: 45, unit: '亿元', indicator: '实现产值' },
    ],
    notValues: [2021],
  },
  {
    sentence: '聚焦延链补链强链开展招商，密集精准招商、积极洽谈合作，今年前8个月，园区新签约项目15个，新入驻企业12家',
    expect: [
      { value: 15, unit: '个', indicator: '园区新签约项目', period: '今年前8个月' },
      { value: 12, unit: '家', indicator: '新入驻企业' },
    ],
    notValues: [8],
  },
  {
    sentence: '遵循规划加快建设园区，累计完成投资15亿元，建成众创城食品产业园一期22万平方米标准化工业厂房；政府出资配套2亿元，实施了路、水、电、气、暖等基础设施建设',
    expect: [
      { value: 15, unit: '亿元', indicator: '完成投资' },
      { value: 220000, unit: '平方米', indicator: '标准化工业厂房' },
      { value: 2, unit: '亿元', indicator: '政府出资配套' },
    ],
  },
  {
    sentence: '将13个社区划为39个楼院网格和7个专属网格，组建网格党支部46个，为每个网格配备1名专职网格员，聚合各类治理力量572人，打造“幸福管家”“庭院帮帮队”开展社区治理',
    expect: [
      { value: 13, unit: '个', indicator: '社区' },
      { value: 39, unit: '个', indicator: '楼院网格' },
      { value: 7, unit: '个', indicator: '专属网格' },
      { value: 46, unit: '个', indicator: '网格党支部' },
      { value: 572, unit: '人', indicator: '聚合各类治理力量' },
    ],
    notValues: [1],
  },
  {
    sentence: '结合辖区老年人多、老旧楼院多的实际，实施“菜单勾选、按需定制”的适老化设施改造，建设街道综合养老服务中心，为花园小区、东苑小区等加装电梯42部',
    expect: [{ value: 42, unit: '部', indicator: '为花园小区、东苑小区等加装电梯' }],
  },
  {
    sentence: '建立全省统一的社区工作者岗位等级序列，根据社区人员构成设立“五岗二十级”岗位等级',
    expect: [],
  },
  {
    sentence: '目前，全市面积达每百户30平方米的城市社区党群服务中心211个，建成老年人日间照料中心、儿童之家等特色功能室453个',
    expect: [
      { value: 211, unit: '个', indicator: '城市社区党群服务中心' },
      { value: 453, unit: '个', indicator: '老年人日间照料中心、儿童之家等特色功能室' },
    ],
    notValues: [30],
  },
  {
    sentence: '扎实开展干部包抓联企业工作，积极协调区人社部门为12家企业解决用工78人，协调4家金融机构为36家中小企业提供贷款1145万元',
    expect: [
      { value: 12, unit: '家', indicator: '企业' },
      { value: 4, unit: '家', indicator: '金融机构' },
      { value: 36, unit: '家', indicator: '中小企业' },
      { value: 1145, unit: '万元', indicator: '提供贷款' },
    ],
  },
];

describe('extractMetrics on corpus sentences', () => {
  it('quotes the corpus in every row', () => {
    for (const row of rows) expect(inCorpus(row.sentence), row.sentence).toBe(true);
  });

  it.each(rows.map((r) => [r.sentence.slice(0, 28), r] as const))('%s', (_label, row) => {
    const found = extractMetrics(row.sentence);
    for (const e of row.expect) {
      const m = found.find((x) => x.props?.value === e.value && x.props?.unit === e.unit && x.props?.indicator === e.indicator);
      expect(m, `${e.indicator} ${e.value}${e.unit} in ${JSON.stringify(found.map((x) => x.name))}`).toBeDefined();
      if (e.raw) expect(m!.props!.raw).toBe(e.raw);
      if (e.period) expect(m!.props!.period).toBe(e.period);
      if (e.change) expect(m!.props!.change).toBe(e.change);
      if (e.valueBefore !== undefined) expect(m!.props!.valueBefore).toBe(e.valueBefore);
      expect(m!.type).toBe('metric');
      expect(m!.key).toContain(`|${e.value}${e.unit}`);
    }
    if (row.expect.length === 0) expect(found.map((x) => x.name)).toEqual([]);
    for (const v of row.notValues ?? []) expect(found.map((x) => x.props?.value)).not.toContain(v);
  });
});

describe('parseNumber', () => {
  it.each([
    ['2944', 2944],
    ['97.4', 97.4],
    ['1.9万', 19000],
    ['3.1万', 31000],
    ['三', 3],
    ['两', 2],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['三万', 30000],
  ] as const)('%s → %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it('rejects non-numbers', () => {
    expect(parseNumber('网格')).toBeUndefined();
  });
});
