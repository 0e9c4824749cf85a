/**
 * Measures CorpusEmbedder training on the real corpus chunks repeated `times` times with every number
 * varied per copy (a synthetic corpus of realistic text). Usage: npx tsx search/embed/testSupport/benchCorpusTraining.ts [times] [dimension] [powerIterations] [chunkChars]
 */
import { CorpusEmbedder } from '../CorpusEmbedder.js';
import { jiebaTokenize, loadCorpusChunks } from './corpusChunks.js';

const times = Number(process.argv[2] ?? 1);
const dimension = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const powerIterations = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const chunks = loadCorpusChunks(Number(process.argv[5] ?? 300));
const texts: string[] = [];
for (let copy = 0; copy < times; copy++) {
  for (const chunk of chunks) texts.push(copy === 0 ? chunk.text : chunk.text.replace(/\d+/g, (d) => String(Number(d) * (copy + 1) + copy)));
}
const t0 = performance.now();
const passages = texts.map((text) => ({ text, tokens: jiebaTokenize(text) }));
const t1 = performance.now();
const cpu = process.cpuUsage();
const embedder = CorpusEmbedder.train(passages, { tokenize: jiebaTokenize, dimension, powerIterations });
const t2 = performance.now();
const trainCpu = process.cpuUsage(cpu);
const usage = process.resourceUsage();
const chars = texts.reduce((sum, t) => sum + t.length, 0);
console.log(
  JSON.stringify({
    passages: texts.length,
    chars,
    utf8MB: +(Buffer.byteLength(texts.join('')) / 1e6).toFixed(1),
    tokenizeMs: Math.round(t1 - t0),
    trainMs: Math.round(t2 - t1),
    trainCpuMs: Math.round((trainCpu.user + trainCpu.system) / 1000),
    dimension: embedder.dimension,
    vocabulary: embedder.vocabularySize,
    maxRssMB: Math.round(usage.maxRSS / 1024),
  }),
);
