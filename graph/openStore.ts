import path from 'node:path';
import type { Config } from './config.js';
import type { GraphStore } from './GraphStore.js';

/**
 * The one place backends are chosen. Each backend loads its driver lazily, so users of the
 * embedded store never load neo4j-driver.
 */
const BACKENDS: Record<Config['graphBackend'], { requires: string[]; open(config: Config): Promise<GraphStore> }> = {
  sqlite: {
    requires: ['DATA_DIR'],
    async open(config) {
      const { SqliteGraphStore } = await import('./sqlite/SqliteGraphStore.js');
      return new SqliteGraphStore(path.join(config.dataDir, 'graph.sqlite'));
    },
  },
  neo4j: {
    requires: ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'],
    async open(config) {
      const { Neo4jGraphStore } = await import('./neo4j/Neo4jGraphStore.js');
      return Neo4jGraphStore.connect(config.neo4j);
    },
  },
};

export async function openStore(config: Config, backend: Config['graphBackend'] = config.graphBackend): Promise<GraphStore> {
  return BACKENDS[backend].open(config);
}

export function backendRequirements(backend: Config['graphBackend']): string[] {
  return BACKENDS[backend].requires;
}
