/**
 * Browser-test harness: corpus/ ingested into a temporary DATA_DIR, the real API (createApp) with
 * the UI built by vite into a temporary directory, served on 127.0.0.1:<random>, and Debian's
 * chromium driven by playwright-core with a fresh profile.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { createApp } from '../../web/server/createApp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface UiHarness {
  baseUrl: string;
  store: GraphStore;
  context: BrowserContext;
  page: Page;
  /** Browser-side failures seen so far (uncaught errors, console errors). */
  problems: string[];
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** `vite build` of web/ui into a fresh directory (each test file gets its own, so parallel files never race). */
export async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: path.join(ROOT, 'web', 'ui', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html to ${outDir}`);
}

export async function startUi(): Promise<UiHarness> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-ui-'));
  const uiDir = path.join(tmp, 'dist');
  const dataDir = path.join(tmp, 'data');
  await buildUi(uiDir);

  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus', PORT: '3000' });
  const store = await openStore(config);
  const outcomes = await ingestPaths([path.join(ROOT, 'corpus')], store, { maxFileBytes: config.maxFileBytes, baseDir: ROOT });
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length) throw new Error(`corpus ingest failed: ${JSON.stringify(failed)}`);
  const engine = await AnswerEngine.open(store, config);
  const app = createApp({ store, engine, config, uiDir, log: () => {} });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  return {
    baseUrl,
    store,
    context,
    page,
    problems,
    async screenshot(name, opts = {}) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.locals.queue.idle();
      await store.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** True when the element's box lies inside the viewport. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}
