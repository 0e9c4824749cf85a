import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityRecord, EntityType } from '../../graph/model.js';
import { normalizeKey } from '../../text/segment/index.js';
import { ingestCorpus, PROJECT_ROOT, type CorpusStore } from '../helpers/corpusStore.js';

type Labels = Partial<Record<EntityType, string[]>>;
interface LabeledArticle {
  file: string;
  title: string;
  required: Labels;
  acceptable: Labels;
}

const labeled: { articles: LabeledArticle[] } = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'labeled-entities.json'), 'utf8'),
);

let ctx: CorpusStore;
beforeAll(async () => {
  ctx = await ingestCorpus();
});
afterAll(() => ctx?.dispose());

/** A metric is labelled by value and unit as written (97.4%), other types by name or alias. */
function matches(entity: EntityRecord, label: string): boolean {
  if (entity.type === 'metric') return normalizeKey(entity.name).endsWith(normalizeKey(label)) || normalizeKey(String(entity.props.raw ?? '')) === normalizeKey(label);
  return [entity.name, entity.key, ...entity.aliases].some((n) => normalizeKey(n) === normalizeKey(label));
}

async function extractedIn(article: LabeledArticle): Promise<EntityRecord[]> {
  const doc = (await ctx.store.listDocuments()).find((d) => d.path.endsWith(article.file))!;
  const span = (await ctx.store.getArticles(doc.id)).find((a) => a.title === article.title)!;
  expect(span, article.title).toBeDefined();
  const found: EntityRecord[] = [];
  for (const type of ['region', 'organization', 'person', 'mechanism', 'metric'] as const) {
    for (const entity of await ctx.store.findEntities({ type, limit: 100_000 })) {
      // Parts of a practice (kind 'part', HAS_PART) are not practices of their own; the labels list practices.
      if (entity.kind === 'part') continue;
      const evidence = await ctx.store.evidenceOf(entity.id, 1000);
      if (evidence.some((e) => e.docId === doc.id && e.start >= span.start && e.end <= span.end)) found.push(entity);
    }
  }
  return found;
}

describe('precision and recall on hand-labelled articles', () => {
  it('are each at least 0.85 over both articles', async () => {
    let truePositives = 0;
    let falsePositives = 0;
    let required = 0;
    let recalled = 0;
    const report: string[] = [];
    for (const article of labeled.articles) {
      const extracted = await extractedIn(article);
      for (const [type, names] of Object.entries(article.required) as [EntityType, string[]][]) {
        for (const name of names) {
          required++;
          if (extracted.some((e) => e.type === type && matches(e, name))) recalled++;
          else report.push(`missed ${type} ${name} (${article.title})`);
        }
      }
      for (const entity of extracted) {
        const labels = [...(article.required[entity.type] ?? []), ...(article.acceptable[entity.type] ?? [])];
        if (labels.some((l) => matches(entity, l))) {
          if ((article.required[entity.type] ?? []).some((l) => matches(entity, l))) truePositives++;
        } else {
          falsePositives++;
          report.push(`unexpected ${entity.type} ${entity.name} (${article.title})`);
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = recalled / required;
    console.log(`labelled set: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${report.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
