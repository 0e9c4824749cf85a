import { GraphBuilder } from '../store/graphBuilder.js';
import { tokenize } from '../../search/query/extractors.js';
import type { DocumentGraph } from '../../graph/model.js';

/**
 * An invented report (places of 浙江省, people and figures made up, sentences our own) and its
 * graph built by hand, so every reverse look-up, roll-up, period, before → after, parts and trap
 * case is tested on facts no extraction rule decided.
 */
export const INVENTED_TEXT = [
  '湖州市吴兴区基层治理工作汇报',
  '吴兴区织里镇党委书记 王海涛',
  '一、网格治理',
  '织里镇推行“1+3+N”网格服务模式，即每个网格配备1名专职网格员、3名兼职网格员和N名志愿者。',
  '织里镇下辖的大港社区采用“三事分流”工作法，即大事政府办、小事村里办、私事自己办。',
  '八里店镇推行“1+3+X”工作机制，由镇综治中心统一调度。',
  '二、服务成效',
  '2022年，织里镇共受理群众诉求1200件，办结率为98.5%，满意率达到96.1%。',
  '2023年，织里镇满意率达到97.8%。',
  '织里镇网格由原来的86个调整为61个。',
  '大港社区党总支书记、居委会主任李秀英对记者介绍，社区办结率为99.2%，满意率达到95.4%。',
  '三、多方参与',
  '织里镇牵头成立了“湖畔邻里联盟”，吸纳辖区12家物业企业加入，同时引入湖州安居养老服务有限公司为独居老人送餐。',
  '区民政局干部赵明远被派到大港社区担任第一书记。',
  '八里店镇创建“三无”平安村，即矛盾不上交、隐患不过夜、服务不缺位。',
  '织里镇社工联系户数由原来的每人联系350户调整为每人联系230户。',
  '织里镇网格员月均补贴由2021年的2600元提高到目前的3400元。',
  '大港社区是织里镇最大的安置社区，老年人多。社区探索“楼栋微议事”模式，每月议事一次。',
  '大港社区现有专属网格4个，全社区共有网格18个。',
  '',
].join('\n');

export const INVENTED_PATH = 'invented/wuxing-report.txt';

