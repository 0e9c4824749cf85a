import type { Mention, RelationCandidate } from '../types.js';
import { refOf } from '../types.js';
import { ADOPT_VERBS } from './data.js';

/** Clause separators: a subject reaches over commas only from the start of the sentence. */
const CLAUSE_END = /[，,；;。！？!?：:]/;
/** An organization right after one of these is an object or a partner, not the subject (与宝石花…). */
const NOT_SUBJECT_BEFORE = /(?:与|和|同|向|对|把|将|为|给|跟|联合|依托|会同|引导|推动|协调|组织|吸纳|纳入|帮助)$/;

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(text[i])) return i + 1;
  return 0;
}

function clauseEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (CLAUSE_END.test(text[i])) return i;
  return text.length;
}

function canBeSubject(sentence: string, org: Mention): boolean {
  return !NOT_SUBJECT_BEFORE.test(sentence.slice(Math.max(0, org.start - 4), org.start));
}

interface Subject {
  org: Mention;
  /** Where the subject was read: its own clause, the sentence start, or the article. */
  via: 'clause' | 'sentence' | 'article';
}

/**
 * The organization a fact in [start, end) belongs to: the nearest organization before it in the
 * same clause (清远街道创新“1+4+X”工作法), else the one that opens the sentence (平城区在…中，形成了
 * “两化三三三”工作法), else the article's subject. Objects of 与/向/依托… are skipped.
 */
export function subjectFor(sentence: string, orgs: Mention[], subject: Mention | undefined, start: number): Subject | undefined {
  const from = clauseStart(sentence, start);
  const candidates = orgs.filter((o) => o.end <= start && canBeSubject(sentence, o));
  const inClause = candidates.filter((o) => o.start >= from).sort((a, b) => b.start - a.start)[0];
  if (inClause) return { org: inClause, via: 'clause' };
  const firstClauseEnd = clauseEnd(sentence, 0);
  const opening = candidates.filter((o) => o.end <= firstClauseEnd).sort((a, b) => a.start - b.start);
  if (opening.length > 0) {
    // Stacked names (黔东南州凯里市, 西固区福利路街道): the narrowest, last one is the subject.
    let chosen = opening[0];
    for (const next of opening.slice(1)) if (next.start === chosen.end) chosen = next;
    return { org: chosen, via: 'sentence' };
  }
  return subject ? { org: subject, via: 'article' } : undefined;
}

function adoptVerbIn(text: string): string | undefined {
  return ADOPT_VERBS.find((v) => text.includes(v));
}

/**
 * ADOPTS (organization → mechanism) and HAS_METRIC (organization → metric) for one sentence.
 * `orgs` are the region/organization mentions another rule found in this sentence; `subject` is
 * the article's subject. Evidence: from the clause of the subject (when it is in the sentence) to
 * the end of the clause of the fact.
 */
export function linkSentence(
  sentence: string,
  orgs: Mention[],
  subject: Mention | undefined,
  found: { mechanisms: Mention[]; metrics: Mention[] },
): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const seen = new Set<string>();
  const link = (type: 'ADOPTS' | 'HAS_METRIC', target: Mention): void => {
    const who = subjectFor(sentence, orgs, subject, target.start);
    if (!who || (who.org.type === target.type && who.org.key === target.key)) return;
    const id = `${type}|${who.org.type}:${who.org.key}|${target.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    const start = who.via === 'article' ? clauseStart(sentence, target.start) : clauseStart(sentence, who.org.start);
    const end = clauseEnd(sentence, Math.max(target.end - 1, target.start));
    const props: Record<string, string | number | boolean | null> = { via: who.via };
    const verb = type === 'ADOPTS' ? ((target.props?.verb as string | undefined) ?? adoptVerbIn(sentence.slice(start, target.start))) : undefined;
    if (verb) props.verb = verb;
    out.push({ type, from: refOf(who.org), to: refOf(target), start, end, props });
  };
  for (const m of found.mechanisms) link('ADOPTS', m);
  for (const m of found.metrics) link('HAS_METRIC', m);
  return out;
}
