import { describe, expect, it } from 'vitest';
import { extractSentence } from '../index.js';
import { inCorpus } from './testing.js';

/**
 * Whole sentences through extractSentence: the place and organization rules find what a role names,
 * the people rules find the person and LEADS. Places here are not in corpus/ unless marked.
 */
const rows: { sentence: string; from: 'corpus' | 'invented'; people: string[]; leads: string[] }[] = [
  { sentence: '敦煌路街道党工委书记王强介绍，街道今年新建了3个驿站', from: 'invented', people: ['王强'], leads: ['王强>region:敦煌路街道:党工委书记'] },
  { sentence: '武侯区玉林街道党工委书记刘晓梅表示，要把服务送到楼栋', from: 'invented', people: ['刘晓梅'], leads: ['刘晓梅>region:玉林街道:党工委书记'] },
  { sentence: '在龙泉社区，社区党委书记赵丽华带领党员逐户走访', from: 'invented', people: ['赵丽华'], leads: ['赵丽华>region:龙泉社区:党委书记'] },
  { sentence: '区综治中心主任林涛介绍，平台上线以来共流转事件8.7万件', from: 'invented', people: ['林涛'], leads: ['林涛>organization:区综治中心:主任'] },
  { sentence: '西固区福利路街道党工委书记 牟辉', from: 'corpus', people: ['牟辉'], leads: ['牟辉>region:福利路街道:党工委书记'] },
  { sentence: '永登县委副书记、树屏镇党委书记 贾锐', from: 'corpus', people: ['贾锐'], leads: ['贾锐>region:永登县:县委副书记', '贾锐>region:树屏镇:党委书记'] },
  { sentence: '正在晒被子的居民周阿姨笑着说，院子干净多了', from: 'invented', people: [], leads: [] },
];

describe('people, roles and LEADS in whole sentences', () => {
  it.each(rows)('$sentence', (row) => {
    expect(inCorpus(row.sentence)).toBe(row.from === 'corpus');
    const { mentions, relations } = extractSentence(row.sentence, { regions: [] });
    expect(mentions.filter((m) => m.type === 'person').map((m) => m.name)).toEqual(row.people);
    const leads = relations.filter((r) => r.type === 'LEADS');
    expect(leads.map((r) => `${r.from.key}>${r.to.type}:${r.to.key}:${r.props?.role}`)).toEqual(row.leads);
    // What a LEADS points at is itself a mention of the sentence.
    for (const r of leads) expect(mentions.some((m) => m.type === r.to.type && m.key === r.to.key)).toBe(true);
  });
});
