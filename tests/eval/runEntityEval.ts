/**
 * npm run eval:entities [-- --verbose [--show-held-out]]
 * --verbose lists each tuning document's misses; the held-out documents' misses only with --show-held-out,
 * so whoever tunes the rules does not read them by accident.
 * Ingests the generalization documents (both halves) into a temporary embedded store with the real
 * pipeline and scores the entities the graph holds for each document against the labels.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../graph/config.js';
import { regionChain } from '../../graph/describeEntity.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import type { EntityType } from '../../graph/model.js';
import {
  ENTITY_TYPE_ORDER, formatReport, loadLabels, parseQuantity, scoreDocument, totals,
  type DocumentScore, type ExtractedDocument, type ExtractedEntity, type LabelledDocument, type Totals,
} from './entityEval.js';
import { PROJECT_ROOT } from './evaluate.js';

export const GENERALIZATION_DIR = path.join(PROJECT_ROOT, 'tests', 'eval', 'generalization');
export const LABEL_FILES = ['labels-tuning.json', 'labels-heldout.json'].map((f) => path.join(GENERALIZATION_DIR, f));

/** Both label files; the held-out one is optional while it is being written. */
export function loadGeneralizationLabels(files = LABEL_FILES): LabelledDocument[] {
  return files.filter((f, i) => i === 0 || fs.existsSync(f)).flatMap((f) => loadLabels(f));
}

export const CORPUS_LABEL_FILE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'labeled-entities.json');

interface CorpusArticle { file: string; title: string; label: LabelledDocument }

/**
 * The hand-labelled corpus articles (tests/fixtures/labeled-entities.json) in the generalization label
 * shape, so both sets are scored by the same code: names only, figures as value + unit, no indicators,
 * roles or chains.
 */
export function loadCorpusArticles(file = CORPUS_LABEL_FILE): CorpusArticle[] {
  type Names = Partial<Record<EntityType, string[]>>;
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { articles: { file: string; title: string; required: Names; acceptable: Names }[] };
  return json.articles.map((a) => {
    const names = (type: EntityType) => (a.required[type] ?? []).map((name) => ({ name, aliases: [] }));
    const metrics = (a.required.metric ?? []).flatMap((raw) => {
      const q = parseQuantity(raw);
      if (!q) throw new Error(`${file}: metric ${raw} has no leading number`);
      return [{ indicator: '', raw, value: q.value, unit: q.unit, period: null }];
    });
    const acceptable = Object.fromEntries(ENTITY_TYPE_ORDER.map((type) => [type, a.acceptable[type] ?? []])) as LabelledDocument['acceptable'];
    const label: LabelledDocument = {
      file: a.file, genre: 'corpus', provinces: [], split: 'tuning', tuned: true,
      places: names('region').map((p) => ({ ...p, parents: [], code: null })),
      organizations: names('organization'),
      practices: names('mechanism').map((p) => ({ ...p, parts: [] })),
      metrics,
      people: names('person').map((p) => ({ name: p.name, role: null, of: null })),
      acceptable,
    };
    return { file: a.file, title: a.title, label };
  });
}

/** Ingests the labelled corpus articles' documents into their own store and scores each article. */
async function scoreCorpusArticles(config: { maxFileBytes: number }, openFresh: () => Promise<{ store: GraphStore; dispose(): Promise<void> }>): Promise<DocumentScore[]> {
  const articles = loadCorpusArticles();
  const { store, dispose } = await openFresh();
  try {
    const files = [...new Set(articles.map((a) => path.join(PROJECT_ROOT, 'corpus', a.file)))];
    const outcomes = await ingestPaths(files, store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
    const docIdByFile = new Map(outcomes.filter((o) => o.docId).map((o) => [path.basename(o.file), o.docId!]));
    const scores: DocumentScore[] = [];
    for (const article of articles) {
      const docId = docIdByFile.get(article.file);
      const span = docId ? (await store.getArticles(docId)).find((a) => a.title === article.title) : undefined;
      if (!docId || !span) throw new Error(`corpus article not found after ingest: ${article.file} “${article.title}”`);
      scores.push(scoreDocument(article.label, await readExtracted(store, docId, span)));
    }
    return scores;
  } finally {
    await dispose();
  }
}

const toEntity = (e: { id: string; type: ExtractedEntity['type']; name: string; aliases: string[]; kind?: string; props: ExtractedEntity['props'] }): ExtractedEntity =>
  ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, kind: e.kind, props: e.props });

