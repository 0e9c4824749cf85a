import type { GraphStore } from '../../graph/GraphStore.js';
import type { Neo4jPassageIndex } from '../../graph/neo4j/passageIndex.js';

/** The Neo4j store's passage search, or undefined for the embedded store (types only: no driver is loaded here). */
export function neo4jPassageIndexOf(store: GraphStore): Neo4jPassageIndex | undefined {
  if (store.backend !== 'neo4j') return undefined;
  const withIndex = store as GraphStore & { passageIndex?: () => Neo4jPassageIndex };
  return withIndex.passageIndex?.();
}
