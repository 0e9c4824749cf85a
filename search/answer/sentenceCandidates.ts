import type { EntityRecord, PassageRecord } from '../../graph/model.js';
import type { QuestionAnalysis, Slot } from '../query/answerTypes.js';
import { normalizeKey, splitSentences, type Extraction, type Mention } from '../query/extractors.js';
import { rolesBefore } from '../query/rolePhrases.js';
import type { AnswerItem } from './answerItems.js';
import { matchesPlace } from './answerItems.js';
import type { FileOf } from './citations.js';
import { changePairs } from './changeValues.js';
import { metricFit, metricNameAt, yearSide } from './metricAnswers.js';
import { partsAfterAnchor } from './partsFromText.js';
import { nearestBefore, refersBack } from './placeCoreference.js';
import { originalMapper, type PassageSentence } from './sentenceSpans.js';
import { topicScore } from './topicScore.js';

export interface RankedPassage {
  passage: PassageRecord;
  /** Fused keyword + vector score of the passage. */
  score: number;
  documentText: string;
}

export interface ScoredSentence extends PassageSentence {
  passage: PassageRecord;
  score: number;
}

/** How many top passages and sentences are read, and the least score a text answer needs. */
export const SENTENCE_PASSAGES = 5;
export const SENTENCE_LIMIT = 8;
export const ANSWER_THRESHOLD = 0.45;
const NAME_WEIGHT = 2;
/** Candidates of one slot within this share of the best survive. */
const KEEP_SHARE = 0.7;
/** Figures of one number slot: only those as good as the best (a tie is two places or periods stated alike). */
const NUMBER_SHARE = 0.999;
/** An anchor named in the passage but not in the sentence counts this much. */
const PASSAGE_ANCHOR = 0.75;
/** An adopter that is the article's subject rather than named in the sentence counts this much. */
const SUBJECT_FIT = 0.8;
/** A place named in the sentence before one that says only 社区 (or 该街道). */
const COREFERENCE_FIT = 0.8;
/** How many sentences back such a place may be named. */
const COREFERENCE_REACH = 2;
const MAX_PER_SLOT = 6;
/** An organization not of the kind asked (联盟 asked, a 公司 found). */
const KIND_MISMATCH = 0.5;
/** A practice's list may be longer than other answers (五心: five items, 四零: four). */
const MAX_PARTS = 10;