/** What the graph holds for one document, in the shape the pure scorer reads. */
export async function readExtracted(store: GraphStore, docId: string, span?: { start: number; end: number }): Promise<ExtractedDocument> {
  const mentions = (await store.documentMentions(docId)).filter((m) => !span || (m.start >= span.start && m.end <= span.end));
  const entities = (await store.getEntities([...new Set(mentions.map((m) => m.entityId))])).map(toEntity);
  const extracted: ExtractedDocument = { entities, parts: {}, leads: {}, chains: {} };
  const nameCache = new Map<string, string[]>();
  const namesOf = async (id: string): Promise<string[]> => {
    if (!nameCache.has(id)) {
      const entity = await store.getEntity(id);
      nameCache.set(id, entity ? [entity.name, ...entity.aliases] : []);
    }
    return nameCache.get(id)!;
  };
  for (const entity of entities) {
    if (entity.type === 'person') {
      const edges = await store.relationsOf(entity.id, { types: ['LEADS'], direction: 'out', withEvidence: false });
      extracted.leads[entity.id] = await Promise.all(edges.map(async (e) => ({
        role: typeof e.props.role === 'string' ? e.props.role : null,
        target: await namesOf(e.to),
      })));
    } else if (entity.type === 'mechanism' && entity.kind !== 'part') {
      // HAS_PART is the agreed relation; PART_OF pointing at the practice is read the same way.
      const edges = await store.relationsOf(entity.id, { direction: 'both', withEvidence: false });
      const partIds = edges
        .filter((e) => ((e.type as string) === 'HAS_PART' && e.from === entity.id) || (e.type === 'PART_OF' && e.to === entity.id))
        .map((e) => (e.from === entity.id ? e.to : e.from));
      extracted.parts[entity.id] = (await Promise.all(partIds.map(namesOf))).flat();
    } else if (entity.type === 'region') {
      // The chain users see (describeEntity), nearest parent first.
      const chain = await regionChain(store, entity.id);
      extracted.chains[entity.id] = chain.reverse().map((p) => ({
        names: [p.name, ...p.aliases],
        code: typeof p.props.code === 'string' ? p.props.code : null,
      }));
    }
  }
  return extracted;
}

export interface EntityEvalReport {
  scores: DocumentScore[];
  groups: { title: string; totals: Totals }[];
  ingestFailures: string[];
  seconds: number;
}

/** A fresh embedded store in its own temporary DATA_DIR: the evaluation never touches a shared graph. */
async function openFreshStore() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-atlas-entity-eval-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: 'sqlite', EMBEDDER: process.env.EMBEDDER || 'corpus' });
  const store = await openStore(config);
  const dispose = async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { config, dataDir, store, dispose };
}

export async function runEntityEval(
  options: { labels?: LabelledDocument[]; corpus?: boolean; log?: (line: string) => void } = {},
): Promise<EntityEvalReport> {
  const labels = options.labels ?? loadGeneralizationLabels();
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { config, dataDir, store, dispose } = await openFreshStore();
  try {
    const files = labels.map((l) => path.join(GENERALIZATION_DIR, 'docs', l.file));
    for (const file of files) if (!fs.existsSync(file)) throw new Error(`labelled document missing: ${file}`);
    log(`Ingesting ${files.length} generalization documents into ${dataDir}`);
    const outcomes = await ingestPaths(files, store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
    const docIdByFile = new Map(outcomes.filter((o) => o.docId).map((o) => [path.basename(o.file), o.docId!]));
    const ingestFailures = outcomes.filter((o) => o.status === 'failed').map((o) => `${o.file}: ${o.error ?? 'failed'}`);
    const scores: DocumentScore[] = [];
    for (const label of labels) {
      const docId = docIdByFile.get(label.file);
      const extracted = docId ? await readExtracted(store, docId) : { entities: [], parts: {}, leads: {}, chains: {} };
      scores.push(scoreDocument(label, extracted));
    }
    const groups = [
      { title: 'tuning', totals: totals(scores.filter((s) => s.split === 'tuning')) },
      { title: 'held-out', totals: totals(scores.filter((s) => s.split === 'held-out')) },
      { title: 'all', totals: totals(scores) },
    ];
    if (options.corpus ?? true) {
      log('Scoring the hand-labelled corpus articles for comparison');
      const corpus = await scoreCorpusArticles(config, openFreshStore);
      groups.push({ title: 'corpus (labelled articles, names and figures only)', totals: totals(corpus) });
    }
    return { scores, groups, ingestFailures, seconds: (performance.now() - started) / 1000 };
  } finally {
    await dispose();
  }
}

function printDocument(score: DocumentScore): void {
  console.log(`${score.file} [${score.split}]`);
  for (const [type, s] of Object.entries(score.types)) {
    if (s.missed.length) console.log(`  missed ${type}: ${s.missed.join('、')}`);
    if (s.spurious.length) console.log(`  spurious ${type}: ${s.spurious.join('、')}`);
  }
  for (const e of score.errors) console.log(`  ${e}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const verbose = process.argv.includes('--verbose');
  const report = await runEntityEval({ log: (line) => console.error(line) });
  for (const f of report.ingestFailures) console.log(`Ingest failure: ${f}`);
  const showHeldOut = process.argv.includes('--show-held-out');
  if (verbose) report.scores.filter((s) => showHeldOut || s.split !== 'held-out').forEach(printDocument);
  console.log(formatReport(report.groups));
  console.log(`(${report.seconds.toFixed(1)} s)`);
}
