import { describe } from 'vitest';
import { MemoryJobStore } from './JobStore.js';
import { jobStoreContract } from './jobStoreContract.js';

describe('MemoryJobStore', () => jobStoreContract(async () => new MemoryJobStore()));
