import { describe, expect, it } from 'vitest';
import { normalizeKey, segment } from '../../segment/index.js';
import { descriptiveNames, isGenericModifier } from './descriptiveNames.js';
import { extractMechanisms } from './index.js';
import { isNumberList } from './shapes.js';
import { inCorpus } from './testCorpus.js';

interface Row {
  sentence: string;
  /** Keys that must be found. */
  present?: string[];
  /** Keys that must not be found. */
  absent?: string[];
  /** An alias the practice with this key carries. */
  alias?: [key: string, alias: string];
  /** Quoted from corpus/ (checked); the other rows are invented, with places from other provinces. */
  corpus?: boolean;
}

// Practices named the ways reports name them beyond a quoted name with a head noun: described without
// quotes, …制 working rules, N零 and N社联动 names, a quote before a service noun, a noun phrase or a
// “drive” phrase, a quoted metaphor with its own head. Negative rows: generic phrases that name nothing.
const rows: Row[] = [
  // Unquoted descriptive names: a descriptive verb, a specific modifier, a practice head closing the clause.
  { sentence: '一是完善信息采报、事项转办、跟踪问效、闭环管理流程，建立部门联管机制，推动城管等多个部门入网进格', present: ['部门联管机制'], corpus: true },
  { sentence: '建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对', present: ['结对互助机制'], corpus: true },
  { sentence: '贵阳市建立常态化选派民情助理工作机制，先后选派1400余名在在职党员中下沉社区担任民情助理', present: ['常态化选派民情助理工作机制'], corpus: true },
  { sentence: '转变街道职能，建立街道职责准入制度，有序取消', present: ['街道职责准入制度'], corpus: true },
  { sentence: '二是推行街道党工委兼职委员制', present: ['街道党工委兼职委员制'], corpus: true },
  { sentence: '与此同时，岳麓区还建立了社区网格员绩效动态考核机制，每季度评定一次', present: ['社区网格员绩效动态考核机制'] },
  { sentence: '今年起，汉滨区全面实施村级集体经济“清零”提升行动', absent: ['村级集体经济清零提升行动'] },
  { sentence: '灞桥区全面实施村级集体经济三年提升行动，力争所有村年收入超过10万元', present: ['村级集体经济三年提升行动'] },
  { sentence: '南昌市西湖区探索老旧小区业主自治模式，由业委会牵头议定改造事项', present: ['老旧小区业主自治模式'] },
  { sentence: '红塔区建立健全社区工作者薪酬正常增长机制，月均收入提高到4800元', present: ['社区工作者薪酬正常增长机制'], alias: ['社区工作者薪酬正常增长机制', '社区工作者薪酬正常增长机制'] },
  { sentence: '为解决群众办事多头跑的问题，大武口区全面推行首问负责制', present: ['首问负责制'] },
  { sentence: '积石山县实行河长制，县乡村三级河长巡河1.2万次', present: ['河长制'] },
  { sentence: '伊州区试行村级小微权力清单制度，公开事项38项', present: ['村级小微权力清单制度'] },
  // Generic phrases: the modifier says nothing specific, or the object is a relative clause, a count, a list.
  { sentence: '开展“联盟签约”行动，建立城市基层党建领导新机制', present: ['联盟签约'], absent: ['城市基层党建领导新机制'], corpus: true },
  { sentence: '强化安全生产责任体系建设，健全落实安全生产责任制，提升从业人员安全素质', absent: ['安全生产责任制'], corpus: true },
  { sentence: '四、创新发展模式，高效能联农带农', absent: ['发展模式'], corpus: true },
  { sentence: '要建立长效机制，巩固专项整治成果', absent: ['长效机制'] },
  { sentence: '深化改革创新，建立健全体制机制', absent: ['体制机制'] },
  { sentence: '建立健全工作机制，确保各项任务落地见效', absent: ['工作机制'] },
  { sentence: '各村建立管理制度，规范集体资金使用', absent: ['管理制度'] },
  { sentence: '全面实行党建引领基层治理领导协调机制', absent: ['党建引领基层治理领导协调机制'] },
  { sentence: '探索基层群众自治制度，让村民当家作主', absent: ['基层群众自治制度'] },
  { sentence: '着力建立与城市发展相适应的社区考评制度', absent: ['与城市发展相适应的社区考评制度', '社区考评制度'] },
  { sentence: '建立一套好制度，管好一群人', absent: ['一套好制度'] },
  { sentence: '建立定期会商、信息共享、联合执法等工作机制', absent: ['定期会商、信息共享、联合执法', '联合执法等工作机制'] },
  { sentence: '实施城区雨污分流改造工程，新建管网12公里', absent: ['城区雨污分流改造工程'] },
  { sentence: '实行编制动态调整，盘活事业编制', absent: ['编制动态调整'] },
  { sentence: '建立完善管理体制，理顺条块关系', absent: ['管理体制'] },
  { sentence: '建立健全矛盾纠纷多元化解机制，小事不出村', absent: ['矛盾纠纷多元化解机制'] },
  { sentence: '各网格建立定期例会制度，每月研判一次', absent: ['定期例会制度'] },
  // Quoted names: N零 and N社联动 shapes.
  { sentence: '建，推进“三社联动”，完善群团组织协同社会组织有序参与基', present: ['三社联动'], corpus: true },
  { sentence: '信州区开展“三零”平安村创建，即矛盾不上交、平安不出事、服务不缺位', present: ['三零'] },
  { sentence: '秀屿区在全区推开“五社联动”，社区、社会组织、社工、志愿者和慈善资源一起上阵', present: ['五社联动'] },
  // A quote before a service noun after an adopt verb; not a manner word (…式) nor a slogan.
  { sentence: '鼓楼区在金融街试点“楼宇管家”服务，为入驻企业代办证照', present: ['楼宇管家'], alias: ['楼宇管家', '楼宇管家服务'] },
  { sentence: '新华区推行“积分制”管理，居民参与志愿服务可兑换生活用品', present: ['积分制'] },
  { sentence: '各窗口实行“错时式”服务，中午不断档', absent: ['错时式'] },
  { sentence: '街道推行“一站式”服务，群众办事只进一扇门', absent: ['一站式'] },
  { sentence: '通过“楼宇管家”服务企业，打通政策落地渠道', absent: ['楼宇管家'] },
  // A quote, a short noun phrase, then its definition.
  { sentence: '柯桥区将独居老人纳入“红橙绿”三级关怀名单，分别是每日上门、每周电话、每月走访', present: ['红橙绿'], alias: ['红橙绿', '红橙绿三级关怀名单'] },
  { sentence: '针对“最后一米”问题，包括楼道照明、电梯维保和垃圾清运，社区逐项销号', absent: ['最后一米', '最后一米问题'] },
  // A word formula whose terms act together (…双轮驱动, …双网融合).
  { sentence: '社区推行“楼宇党建+片区党建”双轮驱动，在商务楼宇中建立党支部6个', present: ['楼宇党建+片区党建'] },
  { sentence: '滨江区探索“网格+警格”双网融合，民警全部进入网格', present: ['网格+警格'] },
  { sentence: '聚力“种植+养殖+加工”产业链，链动农产品加工企业7家', absent: ['种植+养殖+加工'] },
  // A quoted metaphor with its own head and an adopt verb in the clause; alone or describing a problem, not.
  { sentence: '坪山区实施社区“领头雁”培育计划，两年内轮训书记300人次', present: ['领头雁培育计划'], absent: ['领头雁'] },
  { sentence: '基层治理是国家治理的最末端，新旺街道大力改变原来村社“碎片化”管理模式，整合村社各方力量', absent: ['碎片化', '碎片化管理模式'], corpus: true },
  { sentence: '着力纠正“一刀切”做法带来的问题', absent: ['一刀切', '一刀切做法'] },
  { sentence: '全面推行社区“大党委”机制，大力探索推进区域化党建', absent: ['大党委', '大党委机制'], corpus: true },
  { sentence: '宝安区推行村（社区）“两委”联席机制', absent: ['两委', '两委联席机制'] },
  // 开展 + one quoted name closing the clause (a short topic may stand between); not before 活动.
  { sentence: '聚焦民生“用情为”。开展供暖问题“冬病夏治”，实施外墙保温节能改造4.1万平方米', present: ['冬病夏治'], absent: ['用情为'], corpus: true },
  { sentence: '红旗村开展“院坝夜谈”，村干部晚上到院坝听群众意见', present: ['院坝夜谈'] },
  { sentence: '全镇开展“扫黄打非”进基层活动，发放资料3000份', absent: ['扫黄打非'] },
  { sentence: '在“大走访”活动中，依托43名街道社区班子成员', absent: ['大走访'], corpus: true },
  { sentence: '各社区开展“最后一公里”，打通服务群众通道', absent: ['最后一公里'] },
  // 做法 and 计划 as heads.
  { sentence: '大力实施“一村一项目”计划，以5个中央和省级扶持壮大村集体经济项目为纽带', present: ['一村一项目'], corpus: true },
  { sentence: '浏阳市将在全市推广“屋场恳谈”做法', present: ['屋场恳谈'] },
];

