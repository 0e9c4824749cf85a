import type { PassageRecord } from '../../graph/model.js';
import { splitSentences } from '../query/extractors.js';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
/** How many following non-space characters must agree before a character is taken as aligned. */
const CONFIRM = 3;

function agrees(clean: string, i: number, original: string, k: number, end: number): boolean {
  let a = i + 1;
  let b = k + 1;
  for (let seen = 0; seen < CONFIRM; ) {
    while (a < clean.length && isSpace(clean[a])) a++;
    while (b < end && isSpace(original[b])) b++;
    if (a >= clean.length) return true;
    if (b >= end || clean[a] !== original[b]) return false;
    a++;
    b++;
    seen++;
  }
  return true;
}

/**
 * Maps every character of a passage's cleaned text to its offset in the document's original text.
 * Cleaning only deletes characters (page markers, captions, hard line breaks) and turns whitespace
 * runs into one space, so the cleaned text is a subsequence of the original slice; each character
 * is aligned to the very next original character when that one equals it (so text after a deleted
 * caption is never searched), else to the next original character that equals it and is followed
 * by the same few characters, so a digit of a deleted page marker (— 2 —) never captures the 2 of 2023年.
 */
export function alignPassage(passage: Pick<PassageRecord, 'text' | 'start' | 'end'>, documentText: string): Int32Array {
  const clean = passage.text;
  const map = new Int32Array(clean.length);
  let j = passage.start;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i];
    if (isSpace(ch)) {
      map[i] = Math.min(j, passage.end - 1);
      if (isSpace(documentText[j])) j++;
      continue;
    }
    // The next original character (past whitespace) is the one when it matches: contiguity wins.
    let next = j;
    while (next < passage.end && isSpace(documentText[next])) next++;
    if (documentText[next] === ch) {
      map[i] = next;
      j = next + 1;
      continue;
    }
    let k = j;
    let first = -1;
    for (; k < passage.end; k++) {
      if (documentText[k] !== ch) continue;
      if (first < 0) first = k;
      if (agrees(clean, i, documentText, k, passage.end)) break;
    }
    const at = k < passage.end ? k : first;
    if (at < 0) {
      map[i] = Math.min(j, passage.end - 1);
      continue;
    }
    map[i] = at;
    j = at + 1;
  }
  return map;
}

export interface PassageSentence {
  /** The cleaned sentence (what extraction reads). */
  text: string;
  /** Where the sentence starts in the passage's cleaned text. */
  cleanStart: number;
  /** Its span in the document's original text. */
  start: number;
  end: number;
}

/** Maps a range of the passage's cleaned text to its exact span in the original text. */
export function originalMapper(passage: Pick<PassageRecord, 'text' | 'start' | 'end'>, documentText: string): (cleanStart: number, cleanEnd: number) => { start: number; end: number } {
  const map = alignPassage(passage, documentText);
  return (cs, ce) => (ce <= cs ? { start: map[cs] ?? passage.end, end: map[cs] ?? passage.end } : { start: map[cs], end: map[ce - 1] + 1 });
}

/** The passage's sentences with exact original spans. */
export function passageSentences(passage: Pick<PassageRecord, 'text' | 'start' | 'end'>, documentText: string): PassageSentence[] {
  const toOriginal = originalMapper(passage, documentText);
  return splitSentences(passage.text).map((s) => ({ text: passage.text.slice(s.start, s.end), cleanStart: s.start, ...toOriginal(s.start, s.end) }));
}
