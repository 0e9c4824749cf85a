import { describe, expect, it } from 'vitest';
import { segment } from '../../segment/index.js';
import { announcedCounts, attachFollowingParts, extractMechanisms, extractParts } from './index.js';
import { inCorpus } from './testCorpus.js';

interface Row {
  label: string;
  sentence: string;
  /** The practice whose parts are listed (its key). */
  practice?: string;
  /** Expected parts in order; [] means the practice gets none. */
  parts: string[];
  corpus?: boolean;
}

function partsIn(sentence: string): { practice: string; parts: string[] }[] {
  const mechanisms = extractMechanisms(sentence, segment(sentence));
  const { mentions, relations } = extractParts(sentence, mechanisms);
  return mechanisms.map((m) => ({
    practice: m.key,
    parts: relations
      .filter((r) => r.from.key === m.key)
      .map((r) => mentions.find((p) => p.key === r.to.key)!)
      .sort((a, b) => Number(a.props?.order) - Number(b.props?.order))
      .map((p) => p.name),
  }));
}

const rows: Row[] = [
  {
    label: 'issue 8: “四个一” and a colon list',
    sentence: '石河子市推行“四个一”：一张网、一支队伍、一套制度、一个平台',
    practice: '四个一',
    parts: ['一张网', '一支队伍', '一套制度', '一个平台'],
  },
  {
    label: '即 + a 、 list (corpus)',
    sentence: '基层单位推动党建与业务深度融合要实现“六个转变”，即变包袱为手段、变围绕为结合、变同等为优先、变空泛为具体、变号召为落实、变单一为统筹，从而凝聚强大工作合力',
    practice: '六个转变',
    parts: ['变包袱为手段', '变围绕为结合', '变同等为优先', '变空泛为具体', '变号召为落实', '变单一为统筹'],
    corpus: true,
  },
  {
    label: '即 before the next defined name stops at ；“ (corpus)',
    sentence: '“两化”即问题清单化、任务项目化；“三三”就是抓住三个时间节点，每月初推进安排，月中调度督导，月末总结考评',
    practice: '两化',
    parts: ['问题清单化', '任务项目化'],
    corpus: true,
  },
  {
    label: 'a composition 由A+B+C组成 matches the formula’s terms (corpus)',
    sentence: '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成，每天不间断走访巡查并公布联系方式',
    practice: '1+3+X',
    parts: ['1名专职网格员', '3名兼职网格员', 'X名辅助网格员'],
    corpus: true,
  },
  {
    label: '包括 with 和 before the last item',
    sentence: '西湖区蒋村街道推行“三联”工作法，包括联系群众、联办实事和联评服务',
    practice: '三联',
    parts: ['联系群众', '联办实事', '联评服务'],
  },
  {
    label: '分别是 after a head noun',
    sentence: '榆林市横山区建立“五个融合”机制，分别是组织融合、阵地融合、队伍融合、服务融合、治理融合',
    practice: '五个融合',
    parts: ['组织融合', '阵地融合', '队伍融合', '服务融合', '治理融合'],
  },
  {
    label: 'numbered 一是…二是… in the same sentence',
    sentence: '临夏州某镇创新“三访”工作法，一是定期走访，二是重点回访，三是上门约访',
    practice: '三访',
    parts: ['定期走访', '重点回访', '上门约访'],
  },
  {
    label: 'labelled items 一张网：…；一支队伍：…',
    sentence: '该县探索“四个一”机制：一张网：全域划分网格；一支队伍：专兼结合；一套制度：闭环管理；一个平台：数字赋能',
    practice: '四个一',
    parts: ['一张网', '一支队伍', '一套制度', '一个平台'],
  },
  {
    label: 'a name without a number takes any list after 包括',
    sentence: '海口市龙华区探索“邻里守望”服务模式，包括邻里帮办、邻里调解、邻里互助',
    practice: '邻里守望',
    parts: ['邻里帮办', '邻里调解', '邻里互助'],
  },
  {
    label: 'a 、 list right before the name that counts it (corpus)',
    sentence: '酒泉路街道党工委坚持做实需求、资源、项目“三个清单”，优化为民办事体系',
    practice: '三个清单',
    parts: ['需求', '资源', '项目'],
    corpus: true,
  },
  {
    label: 'a run of quoted names shortly before the name that counts them',
    sentence: '包头市昆都仑区建好“社区食堂”“四点半课堂”和“老年驿站”，“三站”服务覆盖全部小区',
    practice: '三站',
    parts: ['社区食堂', '四点半课堂', '老年驿站'],
  },
  {
    label: 'a list before the name that the count does not fit',
    sentence: '统筹党建、治理、服务、发展“三个清单”',
    parts: [],
  },
  {
    label: 'a list over two clauses fits a name with two numerals (三联三化 → 6)',
    sentence: '株洲市芦淞区推行“两联两化”，即组织联建、党员联户，服务精细化、管理网格化',
    practice: '两联两化',
    parts: ['组织联建', '党员联户', '服务精细化', '管理网格化'],
  },
  {
    label: 'two parts joined by 和 after 包括',
    sentence: '我们把这种做法总结为“两张清单”，包括群众需求清单和驻区单位资源清单',
    practice: '两张清单',
    parts: ['群众需求清单', '驻区单位资源清单'],
  },
  {
    label: 'a few words between the formula and 即; the definition’s numbers are its terms',
    sentence: '每个网格推行“1+2+N”力量配置，即1名网格长、2名专职网格员、N名兼职网格员和志愿者',
    practice: '1+2+N',
    parts: ['1名网格长', '2名专职网格员', 'N名兼职网格员和志愿者'],
  },
  {
    label: 'comma clauses of a formula’s definition, each holding its term',
    sentence: '全县推行“1+4+N”网格党建体系，即1个村党组织，综合网格、专属网格、产业网格、联户网格4类网格，N个党员中心户',
    practice: '1+4+N',
    parts: ['1个村党组织', '综合网格、专属网格、产业网格、联户网格4类网格', 'N个党员中心户'],
  },
  {
    label: 'a word formula whose head announces its terms (三员 → 3)',
    sentence: '在阳光社区试行“楼道长+网格员+物业管家”三员联动机制：楼道长负责收集信息',
    practice: '楼道长+网格员+物业管家',
    parts: ['楼道长', '网格员', '物业管家'],
  },
  {
    label: 'a word formula without a count keeps its terms unnamed as parts',
    sentence: '探索“积分制+清单制”治理模式',
    practice: '积分制+清单制',
    parts: [],
  },
  {
    label: 'a list of another length is not the parts of “三联”',
    sentence: '推行“三联”工作法，包括联系群众、联办实事、联评服务、联防风险',
    practice: '三联',
    parts: [],
  },
  {
    label: 'an unrelated list after the practice is not its parts',
    sentence: '城北街道推行“三联”工作法，走访企业、商户、学校20余家',
    practice: '三联',
    parts: [],
  },
  {
    label: 'a slogan in quotes gets no parts',
    sentence: '打通服务群众“最后一公里”：社区、物业、业委会三方协同',
    parts: [],
  },
  {
    label: 'a division later in the clause (分为…三类), without its count phrase',
    sentence: '嘉兴市南湖区推行“三色管理”机制，把出租房按风险高低分为红色、橙色、蓝色三类，分类上门检查',
    practice: '三色管理',
    parts: ['红色', '橙色', '蓝色'],
  },
  {
    label: 'a division that the count does not fit is not the parts (把辖区分为12个网格)',
    sentence: '沙依巴克区推行“三色管理”机制，把辖区分为12个网格',
    practice: '三色管理',
    parts: [],
  },
  {
    label: 'clauses after a colon, for a name without a count',
    sentence: '云岩区建立“楼院议事”机制：每月召开一次楼院会，议题由居民自己提出，议定结果在楼道公示。',
    practice: '楼院议事',
    parts: ['每月召开一次楼院会', '议题由居民自己提出', '议定结果在楼道公示'],
  },
  {
    label: 'clauses after a colon that end in a result are an explanation, not parts',
    sentence: '城关镇建立“邻里互助”机制：居民两两结对帮扶，从而实现守望相助。',
    practice: '邻里互助',
    parts: [],
  },
  {
    label: 'a formula’s terms defined one by one (“1”是…，“2”是…), each listing its parts',
    sentence: '丰泽区推行“1+2+X”工作模式：“1”是社区党委，“2”是居委会和业主委员会两个主体，“X”是物业、商户、志愿者等多方力量。',
    practice: '1+2+X',
    parts: ['社区党委', '居委会', '业主委员会', '物业', '商户', '志愿者'],
  },
];

