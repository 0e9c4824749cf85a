import { loadCorpusChunks, jiebaTokenize } from './corpusChunks.js';
import { CorpusEmbedder } from '../CorpusEmbedder.js';
import { dot } from '../l2Normalize.js';
const chunks = loadCorpusChunks(Number(process.argv[6] ?? 300));
const queries: [string, RegExp][] = [
  ['小区物业管理由谁来负责', /物业/],
  ['农村道路维护的钱从哪里来', /养护/],
  ['老人在社区吃饭和养老的地方', /食堂|老年餐厅|养老/],
  ['社区工作人员的工资待遇和职业发展', /薪酬/],
  ['邻里之间的矛盾怎么在基层解决', /矛盾纠纷|枫桥/],
  ['给老年人办学习的学校', /老年大学/],
  ['把网格划分得更小更细', /微网格/],
  ['高铁开通以后长途汽车没人坐了', /客运/],
  ['游客出行交通不方便', /旅游/],
  ['怎样吸引年轻人才回到农村', /人才振兴|本土人才/],
];
const t0 = performance.now();
const passages = chunks.map((c) => ({ text: c.text, tokens: jiebaTokenize(c.text) }));
const t1 = performance.now();
const dims = Number(process.argv[2] ?? 256);
const sifA = Number(process.argv[3] ?? 1e-3);
const e = CorpusEmbedder.train(passages, { tokenize: jiebaTokenize, dimension: dims, sifA, charBigrams: process.argv[4] !== 'nobig', powerIterations: Number(process.argv[5] ?? 1) });
const t2 = performance.now();
console.log(`tokenize ${(t1 - t0).toFixed(0)}ms train ${(t2 - t1).toFixed(0)}ms dim ${e.dimension} vocab ${e.vocabularySize} id ${e.id}`);
const pv = await e.embed(chunks.map((c) => c.text), { kind: 'passage' });
let hits = 0, chance = 0, mrr = 0;
for (const [q, re] of queries) {
  const [qv] = await e.embed([q], { kind: 'query' });
  const ranked = pv.map((v, i) => [dot(v, qv), i] as const).sort((a, b) => b[0] - a[0]);
  const targets = chunks.filter((c) => re.test(c.text)).length;
  const rank = ranked.findIndex(([, i]) => re.test(chunks[i].text));
  const N = chunks.length; let p = 1; for (let j = 0; j < 5; j++) p *= (N - targets - j) / (N - j);
  chance += 1 - p;
  if (rank < 5) hits++; mrr += 1 / (rank + 1);
  console.log(q, 'targets', targets, 'first rank', rank, ranked.slice(0, 3).map(([s, i]) => chunks[i].id + ':' + s.toFixed(2)).join(' '));
}
console.log(`hit@5 ${hits}/${queries.length}, chance ${chance.toFixed(2)} mrr ${(mrr / queries.length).toFixed(3)}`);
