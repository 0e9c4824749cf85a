import type { Mention } from '../types.js';

/** A lead sentence is short: 建立“微网实格”织密体系 (12 characters). */
export const MAX_LEAD_LENGTH = 20;
const MAX_DEFINITION_LENGTH = 200;

/** Section numbers and markdown headings open a new section, not a definition: 一、 （三） 1. ## 第一步 */
const HEADING_START = /^\s*(?:#+|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[步是条部分章节])/;

/** A lead phrase is a sentence of its own: it closes with punctuation (a heading does not). */
const LEAD_END = /[。！!；;：:]\s*$/;

const compactLength = (text: string): number => text.replace(/\s+/g, '').length;

/**
 * Reports often name a practice in a short lead sentence and explain it in the next one:
 * `建立“微网实格”织密体系。将13个社区划为39个楼院网格和7个专属网格，…`. Rules see one sentence at a
 * time, so this pass runs over the consecutive sentences of one passage (or paragraph) afterwards.
 *
 * `sentences[i]` is the text that `mentionsPerSentence[i]` was extracted from (any mention types;
 * only mechanisms are touched). A mechanism gets the next sentence as its definition when:
 * - it is the only mechanism of its sentence and has no definition yet;
 * - its sentence is a lead phrase: at most MAX_LEAD_LENGTH characters (without spaces), closed by
 *   its own punctuation (。！；：), and not a numbered heading — titles and headings (`坚持和发展新时代
 *   “枫桥经验”`, `“六位一体”党建工作模式的实践探索`) carry no closing punctuation and are followed by
 *   the section's text, not by a definition;
 * - the next sentence is longer than a lead phrase, is not a heading, does not open with a practice
 *   name of its own (“两化”即…) and does not name the same practice again (then that mention carries
 *   its own definition).
 *
 * Pass each sentence with its closing punctuation, as the passage text has it.
 *
 * Pure: returns new arrays; a changed mechanism is a copy with `props.definition` (the next
 * sentence, trimmed, at most 200 characters) and `props.definitionFrom: 'next-sentence'`.
 */
export function attachFollowingDefinitions(sentences: string[], mentionsPerSentence: Mention[][]): Mention[][] {
  if (sentences.length !== mentionsPerSentence.length) {
    throw new Error(`attachFollowingDefinitions: ${sentences.length} sentences but ${mentionsPerSentence.length} mention lists`);
  }
  return mentionsPerSentence.map((mentions, i) => {
    const definition = followingDefinition(sentences, mentionsPerSentence, i);
    if (definition === undefined) return mentions;
    return mentions.map((m) =>
      m.type === 'mechanism' ? { ...m, props: { ...m.props, definition, definitionFrom: 'next-sentence' } } : m,
    );
  });
}

function followingDefinition(sentences: string[], mentionsPerSentence: Mention[][], i: number): string | undefined {
  const mechanisms = mentionsPerSentence[i].filter((m) => m.type === 'mechanism');
  if (mechanisms.length !== 1 || mechanisms[0].props?.definition) return undefined;
  const lead = sentences[i];
  if (compactLength(lead) > MAX_LEAD_LENGTH || HEADING_START.test(lead) || !LEAD_END.test(lead)) return undefined;
  const next = sentences[i + 1];
  if (next === undefined) return undefined;
  const text = next.trim().replace(/[，,；;：:、。！!？?\s]+$/, '');
  if (compactLength(text) <= MAX_LEAD_LENGTH || HEADING_START.test(text)) return undefined;
  const leading = next.length - next.trimStart().length;
  const opensWithName = mentionsPerSentence[i + 1].some((m) => m.type === 'mechanism' && m.start - leading <= 1);
  const namedAgain = mentionsPerSentence[i + 1].some((m) => m.type === 'mechanism' && m.key === mechanisms[0].key);
  if (opensWithName || namedAgain || /^[“「『"]/.test(text)) return undefined;
  return text.slice(0, MAX_DEFINITION_LENGTH);
}
