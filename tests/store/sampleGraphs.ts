import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentGraph, RelationWithEvidence } from '../../graph/model.js';
import { entityId, GraphBuilder, relationId } from './graphBuilder.js';

/**
 * Hand-built document graphs over real corpus text. A (the 兰州市 exchange meeting collection) and
 * B (the governance report collection) share 兰州市, the mechanism 党建引领 and the relation
 * 兰州市 ADOPTS 党建引领; B also links its 红网格 to A's 1+3+X (SIMILAR_TO reaching into the store).
 */
const corpus = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url)), 'utf8');

export const TEXT_A = corpus('001_0f39f337b5ac33d8.txt');
export const TEXT_B = corpus('000_4c018e06abb3eda9.txt');
export const PATH_A = 'corpus/001_0f39f337b5ac33d8.txt';
export const PATH_B = 'corpus/000_4c018e06abb3eda9.txt';

const HEADING_JQL = '“一网两访三为”探索基层治理新路径城关区\n';
const BYLINE_JQL = '酒泉路街道党工委书记 马竞';

export function docA(text = TEXT_A, path = PATH_A): DocumentGraph {
  const g = new GraphBuilder(text, { path, title: '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编' });
  const a0 = g.article('党建引领强服务基层治理新实践', '西固区福利路街道党工委书记 牟辉', '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编', '得到居民群众一致好评。');
  const a1 = g.article('“一网两访三为”探索基层治理新路径', BYLINE_JQL, HEADING_JQL, '民生项目40余件。');
  const a2 = g.article('加快推动城市基层治理提质增效', '红古区海石湾镇党委书记 张斌', '加快推动城市基层治理提质增效\n', '老有康养成效显著。');
  const p0 = g.passage(a0, '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编', '党建引领强服务基层治理新实践',
    ['兰州市', '乡镇', '街道', '党', '（', '工', '）', '委', '书记', '工作', '交流会', '发言', '材料', '汇编', '2023', '年', '9', '月', '18', '日', '党建', '引领', '强', '服务', '基层', '治理', '新', '实践']);
  const p1 = g.passage(a0, '福利路街道党工委聚焦抓党建', '走出了一条党建引领城市基层治理的新路子。',
    ['福利路', '街道', '党工委', '聚焦', '抓', '党建', '深化', '共驻共建', '建设', '红色', '物业', '党建', '引领', '城市', '基层', '治理', '新路子']);
  const p2 = g.passage(a1, '酒泉路街道党工委坚持做实需求', '有力推动老街区焕发新动力。',
    ['酒泉路', '街道', '党工委', '坚持', '做实', '需求', '资源', '项目', '“', '三个', '清单', '”', '优化', '为民', '办事', '体系', '老街区', '焕发', '新', '动力']);
  const p3 = g.passage(a1, '“一网”揽尽民情。', '顺利将2个红色网格降为黄色网格。',
    ['“', '一网', '”', '揽尽', '民情', '枫桥', '经验', '网格化', '管理', '网格', '54', '个', '建立', '“', '1+3+X', '”', '网格', '力量', '体系',
      '专职', '网格员', '兼职', '辅助', '上半年', '解决', '问题', '2944', '件', '满意率', '达', '97.4%', '12345', '投诉', '下降', '30.8%']);
  g.passage(a1, '“两访”串联民心。', '覆盖辖区居民3.1万余人次。',
    ['“', '两访', '”', '串联', '民心', '大走访', '749', '名', '网格员', '六必访', '市场主体', '安全生产', '大家访', '结对', '帮扶', '就业']);
  g.passage(a2, '二、聚焦民生优服务。', '弱有众扶、老有康养成效显著。',
    ['聚焦', '民生', '优', '服务', '海石湾', '断头路', '生态', '廊道', '结对', '帮扶', '爱心', '甘肃', '爸妈', '食堂']);

  const lanzhou = g.entity({ type: 'region', name: '兰州市', props: { note: '省会' } }, [g.evidence(p0, '兰州市')]);
  const djyl = g.entity({ type: 'mechanism', name: '党建引领' }, [
    g.evidence(p0, '党建引领', '党建引领强服务基层治理新实践\n'), g.evidence(p1, '党建引领', '走出了一条'),
  ]);
  const chengguan = g.entity({ type: 'region', name: '城关区', level: 'county' }, [g.evidence(p2, '城关区', HEADING_JQL)]);
  const street = g.entity({ type: 'region', name: '酒泉路街道', level: 'township', aliases: ['酒泉路'] }, [
    g.evidence(p2, '酒泉路街道', BYLINE_JQL), g.evidence(p2, '酒泉路街道', '酒泉路街道党工委坚持'),
  ]);
  const committee = g.entity({ type: 'organization', name: '酒泉路街道党工委', kind: 'party_committee' }, [
    g.evidence(p2, '酒泉路街道党工委', '酒泉路街道党工委坚持'),
  ]);
  const leader = g.entity({ type: 'person', name: '马竞', props: { role: '党工委书记' } }, [g.evidence(p2, '马竞', BYLINE_JQL)]);
  const formula = g.entity(
    { type: 'mechanism', name: '1+3+X', props: { definition: '每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成' } },
    [g.evidence(p3, '1+3+X')],
  );
  const satisfaction = g.entity(
    { type: 'metric', name: '满意率97.4%', key: '满意率', props: { indicator: '满意率', value: 97.4, unit: '%', period: '上半年' } },
    [g.evidence(p3, '满意率达97.4%')],
  );

  g.relation('LOCATED_IN', chengguan, lanzhou, [g.evidence(p2, '城关区', HEADING_JQL)]);
  g.relation('LOCATED_IN', street, chengguan, [g.evidence(p2, '“一网两访三为”探索基层治理新路径城关区')]);
  g.relation('ADOPTS', street, formula, [g.evidence(p3, '建立“1+3+X”网格力量体系')]);
  g.relation('HAS_METRIC', street, satisfaction, [g.evidence(p3, '上半年共解决各类问题2944件，满意率达97.4%')]);
  g.relation('LEADS', leader, committee, [g.evidence(p2, BYLINE_JQL)], { role: '书记' });
  // The extractor's PART_OF between entities shares its name with the structural PART_OF.
  g.relation('PART_OF', committee, street, [g.evidence(p2, '酒泉路街道党工委', '酒泉路街道党工委坚持')]);
  g.relation('ADOPTS', lanzhou, djyl, [g.evidence(p0, '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编')], { source: 'A' });
  return g.build();
}

