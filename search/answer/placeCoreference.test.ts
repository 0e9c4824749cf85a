import { describe, expect, it } from 'vitest';
import { nearestBefore, refersBack } from './placeCoreference.js';

const COMMUNITY = ['社区', '居委会'];
const TOWNSHIP = ['街道'];

describe('refersBack: a place named only by its level word', () => {
  it.each([
    // generalization tuning document
    ['社区探索“2+3”睦邻服务模式：“2”是社区党组织和业主委员会两个主体。', COMMUNITY, true],
    // invented
    ['该社区推行“邻里积分”制度，居民参与率达到80%。', COMMUNITY, true],
    ['街道鼓励居民根据自身特长组建志愿服务队。', TOWNSHIP, true],
    ['这个社区还建立了“楼栋议事会”。', COMMUNITY, true],
    // a named place, a body or staff of the place, every place: not a reference back
    ['同乐寨社区是一个由8个企业家属院组成的老旧社区。', COMMUNITY, false],
    ['社区党委书记付晓东带领社区干部逐院召开居民大会。', COMMUNITY, false],
    ['各社区普遍实行“包案”化解制度。', COMMUNITY, false],
    ['区里对创建达标的社区每年给予5万元工作经费奖励。', COMMUNITY, false],
  ])('%s', (sentence, suffixes, expected) => expect(refersBack(sentence, suffixes)).toBe(expected));
});

describe('nearestBefore', () => {
  it('takes the place named last', () => {
    expect(nearestBefore([{ name: '南峰社区', start: 3 }, { name: '同乐寨社区', start: 20 }])?.name).toBe('同乐寨社区');
    expect(nearestBefore([])).toBeUndefined();
  });
});