describe('extractParts: practice parts listed in the sentence', () => {
  it('corpus rows quote the corpus', () => {
    for (const row of rows.filter((r) => r.corpus)) expect(inCorpus(row.sentence), row.sentence).toBe(true);
  });

  it.each(rows.map((r) => [r.label, r] as const))('%s', (_label, row) => {
    const found = partsIn(row.sentence);
    if (!row.practice) {
      expect(found.flatMap((f) => f.parts)).toEqual([]);
      return;
    }
    const practice = found.find((f) => f.practice === row.practice);
    expect(practice, `${row.practice} in ${JSON.stringify(found)}`).toBeDefined();
    expect(practice!.parts).toEqual(row.parts);
  });

  it('gives each part its own span, key, order and parent (shared contract)', () => {
    const sentence = '石河子市推行“四个一”：一张网、一支队伍、一套制度、一个平台';
    const { mentions, relations } = extractParts(sentence, extractMechanisms(sentence));
    expect(mentions.map((m) => sentence.slice(m.start, m.end))).toEqual(['一张网', '一支队伍', '一套制度', '一个平台']);
    expect(mentions[1]).toMatchObject({ type: 'mechanism', kind: 'part', key: '四个一/一支队伍', props: { order: 2, partOf: '四个一' } });
    expect(relations[1]).toMatchObject({ type: 'HAS_PART', from: { type: 'mechanism', key: '四个一' }, to: { key: '四个一/一支队伍' } });
    expect(sentence.slice(relations[1].start, relations[1].end)).toBe('一支队伍');
  });
});

