import type { Config } from '../graph/config.js';
import { displayPath } from '../graph/displayPath.js';
import { AppError } from '../graph/errors.js';
import type { GraphStore } from '../graph/GraphStore.js';
import type { AdminLevel, EntityRecord } from '../graph/model.js';
import type { AnswerItem, GraphContext } from './answer/answerItems.js';
import { answerLine, NO_ANSWER } from './answer/answerLine.js';
import { graphSlot, TEXT_ANSWERABLE } from './answer/answerSlots.js';
import { bestSentence, type FileOf } from './answer/citations.js';
import { compareTable } from './answer/compareTable.js';
import { passagesMentioning, regionSubtree } from './answer/graphWalk.js';
import { rankSentences, SENTENCE_PASSAGES, sentenceCandidates, type ScoredSentence, type SentenceReader } from './answer/sentenceCandidates.js';
import { openIndexes, type OpenIndexesOptions, type SearchIndexes } from './indexes/openIndexes.js';
import type { VectorStatus } from './indexes/VectorSync.js';
import { analyzeQuestion } from './query/analyzeQuestion.js';
import type { QuestionAnalysis } from './query/answerTypes.js';
import { DefinitionMatcher } from './query/DefinitionMatcher.js';
import { EntityLexicon } from './query/EntityLexicon.js';
import { articleContext, documentContext, extractSentence, tokenize, type ArticleContext, type Extraction } from './query/extractors.js';
import { retrieve, type SearchMode } from './retrieve.js';
import type { Answer } from './schema.js';

export interface AnswerOptions {
  mode?: SearchMode;
  passageLimit?: number;
  vectorWeight?: number;
  expand?: boolean;
  filters?: { regionId?: string; level?: AdminLevel; docId?: string };
}

const MAX_CACHED_EXTRACTIONS = 20_000;

/** Time spent in the sentence-candidate step of the last answer (read by bench:query). */
export interface AnswerTimings {
  sentenceMs: number;
}

/** Answers questions from the graph with citations, plus ranked passages. Only reads. */
export class AnswerEngine {
  private constructor(
    private readonly store: GraphStore,
    private readonly config: Config,
    private indexes: SearchIndexes,
    private lexicon: EntityLexicon,
    private definitions: DefinitionMatcher,
    private files: Map<string, string>,
    private texts = new Map<string, string>(),
  ) {}

  /** options.waitForVectors: false (the server) answers at once while passage vectors are computed in the background. */
  static async open(store: GraphStore, config: Config, log: (line: string) => void = () => {}, options: OpenIndexesOptions = {}): Promise<AnswerEngine> {
    const indexes = await openIndexes(store, config, log, options);
    tokenize(''); // loads the jieba dictionaries now, not during the first question
    // The extractors load their word lists and the division list on first use: now, not in a question.
    extractSentence('某某街道党工委书记张三介绍，社区推行“1+2+N”工作法，满意率达95%。', { regions: [] });
    const [lexicon, definitions, files] = await AnswerEngine.loadLookups(store);
    return new AnswerEngine(store, config, indexes, lexicon, definitions, files);
  }

  private static async loadLookups(store: GraphStore): Promise<[EntityLexicon, DefinitionMatcher, Map<string, string>]> {
    const entities: EntityRecord[] = [];
    for (const type of ['region', 'organization', 'mechanism', 'person'] as const) {
      entities.push(...(await store.findEntities({ type, limit: 10_000_000 })));
    }
    const files = new Map((await store.listDocuments()).map((d) => [d.id, displayPath(d.path)]));
    return [new EntityLexicon(entities), new DefinitionMatcher(entities.filter((e) => e.type === 'mechanism')), files];
  }

  get embedderReason(): string {
    return this.indexes.embedderReason;
  }

  /** How far the vector index is towards the store's passages (background embedding). */
  vectorStatus(): VectorStatus {
    return this.indexes.vectorStatus();
  }

  /** Re-reads the store after an ingest or delete: indexes are synced incrementally. */
  async refresh(log: (line: string) => void = () => {}): Promise<void> {
    await this.indexes.refresh(); // keyword index now, vectors of new passages in the background
    [this.lexicon, this.definitions, this.files] = await AnswerEngine.loadLookups(this.store);
    this.texts.clear();
    this.extractions.clear();
    this.contexts.clear();
    this.contextDocs.clear();
    this.leads = undefined;
  }

  private fileOf: FileOf = (docId) => this.files.get(docId) ?? docId;

  /** Extractions of passage sentences: passages never change in place, so they are kept until refresh. */
  private extractions = new Map<string, Extraction>();

  /** Article contexts (byline and title places, the default subject), as the ingest builds them. */
  private contexts = new Map<string, ArticleContext>();
  private contextDocs = new Set<string>();