const norm = (text: string) => normalizeKey(text).replace(/[“”"「」]/g, '');

/**
 * Names the answer must be read next to: for places, organizations and parts the practice named
 * or quoted; otherwise the subjects. Names the graph does not know (an unknown person, a quoted
 * app) stand in when nothing else is named.
 */
function anchorsOf(a: QuestionAnalysis, slot: Slot): string[] {
  const practices = a.entities.filter((e) => e.entity.type === 'mechanism').flatMap((e) => [e.entity.name, ...e.entity.aliases]);
  const subjects = slot.subjects.filter((s) => s.entity.type !== 'mechanism').flatMap((s) => [s.entity.name, ...s.entity.aliases, s.surface]);
  const clean = (names: string[]) => [...new Set(names.map(norm).filter((n) => n.length >= 2))];
  const hasPerson = slot.subjects.some((s) => s.entity.type === 'person');
  if ((slot.answerType === 'place' || slot.answerType === 'parts') && !hasPerson) {
    // Coalitions named like practices (“大工委”“大党委”机制) are organizations in the graph: they anchor too.
    const bodies = slot.answerType === 'place' ? a.entities.filter((e) => e.entity.type === 'organization').map((e) => e.entity.name) : [];
    const named = clean([...practices, ...a.quoted, ...bodies]);
    return named.length ? named : clean(slot.anchors);
  }
  if (slot.answerType === 'organization') return clean([...practices, ...a.quoted, ...subjects, ...slot.anchors]);
  const own = clean([...subjects, ...slot.anchors]);
  return own.length ? own : clean([...practices, ...a.quoted]);
}

/**
 * The sentences of the top passages that best match the question: the passage's fused score
 * (keyword and vector) times the share of question words the sentence holds.
 */
export function rankSentences(passages: RankedPassage[], a: QuestionAnalysis, subjectOf: (p: PassageRecord) => string | undefined = () => undefined): ScoredSentence[] {
  const top = passages.slice(0, SENTENCE_PASSAGES);
  const best = Math.max(1e-9, ...top.map((p) => p.score));
  // Names (entities, quotes, unknown names) weigh twice a topic word: 实行 or 机制 say less than 大工委.
  const weights = new Map<string, number>();
  // The period asked (上线以来) is a word of the question too: the sentence that states it is nearer.
  for (const w of [...a.slots.flatMap((s) => s.topic), ...(a.constraints.period ? [a.constraints.period] : [])]) weights.set(norm(w), 1);
  for (const w of [...a.entities.map((e) => e.entity.name), ...a.quoted, ...a.names]) weights.set(norm(w), NAME_WEIGHT);
  const words = [...weights.keys()].filter((w) => w.length >= 2);
  const total = words.reduce((sum, w) => sum + weights.get(w)!, 0);
  if (words.length === 0) return [];
  // Sentences are scored on the cleaned text; only the winners are aligned to the original.
  const scored: { ranked: RankedPassage; start: number; end: number; score: number }[] = [];
  for (const ranked of top) {
    // A name that is the article's subject is half there even where the sentence leaves it out (全县…, 街道…).
    const subject = norm(subjectOf(ranked.passage) ?? '');
    for (const span of splitSentences(ranked.passage.text)) {
      const text = norm(ranked.passage.text.slice(span.start, span.end));
      const held = words.reduce((sum, w) => sum + (text.includes(w) ? weights.get(w)! : w === subject ? weights.get(w)! / 2 : 0), 0) / total;
      if (held > 0) scored.push({ ranked, ...span, score: (0.4 + 0.6 * (ranked.score / best)) * held });
    }
  }
  const winners = scored.sort((x, y) => y.score - x.score).slice(0, SENTENCE_LIMIT);
  const maps = new Map<string, (cs: number, ce: number) => { start: number; end: number }>();
  return winners.map(({ ranked, start, end, score }) => {
    let toOriginal = maps.get(ranked.passage.id);
    if (!toOriginal) maps.set(ranked.passage.id, (toOriginal = originalMapper(ranked.passage, ranked.documentText)));
    return { text: ranked.passage.text.slice(start, end), cleanStart: start, ...toOriginal(start, end), passage: ranked.passage, score };
  });
}

/** 1 next to an anchor, falling with the distance in characters. */
function nearness(text: string, mention: Mention, anchors: string[]): number {
  let distance = Infinity;
  for (const anchor of anchors) {
    for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
      const gap = at >= mention.end ? at - mention.end : mention.start >= at + anchor.length ? mention.start - at - anchor.length : 0;
      distance = Math.min(distance, gap);
    }
  }
  return distance === Infinity ? 0.5 : 1 / (1 + distance / 30);
}

interface Candidate {
  item: AnswerItem;
  score: number;
  /** The sentence a parts candidate was read from: one practice's list is one sentence's list. */
  list?: string;
}

const asEntity = (m: Mention): EntityRecord => ({ id: '', type: m.type, name: m.name, key: m.key, aliases: [], props: m.props ?? {}, ...(m.level ? { level: m.level } : {}) });

/** Type fit of one mention for one slot: null when it cannot answer, else a factor in (0, 1]. */
function typeFit(m: Mention, slot: Slot, a: QuestionAnalysis, sentence: string): { fit: number; name: string; detail?: string } | null {
  const own = new Set(a.entities.map((e) => norm(e.entity.name)));
  switch (slot.answerType) {
    case 'place':
    case 'organization': {
      if (own.has(norm(m.name))) return null;
      if (slot.answerType === 'organization' ? m.type !== 'organization' : m.type !== 'region' && m.type !== 'organization') return null;
      if (slot.level && !(m.type === 'region' && matchesPlace(asEntity(m), slot.level))) return null;
      // 联盟叫什么: a body of another kind (a company in the same sentence) fits less, so it loses.
      if (slot.kind && !m.name.includes(slot.kind)) return { fit: KIND_MISMATCH, name: m.name };
      return { fit: slot.level || m.type === slot.answerType.replace('place', 'region') ? 1 : 0.7, name: m.name };
    }
    case 'person': {
      if (m.type !== 'person') return null;
      const org = String(m.props?.organization ?? '');
      // A person may hold several roles (党总支书记、居委会主任): any of them may be the one asked.
      const roles = [String(m.props?.role ?? ''), ...String(m.props?.roles ?? '').split('、'), ...rolesBefore(sentence, m.start)].filter(Boolean);
      const role = (slot.role ? roles.find((r) => r.includes(slot.role!)) : roles[0]) ?? '';
      if (slot.role && !role) return null;
      const subjects = slot.subjects.map((s) => norm(s.entity.name));
      if (org && subjects.some((s) => norm(org).includes(s) || (s.includes(norm(org)) && org.length >= 2))) return { fit: 1, name: m.name, detail: `${org}${role}` };
      // No organization read with the role: the subject must be in the sentence (checked by the anchor), and it fits less.
      if (!org && slot.role && role.includes(slot.role)) return { fit: 0.8, name: m.name, detail: role };
      return null;
    }
    case 'role': {
      const people = [...slot.subjects.map((s) => s.entity.name), ...slot.anchors].map(norm);
      if (m.type !== 'person' || !people.includes(norm(m.name))) return null;
      const written = rolesBefore(sentence, m.start);
      const role = written.length ? written.join('、') : String(m.props?.role ?? '');
      return role ? { fit: 1, name: `${written.length ? '' : String(m.props?.organization ?? '')}${role}`, detail: m.name } : null;
    }
    case 'practice': {
      if (m.type !== 'mechanism' || own.has(norm(m.name))) return null;
      const topic = slot.topic;
      const fit = topic.length ? Math.min(1, topicScore([m.name, String(m.props?.definition ?? ''), sentence], topic) / topic.length) : 0.8;
      return fit > 0 ? { fit, name: m.name } : null;
    }
    case 'number': {
      if (m.type !== 'metric') return null;
      const metric = asEntity(m);
      const score = metricFit(metric, slot, a.constraints, sentence);
      // Text answers need the indicator itself to name a word of the slot: a neighbouring rate does not.
      if (score === null || Math.floor(score) < 1) return null;
      const name = metricNameAt(metric, slot.asksChange, yearSide(metric, a.constraints.year, sentence));
      // Two topic words named by the indicator are as good as it gets: the rest of a long question seldom is.
      // The coverage part of the score (below 1) breaks ties between figures naming the same words.
      const words = Math.floor(score);
      return { fit: Math.min(1, words / Math.min(2, Math.max(1, slot.topic.length))) * (0.9 + (score - words)), name, detail: String(m.props?.indicator ?? '') };
    }
    case 'parts': {
      const definition = m.type === 'mechanism' ? String(m.props?.definition ?? '') : '';
      const anchors = [...a.quoted, ...a.entities.filter((e) => e.entity.type === 'mechanism').map((e) => e.entity.name)].map(norm);
      if (!definition || !anchors.includes(norm(m.name))) return null;
      return { fit: 1, name: definition, detail: `${m.name}的含义` };
    }
    default:
      return null;
  }
}

/**
 * Typed answers read from the top sentences with the ingest's own extractors, for a slot the graph
 * could not fill. A candidate must sit in a sentence holding the question's anchor (the practice
 * named, exactly — 1+3+N is not 1+3+X — or the subject), fit the slot's type, and score above the
 * threshold; each cites its sentence's exact original span.
 */
export interface SentenceReader {
  fileOf: FileOf;
  documentText: (docId: string) => string;
  /** The ingest's extraction of one sentence in its article's context (the engine caches it per passage sentence). */
  extract: (sentence: ScoredSentence) => Extraction;
  /** Whom the sentence's article is about (its byline or title place), the default subject of its sentences. */
  subject: (sentence: ScoredSentence) => Mention | undefined;
}

export function sentenceCandidates(sentences: ScoredSentence[], a: QuestionAnalysis, slot: Slot, slotIndex: number, reader: SentenceReader): AnswerItem[] {
  const { fileOf, documentText } = reader;
  // The sentence's exact span of the original text, as every text answer cites it.
  const citationOf = (s: ScoredSentence) => ({ docId: s.passage.docId, file: fileOf(s.passage.docId), start: s.start, end: s.end, text: documentText(s.passage.docId).slice(s.start, s.end) });
  const anchors = anchorsOf(a, slot);
  // Without a name to read next to, a place or a body is read only from sentences holding every topic word.
  if (anchors.length === 0 && slot.answerType !== 'place' && slot.answerType !== 'organization') return [];
  const candidates: Candidate[] = [];
  // A figure's owner is often the article's subject (全县…), named earlier in the passage, not in the sentence.
  const passageAnchorOk = slot.answerType === 'number' || slot.answerType === 'practice';
  for (const sentence of sentences) {
    const text = norm(sentence.text);
    let anchorFactor = 1;
    if (anchors.length && !anchors.some((anchor) => text.includes(anchor))) {
      const subject = norm(reader.subject(sentence)?.name ?? '');
      const inPassage = passageAnchorOk && anchors.some((anchor) => norm(sentence.passage.text).includes(anchor));
      // The article is about the place asked (its byline or title names it): its sentences speak of it.
      const isSubject = subject.length >= 2 && anchors.includes(subject) && slot.answerType !== 'place' && slot.answerType !== 'parts';
      if (!inPassage && !isSubject) continue;
      anchorFactor = PASSAGE_ANCHOR;
    }
    if (!anchors.length && !slot.topic.every((t) => text.includes(norm(t)))) continue;
    // A sentence this weak cannot reach the threshold whatever it holds: do not pay for its extraction.
    if (sentence.score * anchorFactor < ANSWER_THRESHOLD) continue;
    if (slot.answerType === 'parts') {
      // The list right after the practice's name is its own; other lists of the passage are not.
      const anchor = anchors.find((x) => text.includes(x));
      const parts = anchor ? partsAfterAnchor(text, anchor) : [];
      if (parts.length) {
        const citation = citationOf(sentence);
        const list = `${sentence.passage.id}:${sentence.cleanStart}`;
        const score = sentence.score * anchorFactor;
        for (const part of parts) {
          candidates.push({
            score,
            list,
            item: { id: `text:${list}:${part.start}`, name: part.name, type: 'part', detail: `${anchor}的组成部分`, slot: slotIndex, source: 'text', score: Math.round(score * 1000) / 1000, citations: [citation] },
          });
        }
        continue;
      }
    }
    const { mentions } = reader.extract(sentence);
    const found = candidates.length;
    for (const m of mentions) {
      const fit = typeFit(m, slot, a, sentence.text);
      if (!fit) continue;
      const score = sentence.score * fit.fit * anchorFactor * (anchorFactor < 1 ? 1 : nearness(sentence.text, m, anchors));
      const citation = citationOf(sentence);
      candidates.push({
        score,
        item: { id: `text:${sentence.passage.id}:${sentence.cleanStart + m.start}`, name: fit.name, type: slot.answerType === 'role' ? 'role' : m.type, ...(m.level ? { level: m.level } : {}), ...(fit.detail ? { detail: fit.detail } : {}), slot: slotIndex, source: 'text', score: Math.round(score * 1000) / 1000, citations: [citation] },
      });
    }
    // 由原来的每人联系400户调整为每人联系260户: a before → after pair the extraction read as two figures.
    if (slot.answerType === 'number' && slot.asksChange && !candidates.slice(found).some((c) => c.item.name.includes('→'))) {
      candidates.push(...changeCandidates(sentence, slot, slotIndex, anchorFactor, citationOf));
    }
    // 同乐寨社区是…。社区探索“2+3”…: the place the sentence calls only 社区 is the one named just before.
    if (slot.answerType === 'place' && slot.level && candidates.length === found && anchorFactor === 1 && refersBack(sentence.text, slot.level.suffixes)) {
      const back = placeNamedBefore(sentence, slot, reader);
      if (back) {
        const score = sentence.score * COREFERENCE_FIT;
        const m = back.mention;
        candidates.push({ score, item: { id: `text:${sentence.passage.id}:${back.sentence.cleanStart + m.start}:before`, name: m.name, type: m.type, ...(m.level ? { level: m.level } : {}), detail: '上文所指', slot: slotIndex, source: 'text', score: Math.round(score * 1000) / 1000, citations: [citationOf(back.sentence), citationOf(sentence)] } });
      }
    }
    // 积极推进“大工委”机制: the practice is named, the adopter is the article's subject, as the ingest reads it.
    const subject = candidates.length === found && anchors.length > 0 && (slot.answerType === 'place' || slot.answerType === 'organization') ? reader.subject(sentence) : undefined;
    const fit = subject ? typeFit(subject, slot, a, sentence.text) : null;
    if (subject && fit) {
      const score = sentence.score * fit.fit * anchorFactor * SUBJECT_FIT;
      const citation = citationOf(sentence);
      candidates.push({ score, item: { id: `text:${sentence.passage.id}:${sentence.cleanStart}:subject`, name: fit.name, type: subject.type, ...(subject.level ? { level: subject.level } : {}), detail: '文章主体', slot: slotIndex, source: 'text', score: Math.round(score * 1000) / 1000, citations: [citation] } });
    }
  }
  const best = Math.max(0, ...candidates.map((c) => c.score));
  // A number slot asks one figure: a second one close behind is the neighbouring figure, not a second answer.
  return keepBest(candidates, best, slot.answerType === 'number' ? NUMBER_SHARE : KEEP_SHARE);
}

/** The nearest place at the level asked in the sentences just before this one in its passage. */
function placeNamedBefore(sentence: ScoredSentence, slot: Slot, reader: SentenceReader): { sentence: ScoredSentence; mention: Mention } | undefined {
  const spans = splitSentences(sentence.passage.text);
  const index = spans.findIndex((span) => span.start === sentence.cleanStart);
  if (index <= 0) return undefined;
  const toOriginal = originalMapper(sentence.passage, reader.documentText(sentence.passage.docId));
  for (let k = index - 1; k >= Math.max(0, index - COREFERENCE_REACH); k--) {
    const span = spans[k];
    const before: ScoredSentence = { text: sentence.passage.text.slice(span.start, span.end), cleanStart: span.start, ...toOriginal(span.start, span.end), passage: sentence.passage, score: sentence.score };
    const places = reader.extract(before).mentions.filter((m) => m.type === 'region' && matchesPlace(asEntity(m), slot.level!));
    const mention = nearestBefore(places);
    if (mention) return { sentence: before, mention };
  }
  return undefined;
}

/** Words of a change question that name the change, not what changes. */
const CHANGE_ONLY = /^(调整|变化|增加|减少|提高|提升|下降|缩短|扩大|压缩|增长|降低|原来|目前|现在)$/;

function changeCandidates(sentence: ScoredSentence, slot: Slot, slotIndex: number, anchorFactor: number, citationOf: (s: ScoredSentence) => AnswerItem['citations'][number]): Candidate[] {
  const words = slot.topic.filter((t) => t.length >= 2 && !CHANGE_ONLY.test(t));
  const out: Candidate[] = [];
  for (const pair of changePairs(sentence.text)) {
    if (slot.unit && !pair.before.endsWith(slot.unit)) continue;
    const held = words.filter((t) => pair.context.includes(t));
    if (held.length === 0) continue;
    const score = sentence.score * anchorFactor * Math.min(1, held.length / Math.min(2, words.length));
    out.push({
      score,
      item: { id: `text:${sentence.passage.id}:${sentence.cleanStart + pair.start}:change`, name: `${held.join('')} ${pair.before}→${pair.after}`, type: 'metric', detail: held.join('、'), slot: slotIndex, source: 'text', score: Math.round(score * 1000) / 1000, citations: [citationOf(sentence)] },
    });
  }
  return out;
}

function keepBest(candidates: Candidate[], best: number, share: number): AnswerItem[] {
  if (best < ANSWER_THRESHOLD) return [];
  const kept = new Map<string, AnswerItem>();
  const sorted = candidates.sort((x, y) => y.score - x.score);
  // A list read from a sentence is kept whole and alone: items of another sentence's list are another practice's.
  const list = sorted[0]?.list;
  if (list !== undefined) return sorted.filter((c) => c.list === list).slice(0, MAX_PARTS).map((c) => c.item);
  for (const c of sorted) {
    if (c.score < best * share || kept.size >= MAX_PER_SLOT) break;
    if (!kept.has(norm(c.item.name))) kept.set(norm(c.item.name), c.item);
  }
  return [...kept.values()];
}
