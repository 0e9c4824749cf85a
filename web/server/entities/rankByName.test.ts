import { describe, expect, it } from 'vitest';
import { rankByName } from './rankByName.js';

const e = (name: string, type: string, aliases: string[] = []) => ({ name, type, aliases });

describe('rankByName', () => {
  it.each([
    {
      q: '兰州市',
      given: [e('兰州市网格员人数', 'metric'), e('兰州市委组织部', 'organization'), e('兰州市', 'region'), e('中共兰州市委', 'organization')],
      want: ['兰州市', '兰州市委组织部', '兰州市网格员人数', '中共兰州市委'],
    },
    {
      q: '鼓楼区',
      given: [e('南京市鼓楼区社区数量', 'metric'), e('鼓楼区', 'region'), e('福州市鼓楼区', 'region')],
      want: ['鼓楼区', '福州市鼓楼区', '南京市鼓楼区社区数量'],
    },
    {
      q: '枫桥经验',
      given: [e('新时代枫桥经验', 'mechanism'), e('“枫桥式”调解', 'mechanism', ['枫桥经验'])],
      want: ['“枫桥式”调解', '新时代枫桥经验'],
    },
  ])('$q: exact name first, then prefix, places before metrics', ({ q, given, want }) => {
    expect(rankByName(given, q).map((x) => x.name)).toEqual(want);
  });
});
