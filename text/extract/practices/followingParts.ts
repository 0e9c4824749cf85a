import type { Mention, RelationCandidate } from '../types.js';
import { normalizeWidth } from '../../segment/index.js';
import { announcedCounts, extractParts, hasPart, partMention } from './extractParts.js';
import { numberedParts, type PartSpan } from './partLists.js';

/** What may follow the name in the announcing sentence: nothing, a colon, 如下, 主要做法是… */
const ANNOUNCE_TAIL = /^[\s，,：:。.；;！!]*(?:(?:具体|主要)?(?:做法|内容|措施|举措)?(?:如下|是|有|包括)?[\s：:。.]*)?$/;
const MAX_FOLLOWING = 6;

/**
 * Reports often announce a practice in one sentence and list its parts in the next ones:
 * `创新推行“三联”工作法。一是联系群众，…；二是联办实事，…。三是联评服务，…`. Rules see one sentence
 * at a time, so this pass runs over the consecutive sentences of one passage afterwards.
 *
 * A sentence announces the parts of its only practice when nothing but punctuation or 如下/主要做法是
 * follows the name, and the practice has no parts in its own sentence. The parts are the numbered
 * items (一是/二是…, 第一/第二…, （一）（二）…) in sequence from 一 in the following sentences, the
 * first of which must open the next sentence. When the name announces a count (三联 → 3) exactly
 * that many must be found, else none are kept.
 *
 * Pure: returns, for every sentence, the part mentions and HAS_PART relations read from it (offsets
 * into that sentence), to be added beside its own extraction.
 */
export function attachFollowingParts(
  sentences: string[],
  mentionsPerSentence: Mention[][],
): { mentions: Mention[]; relations: RelationCandidate[] }[] {
  if (sentences.length !== mentionsPerSentence.length) {
    throw new Error(`attachFollowingParts: ${sentences.length} sentences but ${mentionsPerSentence.length} mention lists`);
  }
  const out = sentences.map(() => ({ mentions: [] as Mention[], relations: [] as RelationCandidate[] }));
  const continued = new Set<number>();
  for (let i = 0; i < sentences.length - 1; i++) {
    const joined = acrossSemicolons(sentences, mentionsPerSentence, i);
    if (joined) {
      joined.forEach(({ sentence, mention, relation }) => {
        out[sentence].mentions.push(mention);
        out[sentence].relations.push(relation);
        continued.add(sentence);
      });
      i = Math.max(...joined.map((p) => p.sentence));
      continue;
    }
    if (continued.has(i)) continue;
    const parent = announcingPractice(sentences[i], mentionsPerSentence[i]);
    if (!parent) continue;
    const found: { sentence: number; part: PartSpan }[] = [];
    let next = 1;
    for (let j = i + 1; j < sentences.length && j <= i + MAX_FOLLOWING; j++) {
      const text = normalizeWidth(sentences[j]);
      if (next === 1 && !/^\s*(?:一是|第一|[（(]一[）)])/.test(text)) break;
      const read = numberedParts(text, next);
      if (read.parts.length === 0) break;
      found.push(...read.parts.map((part) => ({ sentence: j, part })));
      next = read.next;
    }
    const counts = announcedCounts(parent.name);
    if (found.length < 2 || (counts && !counts.includes(found.length))) continue;
    found.forEach(({ sentence, part }, k) => {
      const mention = partMention(parent, part, k + 1, sentences[sentence]);
      out[sentence].mentions.push(mention);
      out[sentence].relations.push(hasPart(parent, mention));
    });
    i = found[found.length - 1].sentence - 1;
  }
  return out;
}

const ENDS_WITH_SEMICOLON = /[；;]\s*$/;
const MAX_SEMICOLON_SEGMENTS = 10;

/**
 * Sentences are cut at ；, but a practice's parts are often ；-separated (`“1333”基层治理体系，即高举一面
 * 旗帜，坚持党建引领；筑强…3大堡垒；夯实…3个保障；织密…3张网络`, `一张网：…；一支队伍：…`): read the
 * parts of sentence i's practices over the run of sentences it opens that end in ；, and give each
 * part to the sentence it is written in.
 */
function acrossSemicolons(
  sentences: string[],
  mentionsPerSentence: Mention[][],
  i: number,
): { sentence: number; mention: Mention; relation: RelationCandidate }[] | undefined {
  if (!ENDS_WITH_SEMICOLON.test(sentences[i]) || mentionsPerSentence[i].some((m) => m.kind === 'part')) return undefined;
  const practices = mentionsPerSentence[i].filter((m) => m.type === 'mechanism' && m.kind !== 'part');
  if (practices.length === 0) return undefined;
  let last = i;
  while (last + 1 < sentences.length && last - i < MAX_SEMICOLON_SEGMENTS && ENDS_WITH_SEMICOLON.test(sentences[last])) last++;
  if (last === i) return undefined;
  const offsets: number[] = [];
  let joined = '';
  for (let k = i; k <= last; k++) {
    offsets.push(joined.length);
    joined += sentences[k];
  }
  const { mentions } = extractParts(joined, practices);
  if (mentions.length === 0) return undefined;
  return mentions.map((m) => {
    let k = offsets.length - 1;
    while (k > 0 && offsets[k] > m.start) k--;
    const local: Mention = { ...m, start: m.start - offsets[k], end: m.end - offsets[k] };
    const parent = practices.find((p) => local.key.startsWith(`${p.key}/`))!;
    return { sentence: i + k, mention: local, relation: hasPart(parent, local) };
  });
}

function announcingPractice(sentence: string, mentions: Mention[]): Mention | undefined {
  const practices = mentions.filter((m) => m.type === 'mechanism' && m.kind !== 'part');
  if (practices.length !== 1 || mentions.some((m) => m.kind === 'part')) return undefined;
  const [practice] = practices;
  return ANNOUNCE_TAIL.test(normalizeWidth(sentence).slice(practice.end)) ? practice : undefined;
}