  private sentenceReader: SentenceReader = {
    fileOf: (docId) => this.fileOf(docId),
    documentText: (docId) => this.texts.get(docId) ?? '',
    extract: (sentence) => {
      const key = `${sentence.passage.id}:${sentence.cleanStart}`;
      let found = this.extractions.get(key);
      if (!found) {
        if (this.extractions.size >= MAX_CACHED_EXTRACTIONS) this.extractions.clear();
        found = extractSentence(sentence.text, this.contexts.get(sentence.passage.articleId) ?? { regions: [] });
        this.extractions.set(key, found);
      }
      return found;
    },
    subject: (sentence) => this.contexts.get(sentence.passage.articleId)?.subject,
  };

  private leads?: Map<string, string>;

  /** The first 300 characters of every article's first passage, indexed once (not per document asked). */
  private articleLeads(): Map<string, string> {
    if (!this.leads) {
      const first = new Map<string, { index: number; text: string }>();
      for (const p of this.indexes.passages.values()) {
        const seen = first.get(p.articleId);
        if (!seen || p.index < seen.index) first.set(p.articleId, { index: p.index, text: p.text.slice(0, 300) });
      }
      this.leads = new Map([...first].map(([id, v]) => [id, v.text]));
    }
    return this.leads;
  }

  /** Builds the article contexts of these documents once (document title and lead, article title, byline, lead). */
  private async loadContexts(docIds: Iterable<string>): Promise<void> {
    for (const docId of new Set(docIds)) {
      // Known documents cost no read: contexts last until refresh, as passages do.
      if (this.contextDocs.has(docId)) continue;
      this.contextDocs.add(docId);
      const articles = await this.store.getArticles(docId);
      if (articles.length === 0 || this.contexts.has(articles[0].id)) continue;
      const document = await this.store.getDocument(docId);
      if (!document) continue;
      const docContext = documentContext(document.title, document.text.slice(0, 600));
      const leads = this.articleLeads();
      for (const article of articles) {
        this.contexts.set(article.id, articleContext({ docTitle: document.title, articleTitle: article.title, byline: article.byline, leadText: leads.get(article.id), docContext }));
      }
    }
  }

  private async documentText(docId: string): Promise<string> {
    let text = this.texts.get(docId);
    if (text === undefined) {
      text = (await this.store.getDocument(docId))?.text ?? '';
      this.texts.set(docId, text);
    }
    return text;
  }

  private async allowedPassages(filters: AnswerOptions['filters']): Promise<Set<string> | undefined> {
    if (!filters || (!filters.regionId && !filters.level && !filters.docId)) return undefined;
    let allowed: Set<string> | undefined;
    const narrow = (next: Set<string>) => {
      allowed = allowed ? new Set([...allowed].filter((id) => next.has(id))) : next;
    };
    if (filters.docId) narrow(new Set([...this.indexes.passages.values()].filter((p) => p.docId === filters.docId).map((p) => p.id)));
    if (filters.regionId) narrow(await passagesMentioning(this.store, (await regionSubtree(this.store, filters.regionId)).keys()));
    if (filters.level) {
      const atLevel = await this.store.findEntities({ level: filters.level, limit: 10_000_000 });
      narrow(await passagesMentioning(this.store, atLevel.map((e) => e.id)));
    }
    return allowed;
  }

  /** Milliseconds of the last answer's sentence-candidate step (ranking, extraction, scoring). */
  lastTimings: AnswerTimings = { sentenceMs: 0 };

