import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentScope, withDocumentScope } from './division/documentScope.js';
import { extractPlaces } from './extractPlaces.js';

/**
 * Whole-corpus check: every region mention of the corpus files, split into sentences on 。！？
 * and newlines. Run `npx tsx text/extract/places/corpusRegions.ts [dir]` to print the distinct
 * names with level and count (the precision check of the place rules).
 */
export interface RegionCount {
  name: string;
  level: string;
  anonymised: boolean;
  count: number;
  files: string[];
  /** How the name was found: division (the national list, with the file's own communities), pattern, ns, stack, list, anonymised. */
  sources: string[];
}

export const splitSentences = (text: string): string[] => text.split(/[。！？\n]/).filter((s) => s.trim().length > 0);

export function corpusRegions(dir: string): RegionCount[] {
  const counts = new Map<string, RegionCount>();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // As the pipeline does: the file's own districts make their communities known.
    const mentions = withDocumentScope(documentScope(text), () => splitSentences(text).flatMap((sentence) => extractPlaces(sentence).mentions));
    {
      for (const m of mentions) {
        const id = `${m.key}|${m.level}`;
        const entry = counts.get(id) ?? { name: m.name, level: m.level ?? '', anonymised: !!m.anonymised, count: 0, files: [], sources: [] };
        entry.count++;
        const source = String(m.props?.source ?? '');
        if (!entry.sources.includes(source)) entry.sources.push(source);
        if (!entry.files.includes(file.slice(0, 3))) entry.files.push(file.slice(0, 3));
        counts.set(id, entry);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? path.join(here, '..', '..', '..', 'corpus');
  const rows = corpusRegions(dir);
  for (const r of rows) console.log(`${r.count}\t${r.name}\t${r.level}\t${r.sources.join(',')}\t${r.files.join(',')}`);
  console.log(`${rows.length} distinct regions`);
}
