import { describe, expect, it } from 'vitest';
import { partsAfterAnchor } from './partsFromText.js';

const names = (sentence: string, anchor: string) => partsAfterAnchor(sentence, anchor).map((p) => p.name);

describe('partsAfterAnchor: the list right after a practice name', () => {
  it.each([
    // generalization tuning documents
    ['涧西区在全区开展“四零”平安社区创建，即矛盾纠纷零激化、安全生产零事故、群众上访零越级、刑事案件零发生。', '四零', ['矛盾纠纷零激化', '安全生产零事故', '群众上访零越级', '刑事案件零发生']],
    ['旌阳区还在区综治中心上线了“三色预警”机制，把网格员上报的事项按紧急程度分为红色、黄色、绿色三个等级：红色事项2小时内响应，黄色事项24小时内办理。', '三色预警', ['红色', '黄色', '绿色']],
    ['我们把这种做法总结为“两张清单”，包括居民需求清单和单位资源清单，两张清单每季度更新一次、公开一次。', '两张清单', ['居民需求清单', '单位资源清单']],
    ['建立“五心”服务法：接待热心、倾听耐心、解释细心、办理用心、回访诚心。', '五心', ['接待热心', '倾听耐心', '解释细心', '办理用心', '回访诚心']],
    ['大沥镇推行“村居议事五步法”，一是群众提议，二是党组织审议，三是议事会商议，四是村（居）民决议，五是公开评议。', '村居议事五步法', ['群众提议', '党组织审议', '议事会商议', '村（居）民决议', '公开评议']],
    // invented sentences, other places and phrasings
    ['白沙镇推出“三长联动”，也就是网格长、楼栋长、单元长每周碰头一次。', '三长联动', ['网格长', '楼栋长', '单元长每周碰头一次']],
    ['青禾社区的“双岗”制度分为服务岗与督导岗两类，由居民评议。', '双岗', ['服务岗', '督导岗']],
  ])('%s', (sentence, anchor, expected) => expect(names(sentence, anchor)).toEqual(expected));

  it.each([
    // The list belongs to something else: it stands too far from the name.
    ['社区推行“三长联动”工作，经过两年多的持续探索和不断完善，已经形成了比较成熟的做法，主要包括网格长、楼栋长、单元长三个层级。', '三长联动'],
    // The name is not in the sentence.
    ['即矛盾纠纷零激化、安全生产零事故。', '四零'],
    // Running text after the marker, not a list.
    ['“红色管家”即由小区党支部牵头，将物业服务企业纳入议事平台。', '红色管家'],
  ])('no parts: %s', (sentence, anchor) => expect(names(sentence, anchor)).toEqual([]));

  it('gives the offsets of each item in the sentence', () => {
    const sentence = '推行“一格三员”，即每个网格配备1名网格员、1名社区民警、1名人民调解员，目前共划分基础网格3216个。';
    const parts = partsAfterAnchor(sentence, '一格三员');
    expect(parts.map((p) => sentence.slice(p.start, p.end))).toEqual(parts.map((p) => p.name));
    expect(parts.map((p) => p.name)).toEqual(['每个网格配备1名网格员', '1名社区民警', '1名人民调解员']);
  });
});