export function inventedGraph(): DocumentGraph {
  const g = new GraphBuilder(INVENTED_TEXT, { path: INVENTED_PATH, title: '湖州市吴兴区基层治理工作汇报' });
  const art = g.article('湖州市吴兴区基层治理工作汇报', '吴兴区织里镇党委书记 王海涛', '湖州市吴兴区基层治理工作汇报', '满意率达到95.4%。');
  const passage = (from: string, to: string) => {
    const start = INVENTED_TEXT.indexOf(from);
    const end = INVENTED_TEXT.indexOf(to, start) + to.length;
    return g.passage(art, from, to, tokenize(INVENTED_TEXT.slice(start, end).replace(/\n+/g, '')));
  };
  const head = passage('湖州市吴兴区基层治理工作汇报', '吴兴区织里镇党委书记 王海涛');
  const grid = passage('一、网格治理', '由镇综治中心统一调度。');
  const results = passage('二、服务成效', '织里镇网格由原来的86个调整为61个。');
  const quote = passage('大港社区党总支书记', '满意率达到95.4%。');
  const parties = passage('三、多方参与', '全社区共有网格18个。');

  const huzhou = g.entity({ type: 'region', name: '湖州市', level: 'prefecture', props: { code: '330500' } }, [g.evidence(head, '湖州市')]);
  const wuxing = g.entity({ type: 'region', name: '吴兴区', level: 'county', props: { code: '330502' } }, [g.evidence(head, '吴兴区')]);
  const zhili = g.entity({ type: 'region', name: '织里镇', level: 'township' }, [g.evidence(head, '织里镇')]);
  const dagang = g.entity({ type: 'region', name: '大港社区', level: 'community' }, [g.evidence(grid, '大港社区')]);
  const balidian = g.entity({ type: 'region', name: '八里店镇', level: 'township' }, [g.evidence(grid, '八里店镇')]);
  g.relation('LOCATED_IN', wuxing, huzhou, [g.evidence(head, '湖州市吴兴区')], { source: 'division' });
  g.relation('LOCATED_IN', zhili, wuxing, [g.evidence(head, '吴兴区织里镇')], { source: 'division' });
  g.relation('LOCATED_IN', dagang, zhili, [g.evidence(grid, '织里镇下辖的大港社区')], { source: 'text' });
  g.relation('LOCATED_IN', balidian, wuxing, [g.evidence(grid, '八里店镇')], { source: 'article context' });

  const wang = g.entity({ type: 'person', name: '王海涛', props: { role: '党委书记' } }, [g.evidence(head, '王海涛')]);
  g.relation('LEADS', wang, zhili, [g.evidence(head, '吴兴区织里镇党委书记 王海涛')], { role: '党委书记' });

  const sentence = (p: typeof grid, start: string, end: string) => g.evidence(p, `${start}${INVENTED_TEXT.slice(INVENTED_TEXT.indexOf(start) + start.length, INVENTED_TEXT.indexOf(end, INVENTED_TEXT.indexOf(start)))}${end}`);
  const n = g.entity({ type: 'mechanism', name: '1+3+N', props: { definition: '每个网格配备1名专职网格员、3名兼职网格员和N名志愿者' } }, [g.evidence(grid, '1+3+N')]);
  const x = g.entity({ type: 'mechanism', name: '1+3+X' }, [g.evidence(grid, '1+3+X')]);
  const split = g.entity({ type: 'mechanism', name: '三事分流', props: { definition: '大事政府办、小事村里办、私事自己办' } }, [g.evidence(grid, '三事分流')]);
  g.relation('ADOPTS', zhili, n, [sentence(grid, '织里镇推行', '和N名志愿者。')]);
  g.relation('ADOPTS', balidian, x, [sentence(grid, '八里店镇推行', '统一调度。')]);
  g.relation('ADOPTS', dagang, split, [sentence(grid, '织里镇下辖的大港社区', '私事自己办。')]);
  g.relation('SIMILAR_TO', n, x, [g.evidence(grid, '1+3+N')]);
  ['大事政府办', '小事村里办', '私事自己办'].forEach((name, i) => {
    const part = g.entity({ type: 'mechanism', name, key: `三事分流/${name}`, kind: 'part', props: { order: i + 1, partOf: '三事分流' } }, [g.evidence(grid, name)]);
    g.relation('HAS_PART', split, part, [g.evidence(grid, name)], { order: i + 1 });
  });

  const metric = (name: string, props: Record<string, string | number>, needle: string, owner = zhili) => {
    const m = g.entity({ type: 'metric', name, key: `${owner.name}|${name}|${props.year ?? ''}`, props }, [g.evidence(results, needle)]);
    g.relation('HAS_METRIC', owner, m, [g.evidence(results, needle)]);
  };
  metric('受理群众诉求 1200件', { indicator: '受理群众诉求', value: 1200, raw: '1200件', unit: '件', period: '2022年', year: 2022 }, '受理群众诉求1200件');
  metric('办结率 98.5%', { indicator: '办结率', value: 98.5, raw: '98.5%', unit: '%', period: '2022年', year: 2022 }, '办结率为98.5%');
  metric('满意率 96.1%', { indicator: '满意率', value: 96.1, raw: '96.1%', unit: '%', period: '2022年', year: 2022 }, '满意率达到96.1%');
  metric('满意率 97.8%', { indicator: '满意率', value: 97.8, raw: '97.8%', unit: '%', period: '2023年', year: 2023 }, '满意率达到97.8%');
  metric('网格 61个', { indicator: '网格', value: 61, raw: '61个', unit: '个', valueBefore: 86, rawBefore: '86个' }, '网格由原来的86个调整为61个');
  // A before → after figure whose before side carries the year (由2021年的2600元…): only its sentence says so.
  const subsidy = '织里镇网格员月均补贴由2021年的2600元提高到目前的3400元。';
  const allowance = g.entity(
    { type: 'metric', name: '网格员月均补贴 3400元', key: '织里镇|网格员月均补贴|', props: { indicator: '网格员月均补贴', value: 3400, raw: '3400元', unit: '元', change: 'increase', valueBefore: 2600, rawBefore: '2600元' } },
    [g.evidence(parties, subsidy)],
  );
  g.relation('HAS_METRIC', zhili, allowance, [g.evidence(parties, subsidy)]);
  // Two counts that both name 网格: the total and a sub-figure with a qualifier the question may not say.
  for (const [indicator, raw, value] of [['专属网格', '4个', 4], ['网格', '18个', 18]] as const) {
    const needle = `${indicator === '网格' ? '共有网格' : '专属网格'}${raw}`;
    const grids = g.entity({ type: 'metric', name: `${indicator} ${raw}`, key: `大港社区|${indicator}|`, props: { indicator, value, raw, unit: '个' } }, [g.evidence(parties, needle)]);
    g.relation('HAS_METRIC', dagang, grids, [g.evidence(parties, needle)]);
  }
  void quote; // the quote passage and the rest of the last one are text only: no graph facts, for the sentence candidates
  return g.build();
}