describe('extractMechanisms on descriptive and short names (corpus and invented sentences)', () => {
  it('marks corpus rows truthfully and has invented rows for every kind', () => {
    for (const row of rows.filter((r) => r.corpus)) expect(inCorpus(row.sentence), row.sentence).toBe(true);
    for (const row of rows.filter((r) => !r.corpus)) expect(inCorpus(row.sentence), row.sentence).toBe(false);
    expect(rows.filter((r) => !r.corpus).length).toBeGreaterThan(rows.filter((r) => r.corpus).length);
  });

  it.each(rows.map((r) => [r.sentence.slice(0, 30), r] as const))('%s', (_label, row) => {
    const found = extractMechanisms(row.sentence, segment(row.sentence));
    const keys = found.map((m) => m.key);
    for (const key of row.present ?? []) expect(keys, `present ${key}`).toContain(normalizeKey(key));
    for (const key of row.absent ?? []) expect(keys, `absent ${key}`).not.toContain(normalizeKey(key));
    for (const m of found) expect(normalizeKey(row.sentence.slice(m.start, m.end))).toContain(normalizeKey(m.name));
    if (row.alias) {
      const [key, alias] = row.alias;
      expect(found.find((m) => m.key === normalizeKey(key))?.aliases).toContain(alias);
    }
  });
});

