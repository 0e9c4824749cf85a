import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { Neo4jGraphStore } from '../../graph/neo4j/Neo4jGraphStore.js';
import { clearNeo4j, cypher, neo4jSettings, openNeo4jStore, rawCounts } from './neo4jTestEnv.js';
import { docA, docB, docSharedMechanisms } from './sampleGraphs.js';
import { find } from './snapshot.js';

const A = docA();
const B = docB();

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function readmeCypher(): string[] {
  const readme = fs.readFileSync(fileURLToPath(new URL('../../graph/neo4j/README.md', import.meta.url)), 'utf8');
  return [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]);
}

async function withStore<T>(work: (store: Neo4jGraphStore) => Promise<T>): Promise<T> {
  const store = await openNeo4jStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Neo4j-only behaviour: connection errors, the stored model, raw idempotency, the README examples. */
export function neo4jServerCases(): void {
  beforeEach(clearNeo4j);
  afterAll(clearNeo4j);

  it('reports an unreachable server as STORE_UNAVAILABLE naming the URI', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const attempt = Neo4jGraphStore.connect(neo4jSettings({ uri }));
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(attempt).rejects.toThrow(uri);
  });

  it('reports rejected credentials as STORE_AUTH without echoing the password', async (ctx) => {
    const password = 'not-the-password-9f2c';
    const attempt = Neo4jGraphStore.connect(neo4jSettings({ password }));
    const accepted = await attempt.then(async (store) => (await store.close(), true), () => false);
    if (accepted) ctx.skip(); // the server runs with auth disabled: any password is accepted
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_AUTH' });
    await expect(attempt).rejects.not.toThrow(password);
  });

  it('reports a missing database as STORE_UNAVAILABLE and a missing URI as CONFIG_INVALID', async () => {
    await expect(Neo4jGraphStore.connect(neo4jSettings({ database: 'nosuchdatabase' }))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(Neo4jGraphStore.connect(neo4jSettings({ uri: '' }))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('stores the documented model: labels, relationship types, evidence, schema', async () => {
    await withStore(async (store) => {
      await store.upsertDocument(A);
      await store.upsertDocument(B);
    });
    const [formula] = await cypher<{ labels: string[]; definition: string; props: string }>(
      "MATCH (e:Entity {name: '1+3+X'}) RETURN labels(e) AS labels, e.prop_definition AS definition, e.props AS props",
    );
    expect([...formula.labels].sort()).toEqual(['Entity', 'Mechanism']);
    expect(formula.definition).toBe('每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成');
    expect(JSON.parse(formula.props)).toEqual({ definition: formula.definition });
    const adopts = A.relations.find((r) => r.type === 'ADOPTS' && r.to === find(A.entities, '1+3+X').id)!;
    expect(await cypher("MATCH (:Region {name: '酒泉路街道'})-[r:ADOPTS]->(:Mechanism {name: '1+3+X'}) RETURN r.id AS id")).toEqual([{ id: adopts.id }]);
    expect(await cypher(
      "MATCH (p:Passage)-[m:MENTIONS]->(:Entity {name: '1+3+X'}) RETURN p.id AS passage, m.start AS start, valueType(m.start) AS t",
    )).toEqual([{ passage: A.passages[3].id, start: adopts.evidence[0].start + 3, t: 'INTEGER NOT NULL' }]);
    expect(await cypher('MATCH (:Evidence)-[c:CITES]->(:Passage) RETURN count(c) AS n')).toEqual([{ n: 12 }]);
    expect(await cypher('MATCH (:Organization)-[r:PART_OF]->(:Region) RETURN r.id AS id')).toEqual([
      { id: A.relations.find((r) => r.type === 'PART_OF')!.id },
    ]);
    const constraints = (await cypher<{ name: string }>('SHOW CONSTRAINTS YIELD name')).map((c) => c.name);
    expect(constraints).toEqual(expect.arrayContaining(['document_id', 'passage_id', 'entity_id', 'evidence_key', 'mentions_key', 'adopts_id']));
    const fulltext = await cypher<{ name: string; analyzer: string }>(
      "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name",
    );
    expect(fulltext).toEqual([
      { name: 'entity_names', analyzer: 'cjk' }, { name: 'passage_text', analyzer: 'cjk' }, { name: 'passage_tokens', analyzer: 'whitespace' },
    ]);
  });

  it('leaves identical node and relationship counts when the corpus is ingested twice, and nothing after deleting it', async () => {
    await withStore(async (store) => {
      await store.upsertDocument(A);
      await store.upsertDocument(B);
    });
    const first = await rawCounts();
    expect(first.nodes[':Entity:Mechanism']).toBe(3);
    await withStore(async (store) => {
      expect((await store.upsertDocument(A)).status).toBe('unchanged');
      expect((await store.upsertDocument(B)).status).toBe('unchanged');
    });
    expect(await rawCounts()).toEqual(first);
    await withStore(async (store) => {
      await store.deleteDocument(A.document.id);
      await store.deleteDocument(B.document.id);
    });
    expect(await rawCounts()).toEqual({ nodes: { ':AtlasLock': 1 }, relationships: {} });
  });

  it('answers the README Cypher examples', async () => {
    await withStore(async (store) => {
      for (const graph of [A, B, docSharedMechanisms()]) await store.upsertDocument(graph);
    });
    const [streets, mechanisms, organizations] = readmeCypher();
    expect(await cypher(streets)).toEqual([{ street: '酒泉路街道', document: A.document.title, evidence: '建立“1+3+X”网格力量体系' }]);
    expect(await cypher(mechanisms)).toEqual([
      { mechanism: '1+3+X', adoptedBy: ['酒泉路街道'] },
      { mechanism: '党建引领', adoptedBy: ['兰州市'] },
    ]);
    const rows = await cypher<{ organization: string; other: string; shared: string[] }>(organizations);
    expect(rows).toHaveLength(1);
    expect([rows[0].organization, rows[0].other].sort()).toEqual(['社区“两委”', '酒泉路街道党工委']);
    expect([...rows[0].shared].sort()).toEqual(['1+3+X', '网格化管理']);
  });
}
