import { describe, expect, it } from 'vitest';
import { buildPassages, structureDocument } from '../../ingest/structure/index.js';
import { alignPassage, passageSentences } from './sentenceSpans.js';

// An invented report with the noise the structure stage removes: a page marker inside a sentence,
// hard line breaks, a caption and a repeated digit right after the marker.
const ORIGINAL = [
  '吴兴区基层治理工作汇报',
  '',
  '一、网格治理',
  '',
  '织里镇推行“1+3+N”网格服务模式，每个网格配备1名专职网格员、3名兼职',
  '网格员和N名志愿者。2022年，织里镇共受理群众诉求1200件，办结率',
  '',
  '— 2 — ★',
  '',
  '为98.5%，满意率达到96.1%。',
  '图为织里镇网格员走访居民。',
  '',
  '二、服务成效',
  '',
  '2023年，织里镇满意率达到97.8%，网格由原来的86个调整为61个。',
  '',
].join('\n');

const passages = () => buildPassages(structureDocument(ORIGINAL, { fallbackTitle: 'invented.txt' }));

describe('alignPassage: cleaned passage text back to the original characters', () => {
  it('every non-space character of every passage maps to the same character of the original', () => {
    for (const draft of passages()) {
      const map = alignPassage(draft, ORIGINAL);
      for (let i = 0; i < draft.text.length; i++) {
        if (/\s/.test(draft.text[i])) continue;
        expect(ORIGINAL[map[i]], `${draft.text.slice(0, 12)}… [${i}]`).toBe(draft.text[i]);
      }
      // Offsets never go backwards.
      for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1]);
    }
  });

  it('a sentence broken by a page marker is cited from its first to its last character', () => {
    const all = passages().flatMap((p) => passageSentences(p, ORIGINAL));
    const split = all.find((s) => s.text.startsWith('2022年'))!;
    expect(split.text).toBe('2022年，织里镇共受理群众诉求1200件，办结率为98.5%，满意率达到96.1%。');
    expect(ORIGINAL.slice(split.start, split.end)).toBe('2022年，织里镇共受理群众诉求1200件，办结率\n\n— 2 — ★\n\n为98.5%，满意率达到96.1%。');
    const later = all.find((s) => s.text.startsWith('2023年'))!;
    expect(ORIGINAL.slice(later.start, later.end)).toBe(later.text);
  });
});
