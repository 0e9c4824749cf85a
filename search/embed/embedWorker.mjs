// Entry of the embedding worker thread (see WorkerEmbedder.ts). A worker starts without the TypeScript
// loader its parent may run under (tsx, vitest), so tsx loads the TypeScript side explicitly.
import { tsImport } from 'tsx/esm/api';

const { runEmbedWorker } = await tsImport('./embedWorkerMain.ts', import.meta.url);
await runEmbedWorker();