describe('announcedCounts', () => {
  it.each([
    ['四个一', [4]],
    ['五个融合', [5]],
    ['三联', [3]],
    ['六位一体', [6]],
    ['1+3+X', [3]],
    ['1333', [4]],
    ['邻里守望', undefined],
  ] as const)('%s → %j', (name, counts) => {
    expect(announcedCounts(name)).toEqual(counts);
  });

  it('a name with several numerals fits its segments, the sum or the last numeral', () => {
    expect(announcedCounts('三联三化')).toEqual(expect.arrayContaining([2, 6]));
    expect(announcedCounts('一格三员')).toContain(3);
  });
});

describe('attachFollowingParts: parts in the sentences after the practice', () => {
  const run = (sentences: string[]) => {
    const mentions = sentences.map((s) => {
      const mechanisms = extractMechanisms(s, segment(s));
      return [...mechanisms, ...extractParts(s, mechanisms).mentions];
    });
    return attachFollowingParts(sentences, mentions);
  };

  it('reads 一是/二是/三是 over the next sentences when the practice sentence announces them', () => {
    const sentences = ['黔西南州某社区创新推行“三联”工作法。', '一是联系群众，每月入户走访一次；', '二是联办实事，建立需求清单；', '三是联评服务，由居民打分。'];
    const out = run(sentences);
    const parts = out.flatMap((o, i) => o.mentions.map((m) => ({ i, name: m.name, text: sentences[i].slice(m.start, m.end), order: m.props?.order })));
    expect(parts).toEqual([
      { i: 1, name: '联系群众', text: '联系群众', order: 1 },
      { i: 2, name: '联办实事', text: '联办实事', order: 2 },
      { i: 3, name: '联评服务', text: '联评服务', order: 3 },
    ]);
    expect(out[1].relations[0]).toMatchObject({ type: 'HAS_PART', from: { key: '三联' }, to: { key: '三联/联系群众' } });
  });

  it('keeps none when the count does not match the name', () => {
    const out = run(['该镇推行“三联”工作法。', '一是联系群众；', '二是联办实事。', '另外，镇里还新建了文化广场。']);
    expect(out.flatMap((o) => o.mentions)).toEqual([]);
  });

  it('keeps none when the practice sentence goes on about something else', () => {
    const out = run(['该镇推行“三联”工作法，群众满意度明显提升。', '一是道路硬化；', '二是路灯安装；', '三是绿化提升。']);
    expect(out.flatMap((o) => o.mentions)).toEqual([]);
  });

  it('reads ；-separated parts that the sentence splitter cut apart (corpus)', () => {
    const sentences = [
      '抓党建促基层治理能力提升专项行动开展以来，小南头街道把党的政治和组织优势转化为基层治理优势，全面实施“1333”基层治理体系，即高举一面旗帜，坚持党建引领；',
      '筑强街道党工委、村党支部、党建联盟3大堡垒；',
      '夯实队伍保障、阵地保障、经济保障3个保障；',
      '织密天网、地网、人网3张网络，打通基层治理末梢神经，努力蹚出一条党建引领基层治理的新路子。',
    ];
    expect(inCorpus(sentences.join(''))).toBe(true);
    const out = run(sentences);
    expect(out.map((o) => o.mentions.map((m) => m.name))).toEqual([
      ['高举一面旗帜'],
      ['筑强街道党工委、村党支部、党建联盟3大堡垒'],
      ['夯实队伍保障、阵地保障、经济保障3个保障'],
      ['织密天网、地网、人网3张网络'],
    ]);
    expect(out[3].relations[0]).toMatchObject({ from: { key: '1333' }, props: { order: 4 } });
  });

  it('reads labelled items split at ；', () => {
    // The sentence splitter cuts at ； (not at ：), so the first item stays with the name.
    const sentences = ['鄂尔多斯市东胜区打造“三个一”：一张网：全域网格；', '一支队伍：专兼结合；', '一个平台：数字赋能。'];
    const out = run(sentences);
    expect(out.flatMap((o) => o.mentions.map((m) => m.name))).toEqual(['一张网', '一支队伍', '一个平台']);
  });
});
