import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { runGraphStoreContract } from './graphStoreContract.js';
import { neo4jServerCases } from './neo4jServerCases.js';
import { clearNeo4j, closeNeo4jAdmin, NEO4J_URI, openNeo4jStore } from './neo4jTestEnv.js';
import { parityCases } from './parityCases.js';
import { devSetParity } from './devSetParity.js';
import { jobStoreCases } from '../neo4j/jobStoreCases.js';
import { leaseCases } from '../neo4j/leaseCases.js';
import { routingCases } from '../neo4j/routingCases.js';
import { keywordStatisticsCases, searchIndexCases } from '../neo4j/searchIndexCases.js';
import { multiServerCases } from '../neo4j/multiServerCases.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-store-contract-'));
let counter = 0;
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

runGraphStoreContract(
  'sqlite',
  async () => new SqliteGraphStore(path.join(tmpRoot, `graph-${++counter}.sqlite`)),
  async () => undefined,
);

// Everything touching Neo4j lives in this one file: the tests share (and empty) one database,
// and vitest runs test files in parallel.
describe.skipIf(!NEO4J_URI)(`neo4j at ${NEO4J_URI ?? '(NEO4J_URI not set)'}`, () => {
  afterAll(closeNeo4jAdmin);
  runGraphStoreContract('neo4j', () => openNeo4jStore(), clearNeo4j);
  describe('live server', neo4jServerCases);
  describe('same answers as sqlite', parityCases);
  describe('same answers to the dev questions as sqlite', devSetParity);
  describe('work done once per database (lease)', leaseCases);
  describe('search in Neo4j', searchIndexCases);
  describe('keyword statistics in Neo4j', keywordStatisticsCases);
  describe('upload jobs in Neo4j', jobStoreCases);
  describe('routing URI', routingCases);
  // Last: it drops the schema so that the servers create it while racing.
  describe('several app servers over one Neo4j', multiServerCases);
});
