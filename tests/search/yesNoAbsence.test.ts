import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { tokenize } from '../../search/query/extractors.js';
import { answerSchema } from '../../search/schema.js';
import { tempDataDir } from '../helpers/corpusStore.js';
import { GraphBuilder } from '../store/graphBuilder.js';

/**
 * Three invented reports (places and practices made up): 青禾县 adopts “院坝议事”; 白沙镇's report
 * never names it; 石桥镇's report names it without saying 石桥镇 adopts it; 桃源社区 lies in 青禾县.
 */
const ADOPTER = '青禾县基层治理简报\n青禾县全面推行“院坝议事”工作法，即小事院坝议、大事村里议。\n青禾县桃源社区建立邻里互助站。\n';
const SILENT = '白沙镇工作总结\n白沙镇建立网格服务站12个，群众满意率达到95%。\n';
const MENTIONS = '石桥镇调研报告\n石桥镇组织干部到外地学习“院坝议事”等做法。\n';

function report(text: string, path: string, build: (g: GraphBuilder, p: ReturnType<GraphBuilder['passage']>) => void) {
  const g = new GraphBuilder(text, { path, title: text.split('\n')[0] });
  const lines = text.split('\n').filter(Boolean);
  const art = g.article(lines[0], undefined, lines[0], lines[lines.length - 1]);
  const p = g.passage(art, lines[0], lines[lines.length - 1], tokenize(text));
  build(g, p);
  return g.build();
}

let store: GraphStore;
let engine: AnswerEngine;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDataDir('atlas-yes-no');
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus' });
  store = await openStore(config);
  await store.upsertDocument(report(ADOPTER, 'invented/qinghe.txt', (g, p) => {
    const county = g.entity({ type: 'region', name: '青禾县', level: 'county' }, [g.evidence(p, '青禾县')]);
    const community = g.entity({ type: 'region', name: '桃源社区', level: 'community' }, [g.evidence(p, '桃源社区')]);
    g.relation('LOCATED_IN', community, county, [g.evidence(p, '青禾县桃源社区')], { source: 'text' });
    const practice = g.entity({ type: 'mechanism', name: '院坝议事' }, [g.evidence(p, '院坝议事')]);
    g.relation('ADOPTS', county, practice, [g.evidence(p, '青禾县全面推行“院坝议事”工作法，即小事院坝议、大事村里议。')]);
  }));
  await store.upsertDocument(report(SILENT, 'invented/baisha.txt', (g, p) => {
    g.entity({ type: 'region', name: '白沙镇', level: 'township' }, [g.evidence(p, '白沙镇')]);
  }));
  await store.upsertDocument(report(MENTIONS, 'invented/shiqiao.txt', (g, p) => {
    g.entity({ type: 'region', name: '石桥镇', level: 'township' }, [g.evidence(p, '石桥镇')]);
    g.entity({ type: 'mechanism', name: '院坝议事' }, [g.evidence(p, '院坝议事')]);
  }));
  engine = await AnswerEngine.open(store, config);
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ask = async (q: string) => answerSchema.parse(await engine.answer(q));

describe('yes / no: 否 only where it can be said and cited', () => {
  it('是 for the adopter', async () => {
    expect((await ask('青禾县有没有推行院坝议事')).answers.map((x) => x.name)).toEqual(['是']);
  });

  it('否 for a place whose documents never name the practice, citing who does adopt it', async () => {
    const a = await ask('白沙镇有没有推行院坝议事');
    expect(a.answers.map((x) => x.name)).toEqual(['否']);
    // The answer names no other place (it is about 白沙镇); its citation shows where the practice is.
    expect(a.answers[0].detail).not.toContain('青禾县');
    expect(a.answers[0].citations.map((c) => c.text)).toEqual(['青禾县全面推行“院坝议事”工作法，即小事院坝议、大事村里议。']);
    expect(a.answerLine?.text).toBe('否。图谱和原文中没有白沙镇采用院坝议事的记录；采用它的地方见[1]。');
  });

  it.each([
    // its own report names the practice: an adoption may have been missed, so no answer
    ['石桥镇是否采用了院坝议事'],
    // its parent adopts it: the place may well apply it
    ['桃源社区有没有推行院坝议事'],
  ])('no answer: %s', async (q) => {
    const a = await ask(q);
    expect(a.answerType).toBe('yes_no');
    expect(a.answers).toEqual([]);
  });
});