export function docB(): DocumentGraph {
  const g = new GraphBuilder(TEXT_B, { path: PATH_B, title: '基层党建工作模式实践探索工作报告汇编' });
  const b0 = g.article('关于对 xx 街道基层治理调研报告', undefined, '# 关于对 xx 街道基层治理调研报告', '群众满意度达到95%以上。');
  const b1 = g.article('xx省交通运输发展基本情况', undefined, '### 1.xx省交通运输发展基本情况', '最终造成城区交通拥堵。');
  const q0 = g.passage(b0, 'xx街道以党建引领', '群众满意度达到95%以上。',
    ['xx', '街道', '以', '党建', '引领', '群众', '获得感', '支部', '建', '在', '网格', '上', '党员', '中心户', '红网格', '组织', '体系',
      '一网格一支部', '五治', '网格化', '群众', '满意度', '达到', '95%', '以上']);
  const q1 = g.passage(b1, '随经济发展加快', '最终造成城区交通拥堵。',
    ['经济', '发展', '加快', '普通', '国道', '交通', '流量', '激增', '以', '兰州市', '为例', '主城区', '干线', '公路', '拥堵']);

  const lanzhou = g.entity(
    { type: 'region', name: '兰州市', level: 'prefecture', aliases: ['兰州'], props: { note: '省会城市', rank: 1 } },
    [g.evidence(q1, '兰州市')],
  );
  const djyl = g.entity({ type: 'mechanism', name: '党建引领', props: { definition: '以党建引领基层治理' } }, [
    g.evidence(q0, '党建引领', 'xx街道以'),
  ]);
  const street = g.entity({ type: 'region', name: 'xx街道', level: 'township', scoped: true }, [
    g.evidence(q0, 'xx街道', 'xx街道以党建引领'), g.evidence(q0, 'xx街道', 'xx街道不断织密'),
  ]);
  const redGrid = g.entity({ type: 'mechanism', name: '红网格' }, [g.evidence(q0, '红网格', 'xx街道不断织密')]);
  const satisfaction = g.entity(
    { type: 'metric', name: '群众满意度95%', key: '群众满意度', props: { indicator: '群众满意度', value: 95, unit: '%' } },
    [g.evidence(q0, '群众满意度达到95%以上')],
  );

  g.relation('ADOPTS', lanzhou, djyl, [g.evidence(q1, '以兰州市为例')], { source: 'B' });
  g.relation('ADOPTS', street, redGrid, [g.evidence(q0, 'xx街道不断织密“红网格”组织体系')]);
  g.relation('ADOPTS', street, djyl, [g.evidence(q0, 'xx街道以党建引领')]);
  g.relation('HAS_METRIC', street, satisfaction, [g.evidence(q0, '群众满意度达到95%以上')]);
  // Reaches A's 1+3+X, which this graph does not carry: B can only be written after A.
  g.relation('SIMILAR_TO', redGrid, { id: entityId('mechanism', '1+3+X') }, [g.evidence(q0, '红网格', 'xx街道不断织密')], { score: 0.42 });
  return g.build();
}