describe('descriptiveNames', () => {
  it('gives the name, its span, head and verb', () => {
    const text = '区里还建立了社区工作者薪酬动态调整机制，月均收入提高到5100元';
    expect(descriptiveNames(text)).toEqual([
      { name: '社区工作者薪酬动态调整机制', start: 6, end: 19, head: '机制', verb: '建立' },
    ]);
    expect(text.slice(6, 19)).toBe('社区工作者薪酬动态调整机制');
  });

  it('strips further verbs before the object (探索建立, 建立健全)', () => {
    expect(descriptiveNames('探索建立健全村务监督联席制度。').map((d) => d.name)).toEqual(['村务监督联席制度']);
  });

  it.each([
    ['工作', true], ['长效', true], ['体制', true], ['管理', true], ['基层治理', true],
    ['党建引领基层治理领导协调', true], ['城市基层党建领导新', true], ['村民自治', true],
    ['薪酬动态调整', false], ['结对互助', false], ['街道职责准入', false], ['首问负', false],
  ])('isGenericModifier(%s) = %s', (modifier, expected) => {
    expect(isGenericModifier(modifier)).toBe(expected);
  });
});

describe('number-list shapes for short names', () => {
  it.each([
    ['四零', true], ['三零', true], ['三社联动', true], ['五方共治', true], ['五个融合', true],
    ['零', false], ['一零', false], ['社区联动', false], ['四个零', false],
  ])('isNumberList(%s) = %s', (name, expected) => {
    expect(isNumberList(name)).toBe(expected);
  });
});
