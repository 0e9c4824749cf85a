import { afterEach, describe, expect, it } from 'vitest';
import { tokenize } from '../../text/segment/index.js';
import { Bm25Index } from '../keyword/Bm25Index.js';
import type { SearchIndex } from './SearchIndex.js';

export interface ContractPassage {
  id: string;
  text: string;
  tokens: string[];
}

/** Builds an index holding these passages (keyword side) with no vectors yet; `dispose` cleans up. */
export type SearchIndexFactory = (passages: ContractPassage[], dimension: number) => Promise<{ index: SearchIndex; dispose(): Promise<void> }>;

/** Invented sentences (other provinces, other practices) beside formula tokens; ids sort as listed. */
const TEXTS: [string, string][] = [
  ['psg-a', '太原市小店区坞城街道推行“1+3+X”网格管理，每个网格配一名专职网格员。'],
  ['psg-b', '柳州市城中区推行“1+3+N”工作法，居民议事会每月召开一次。'],
  ['psg-c', '黄冈市麻城市乡镇开展农村人居环境整治，清理生活垃圾两千吨。'],
  ['psg-d', '网格员每天巡查网格，网格内的矛盾纠纷当天上报、当天处置。'],
];

export function passagesForContract(): ContractPassage[] {
  return TEXTS.map(([id, text]) => ({ id, text, tokens: tokenize(text) }));
}

const ids = (hits: [string, number][]) => hits.map(([id]) => id);

/** One behaviour for every SearchIndex: the embedded store's and Neo4j's. */
export function runSearchIndexContract(name: string, factory: SearchIndexFactory): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let dispose: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await dispose?.();
      dispose = undefined;
    });
    const open = async (dimension = 4) => {
      const made = await factory(passagesForContract(), dimension);
      dispose = made.dispose;
      return made.index;
    };

    it('finds passages by their tokens, best first, and matches a formula token exactly', async () => {
      const index = await open();
      const hits = await index.keywordSearch(['1+3+X'], 10);
      expect(ids(hits)).toEqual(['psg-a']);
      expect(ids(await index.keywordSearch(['1+3+N'], 10))).toEqual(['psg-b']);
      // 网格 is a token twice in psg-d and in psg-a; psg-d is shorter.
      const grid = await index.keywordSearch(['网格'], 10);
      expect(ids(grid)[0]).toBe('psg-d');
      expect(ids(grid)).toContain('psg-a');
      for (let i = 1; i < grid.length; i++) expect(grid[i - 1][1]).toBeGreaterThanOrEqual(grid[i][1]);
      expect(await index.keywordSearch(['兰州'], 10)).toEqual([]);
      expect(await index.keywordSearch([], 10)).toEqual([]);
    });

    it('ranks by the sum over terms, weights scale a term, limit cuts the list', async () => {
      const index = await open();
      const both = await index.keywordSearch(['网格员', '垃圾'], 10);
      // psg-a has 专职网格员, one token: a term matches whole tokens only.
      expect(new Set(ids(both))).toEqual(new Set(['psg-c', 'psg-d']));
      const favourGarbage = await index.keywordSearch(['网格员', '垃圾'], 10, new Map([['网格员', 0.1], ['垃圾', 1]]));
      expect(ids(favourGarbage)[0]).toBe('psg-c');
      const favourGrid = await index.keywordSearch(['网格员', '垃圾'], 10, new Map([['网格员', 1], ['垃圾', 0.1]]));
      expect(ids(favourGrid)[0]).toBe('psg-d');
      expect(await index.keywordSearch(['网格员', '垃圾'], 1)).toHaveLength(1);
    });

    it('falls back to character bigrams for a term no passage has as a token', async () => {
      const index = await open();
      const tokens = passagesForContract().flatMap((p) => p.tokens);
      expect(tokens).not.toContain('议事'); // jieba keeps 议事会 whole; 议事 is then only a bigram
      expect(ids(await index.keywordSearch(['议事'], 10))).toEqual(['psg-b']);
    });

    it('scores keyword hits exactly as BM25 over the passages\' tokens and bigrams, equal scores by id', async () => {
      const index = await open();
      const reference = new Bm25Index(passagesForContract().map((p) => ({ id: p.id, tokens: p.tokens })));
      const queries: [string[], Map<string, number>][] = [
        [['网格'], new Map()],
        [['网格员', '垃圾', '议事', '推行'], new Map([['垃圾', 0.4]])],
        [['1+3+X', '1+3+N', '网格'], new Map([['网格', 0.7]])],
        [['城中区', '坞城'], new Map()],
      ];
      for (const [terms, weights] of queries) {
        const expected = reference.search(terms, 10, weights);
        expect(expected.length).toBeGreaterThan(0);
        expect(await index.keywordSearch(terms, 10, weights)).toEqual(expected);
      }
    });

    it('ranks vectors by exact cosine, equal scores by passage id', async () => {
      const index = await open(4);
      await index.upsertVectors(['psg-d', 'psg-b', 'psg-a', 'psg-c'], [[0, 1, 0, 0], [0.6, 0.8, 0, 0], [0, 2, 0, 0], [0.6, 0.8, 0.0001, 0]]);
      const hits = await index.vectorSearch([0, 1, 0, 0], 4);
      // psg-a and psg-d point the same way (lengths differ): cosine 1 for both, psg-a first by id.
      expect(ids(hits)).toEqual(['psg-a', 'psg-d', 'psg-b', 'psg-c']);
      expect(hits[0][1]).toBe(hits[1][1]);
      expect(hits[2][1]).toBeCloseTo(0.8, 6);
      expect(hits[2][1]).toBeGreaterThan(hits[3][1]);
    });

    it('returns the nearest vectors by cosine, honours allowed ids, replaces and deletes vectors', async () => {
      const index = await open(4);
      await index.upsertVectors(['psg-a', 'psg-b', 'psg-c'], [[1, 0, 0, 0], [0.8, 0.6, 0, 0], [0, 0, 1, 0]]);
      const near = await index.vectorSearch([1, 0, 0, 0], 2);
      expect(ids(near)).toEqual(['psg-a', 'psg-b']);
      // Two decimals: Neo4j's vector index quantizes the stored vectors.
      expect(near[0][1]).toBeCloseTo(1, 2);
      expect(near[1][1]).toBeCloseTo(0.8, 2);
      expect(ids(await index.vectorSearch([1, 0, 0, 0], 5, new Set(['psg-c'])))).toEqual(['psg-c']);
      expect(await index.vectorSearch([1, 0, 0, 0], 5, new Set())).toEqual([]);
      expect(await index.vectorSearch([0, 0, 0, 0], 5)).toEqual([]);
      await index.upsertVectors(['psg-a'], [[0, 0, 1, 0]]);
      expect(ids(await index.vectorSearch([1, 0, 0, 0], 1))).toEqual(['psg-b']);
      await index.deleteVectors(['psg-b', 'psg-unknown']);
      const left = await index.vectorSearch([1, 0, 0, 0], 5);
      expect(new Set(ids(left))).toEqual(new Set(['psg-a', 'psg-c']));
    });
  });
}