/** Names built to break string-concatenated Cypher; they must round-trip as plain data. */
export const NASTY = {
  path: 'uploads/evil"\'`}) DETACH DELETE n //.txt',
  team: '"畅大妈"志愿服务队\'`}) DETACH DELETE n //',
  council: '小院议事会`) MATCH (n) DETACH DELETE n //',
  alias: "' OR 1=1 --",
  propKey: 'we`ird"} key',
  propValue: '}) DETACH DELETE n //',
} as const;

/** A one-paragraph document (a real paragraph of A) whose names, aliases, props and path are hostile. */
export function docNasty(): DocumentGraph {
  const last = '覆盖辖区居民3.1万余人次。';
  const text = TEXT_A.slice(TEXT_A.indexOf('“两访”串联民心。'), TEXT_A.indexOf(last) + last.length);
  const g = new GraphBuilder(text, { path: NASTY.path, title: `"标题'\`}) //` });
  const art = g.article('“三为”化解民忧', undefined, '“两访”串联民心。', '覆盖辖区居民3.1万余人次。');
  const p = g.passage(art, '“两访”串联民心。', '覆盖辖区居民3.1万余人次。', ['"畅大妈"', '`}) DETACH DELETE n //', '\\"', '志愿', '服务队']);
  const team = g.entity(
    { type: 'organization', name: NASTY.team, kind: 'social', aliases: [NASTY.alias, '`小院`'], props: { [NASTY.propKey]: NASTY.propValue, n: null } },
    [g.evidence(p, '749名网格员')],
  );
  const council = g.entity({ type: 'mechanism', name: NASTY.council }, [g.evidence(p, '大家访')]);
  g.relation('ADOPTS', team, council, [g.evidence(p, '在“大家访”活动中')], { [NASTY.propValue]: '\'"`' });
  return g.build();
}

/** A's replacement under the same path (revised text, new id) and a version whose last relation is broken. */
export function docARevised(): DocumentGraph {
  return docA(`${TEXT_A}\n（修订版）`);
}

export function withBrokenRelation(graph: DocumentGraph): DocumentGraph {
  const last = graph.relations[graph.relations.length - 1];
  const missing = entityId('region', '不存在的区');
  const broken: RelationWithEvidence = { ...last, id: relationId('LOCATED_IN', last.from, missing), type: 'LOCATED_IN', to: missing };
  return { ...graph, relations: [...graph.relations, broken] };
}

/** Two organizations adopting the same two mechanisms (over A's 酒泉路街道 paragraphs, as their own document). */
export function docSharedMechanisms(): DocumentGraph {
  const from = '酒泉路街道党工委坚持做实需求';
  const to = '顺利将2个红色网格降为黄色网格。';
  const text = TEXT_A.slice(TEXT_A.indexOf(from), TEXT_A.indexOf(to) + to.length);
  const g = new GraphBuilder(text, { path: 'excerpts/酒泉路街道.txt', title: '“一网两访三为”探索基层治理新路径（节选）' });
  const art = g.article('“一网两访三为”探索基层治理新路径', undefined, from, to);
  const p0 = g.passage(art, from, '有力推动老街区焕发新动力。', ['酒泉路', '街道', '党工委', '坚持', '做实', '需求']);
  const p1 = g.passage(art, '“一网”揽尽民情。', to, ['网格化', '管理', '两委', '成员', '1+3+X', '网格']);
  const committee = g.entity({ type: 'organization', name: '酒泉路街道党工委', kind: 'party_committee' }, [g.evidence(p0, '酒泉路街道党工委')]);
  const council = g.entity({ type: 'organization', name: '社区“两委”', kind: 'community_committee' }, [g.evidence(p1, '“两委”成员')]);
  const formula = g.entity({ type: 'mechanism', name: '1+3+X' }, [g.evidence(p1, '1+3+X')]);
  const gridding = g.entity({ type: 'mechanism', name: '网格化管理' }, [g.evidence(p1, '网格化管理')]);
  for (const org of [committee, council]) {
    g.relation('ADOPTS', org, formula, [g.evidence(p1, '建立“1+3+X”网格力量体系')]);
    g.relation('ADOPTS', org, gridding, [g.evidence(p1, '抓实网格化管理')]);
  }
  return g.build();
}
