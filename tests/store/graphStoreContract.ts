import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import { batchReadCases } from './contractBatchReads.js';
import { readCases } from './contractReads.js';
import { writeCases } from './contractWrites.js';

export interface ContractContext {
  /** The store under test, fresh (and empty) for every test. */
  store(): GraphStore;
}

/**
 * The behaviour every GraphStore backend must share. `cleanup` empties the backing database; it
 * runs before each test (and once at the end), then `makeStore` opens a store on it.
 */
export function runGraphStoreContract(
  name: string,
  makeStore: () => Promise<GraphStore>,
  cleanup: () => Promise<void>,
): void {
  describe(`GraphStore contract: ${name}`, () => {
    let current: GraphStore | undefined;
    beforeEach(async () => {
      await cleanup();
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    afterAll(cleanup);
    const ctx: ContractContext = {
      store: () => {
        if (!current) throw new Error('store not open');
        return current;
      },
    };
    writeCases(ctx);
    readCases(ctx);
    batchReadCases(ctx);
  });
}
