/** neo4j:// (routing) URIs: reads go through read transactions the driver may route to other members. */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { clearNeo4j, neo4jSettings, openNeo4jStore } from '../store/neo4jTestEnv.js';
import { docA } from '../store/sampleGraphs.js';

export function routingCases(): void {
  beforeEach(clearNeo4j);
  afterAll(clearNeo4j);

  it('works through a neo4j:// routing URI (the test server routes to itself)', async () => {
    const uri = neo4jSettings().uri!.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
    expect(uri.startsWith('neo4j')).toBe(true);
    const store = await openNeo4jStore(neo4jSettings({ uri }));
    try {
      const graph = docA();
      expect(await store.upsertDocument(graph)).toEqual({ status: 'inserted', docId: graph.document.id });
      expect((await store.getDocument(graph.document.id))?.text).toBe(graph.document.text);
      expect(await store.changeCounter()).toBe(1);
    } finally {
      await store.close();
    }
  });
}
