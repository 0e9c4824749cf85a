import { readFileSync, readdirSync } from 'node:fs';

/** Test helper: the corpus files (raw text), to check that table rows quote real sentences. */
const dir = new URL('../../../corpus/', import.meta.url);

export const corpusFiles: { name: string; text: string }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));

export const corpusText = corpusFiles.map((f) => f.text).join('\n');

/** The corpus with hard line breaks joined (file 003 breaks lines every ~30 characters), as passages read it. */
const joinedText = corpusFiles.map((f) => f.text.replace(/\s*\n\s*/g, '')).join('\n');

/** Whether a test sentence is quoted from the corpus (raw, or across a hard line break). */
export const inCorpus = (sentence: string): boolean => corpusText.includes(sentence) || joinedText.includes(sentence);

/** Sentences as the whole-corpus test reads them: raw text split on 。！？ and newlines. */
export const sentencesOf = (text: string): string[] => text.split(/[。！？\n]/).filter((s) => s.trim());
