import { describe, expect, it } from 'vitest';
import { segment } from '../../segment/index.js';
import { extractMechanisms } from './index.js';

// Invented sentences: quoted slogans, metaphors, goals and target groups are not practices; the
// rules that say so are general (shapes, outcome words, …型 qualifiers), not a list of these words.
const notPractices: [label: string, sentence: string][] = [
  ['a change-of-state metaphor', '通过交叉任职，让社区和物业从“两家人”变成“一家亲”'],
  ['an outcome stated as a number list', '确保安全生产和队伍建设“双平稳”'],
  ['an outcome with 实现', '努力实现集体增收和群众满意“双提升”'],
  ['a quote qualifying a place noun through …型', '推动建成“一老一小一党员”知识型、友好型社区'],
  ['questions in quotes', '认真做好“干什么”“干得好”两篇文章'],
  ['a national slogan', '着力解决群众“急难愁盼”问题，打通服务“最后一公里”'],
  ['a problem ending in 地', '着眼整治城市“撂荒地”'],
  ['a coalition named with 联盟 is an organisation', '联合12家物业公司组成“红色物业联盟”'],
  ['a metaphor as the object of 打造成', '把村党组织书记打造成“领头红雁”'],
];

const practices: [label: string, sentence: string, key: string][] = [
  ['a 双 list that is a method', '太原市小店区推行“双报到”制度', '双报到'],
  ['a quoted name named as a 工作机制 in a run', '深化“楼栋党小组”“红色物业”等工作机制', '红色物业'],
  ['a number list with a head noun', '乌鲁木齐市天山区推行“三色预警”机制', '三色预警'],
];

describe('quoted slogans are not practices', () => {
  it.each(notPractices)('%s', (_label, sentence) => {
    expect(extractMechanisms(sentence, segment(sentence)).map((m) => m.key)).toEqual([]);
  });

  it.each(practices)('%s', (_label, sentence, key) => {
    expect(extractMechanisms(sentence, segment(sentence)).map((m) => m.key)).toContain(key);
  });
});
