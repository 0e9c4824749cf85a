import { describe, expect, it } from 'vitest';
import { changePairs, sideOfYear, yearBefore } from './changeValues.js';

describe('changePairs: before → after figures where they are written', () => {
  it.each([
    // generalization tuning documents
    ['为减轻社区负担，我们对社区工作者的联系户数进行了调整，由原来的每人联系400户调整为每人联系260户，让社工有更多时间。', [['400户', '260户']], '联系户数'],
    ['社区工作者月平均收入由2022年的3900元提高到目前的5100元，近两年流失率明显下降。', [['3900元', '5100元']], '月平均收入'],
    ['全街道网格数由原来的126个调整为158个，其中山区网格37个、城市网格104个。', [['126个', '158个']], '网格数'],
    ['小区报修平均响应时间由48小时缩短到6小时，居民投诉量同比下降37.5%。', [['48小时', '6小时']], '响应时间'],
    ['群众满意率由年初的82.5%提升至95.3%。', [['82.5%', '95.3%']], '满意率'],
    // invented sentences, other places and phrasings
    ['青禾镇村级议事会从每季度1次增加到每月2次。', [['1次', '2次']], '议事会'],
    ['白沙社区独居老人探访周期从7天压缩至3天，楼栋长由12名增至20名。', [['7天', '3天'], ['12名', '20名']], '探访周期'],
  ])('%s', (sentence, pairs, context) => {
    const found = changePairs(sentence);
    expect(found.map((p) => [p.before, p.after])).toEqual(pairs);
    expect(found[0].context).toContain(context);
  });

  it.each([
    // a range, not a change
    '全区按照300户至500户的标准划分基础网格。',
    // two figures of different units
    '从3个小组发展到120人的队伍。',
    // no change at all
    '今年以来受理率达93.6%，按期办结率为90.8%。',
  ])('no pair: %s', (sentence) => expect(changePairs(sentence)).toEqual([]));
});

describe('yearBefore and sideOfYear: whose year a figure is', () => {
  it.each([
    ['网格党组织覆盖率由2023年的81.6%提高到100%。', '81.6%', '100%', 2023, 'before'],
    ['社区工作者月平均收入由2022年的3900元提高到目前的5100元。', '3900元', '5100元', 2022, 'before'],
    ['两委成员中大专以上学历占比由2021年换届时的46%提高到61%。', '46%', '61%', 2021, 'before'],
    // invented: the after side carries its own year
    ['白沙镇垃圾分类覆盖率由2021年的40%提高到2023年的85%。', '40%', '85%', 2023, 'after'],
    ['白沙镇垃圾分类覆盖率由2021年的40%提高到2023年的85%。', '40%', '85%', 2021, 'before'],
    // the year asked is written with neither figure
    ['网格党组织覆盖率由2023年的81.6%提高到100%。', '81.6%', '100%', 2024, undefined],
    ['群众满意率由年初的82.5%提升至95.3%。', '82.5%', '95.3%', 2024, undefined],
  ])('%s (%s → %s, %i)', (sentence, before, after, year, side) => {
    expect(sideOfYear(sentence, before, after, year)).toBe(side);
  });

  it('reads no year across another figure', () => {
    expect(yearBefore('2023年受理1.86万件，调解成功率96.2%', '96.2%')).toBeUndefined();
    expect(yearBefore('2023年全区受理矛盾纠纷1.86万件', '1.86万件')).toBeUndefined();
  });
});