  async answer(query: string, options: AnswerOptions = {}): Promise<Answer> {
    const a = analyzeQuestion(query, this.lexicon, this.definitions);
    const ctx: GraphContext = { store: this.store, fileOf: this.fileOf };
    const hits = await retrieve(this.indexes, query, {
      mode: options.mode ?? 'hybrid',
      limit: options.passageLimit ?? 8,
      vectorWeight: options.vectorWeight,
      expand: options.expand,
      allowed: await this.allowedPassages(options.filters),
    });
    const passages: Answer['passages'] = [];
    for (const [id, score] of hits) {
      const p = this.indexes.passages.get(id);
      if (!p) continue;
      const text = (await this.documentText(p.docId)).slice(p.start, p.end);
      passages.push({ passageId: p.id, docId: p.docId, file: this.fileOf(p.docId), start: p.start, end: p.end, text, score, breadcrumb: p.breadcrumb });
    }
    const answers = await this.slotAnswers(ctx, a, passages);
    const table = a.answerType === 'compare' ? await compareTable(ctx, a) : undefined;
    const hasGraphAnswer = answers.length > 0 || (table?.rows.some((r) => r.cells.some((c) => c.values.length > 0)) ?? false);
    const scope = a.constraints.scope;
    return {
      query,
      intent: a.intent,
      answerType: a.answerType,
      answerLine: answerLine(a, answers, table),
      understanding: {
        entities: a.entities.map((e) => ({ id: e.entity.id, name: e.entity.name, type: e.entity.type })),
        ...(a.place ? { level: a.place.level } : {}),
        topic: a.topic,
        slots: a.slots.map((s) => ({
          answerType: s.answerType, text: s.text, topic: s.topic, ...(s.unit ? { unit: s.unit } : {}), ...(s.role ? { role: s.role } : {}),
          subjects: s.subjects.map((x) => x.entity.name),
        })),
        ...(scope ? { scope: { id: scope.entity.id, name: scope.entity.name } } : {}),
        ...(a.constraints.year ? { year: a.constraints.year } : {}),
        ...(a.constraints.period ? { period: a.constraints.period } : {}),
        highlight: a.highlight,
      },
      answers,
      ...(table ? { table } : {}),
      passages,
      summary: await this.summarize(a, answers, table, passages),
      ...(hasGraphAnswer ? {} : { note: NO_ANSWER }),
    };
  }

  /** Graph facts first, slot by slot; a slot the graph leaves empty is read from the top sentences. */
  private async slotAnswers(ctx: GraphContext, a: QuestionAnalysis, passages: Answer['passages']): Promise<AnswerItem[]> {
    const answers: AnswerItem[] = [];
    let sentences: ScoredSentence[] | undefined;
    let sentenceMs = 0;
    for (const [index, slot] of a.slots.entries()) {
      const found = await graphSlot(ctx, a, slot, index);
      if (found.length || !TEXT_ANSWERABLE.has(slot.answerType) || passages.length === 0) {
        answers.push(...found);
        continue;
      }
      const started = performance.now();
      if (!sentences) {
        const ranked = [];
        for (const p of passages) ranked.push({ passage: this.indexes.passages.get(p.passageId)!, score: p.score, documentText: await this.documentText(p.docId) });
        await this.loadContexts(ranked.slice(0, SENTENCE_PASSAGES).map((r) => r.passage.docId));
        sentences = rankSentences(ranked, a, (p) => this.contexts.get(p.articleId)?.subject?.name);
      }
      answers.push(...sentenceCandidates(sentences, a, slot, a.slots.length > 1 ? index : 0, this.sentenceReader));
      sentenceMs += performance.now() - started;
    }
    this.lastTimings = { sentenceMs };
    return answers;
  }

  /** Side-by-side table of 2–4 organizations or regions by id; topic words narrow the cells. */
  async compare(entityIds: string[], topic: string[] = []): Promise<NonNullable<Answer['table']>> {
    const entities = [];
    const byId = new Map((await this.store.getEntities(entityIds)).map((e) => [e.id, e]));
    for (const id of entityIds) {
      const entity = byId.get(id);
      if (!entity) throw new AppError('ENTITY_NOT_FOUND', `Entity not found: ${id}`, { id });
      entities.push({ entity, surface: entity.name, start: 0, end: 0, exact: true });
    }
    return compareTable({ store: this.store, fileOf: this.fileOf }, { entities, topic });
  }

  /** Key sentences grouped by organization: graph evidence first, else the best sentence of the top passages. */
  private async summarize(u: QuestionAnalysis, answers: AnswerItem[], table: Answer['table'], passages: Answer['passages']): Promise<Answer['summary']> {
    const actor = u.entities.find((e) => e.entity.type === 'region' || e.entity.type === 'organization')?.entity.name;
    const summary: Answer['summary'] = [];
    for (const a of answers.slice(0, 8)) {
      const group = u.answerType === 'place' || u.answerType === 'organization' || u.answerType === 'region_chain' ? a.name : a.group ?? actor ?? a.name;
      summary.push({ group, text: a.citations[0].text, citations: [a.citations[0]] });
    }
    for (const row of table?.rows ?? []) {
      for (const cell of row.cells) {
        if (cell.citations[0]) summary.push({ group: row.entity.name, text: cell.citations[0].text, citations: [cell.citations[0]] });
      }
    }
    if (summary.length === 0) {
      const terms = tokenize(u.topic.join('') || '').concat(u.topic);
      for (const p of passages.slice(0, 3)) {
        const record = this.indexes.passages.get(p.passageId)!;
        const sentence = bestSentence(record, await this.documentText(p.docId), terms, this.fileOf);
        if (sentence) summary.push({ group: p.breadcrumb[1] ?? p.breadcrumb[0] ?? p.file, text: sentence.text, citations: [sentence] });
      }
    }
    return summary;
  }
}
