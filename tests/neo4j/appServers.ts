/** Real app servers (npm start's scripts/start.ts) in child processes, all over one Neo4j. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { neo4jSettings } from '../store/neo4jTestEnv.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface AppServer {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  readonly dataDir: string;
  /** Everything the server wrote to stderr so far. */
  log(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string | null>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `npm start` (scripts/start.ts) on a port of its own, with its own empty DATA_DIR. */
export async function startAppServer(name: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${name}-`));
  const s = neo4jSettings();
  // One node process (no tsx wrapper), leading its own process group: killing the group is a dead machine.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts')], {
    detached: true,
    cwd: ROOT,
    env: {
      ...process.env,
      GRAPH_BACKEND: 'neo4j', NEO4J_URI: s.uri!, NEO4J_USER: s.user, NEO4J_PASSWORD: s.password, NEO4J_DATABASE: s.database,
      DATA_DIR: dataDir, EMBEDDER: 'corpus', PORT: String(port), SEARCH_RATE_PER_MIN: '100000', UPLOAD_RATE_PER_MIN: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name, url: `http://127.0.0.1:${port}`, child, dataDir, log: () => stderr, exited };
}

/** Waits for the server's "Practice Atlas on http://…" line; rejects with its log when it exits first. */
export async function untilServing(server: AppServer, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: number | string | null | undefined;
  void server.exited.then((code) => { exit = code; });
  while (!/Practice Atlas on http/.test(server.log())) {
    if (exit !== undefined) throw new Error(`${server.name} exited (${exit}) before serving:\n${server.log()}`);
    if (Date.now() > deadline) throw new Error(`${server.name} did not serve within ${timeoutMs} ms:\n${server.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function stopAppServer(server: AppServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
  killGroup(server, 'SIGKILL'); // an ingest worker left behind
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

export async function getJson<T = any>(server: AppServer, route: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${route}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** Kills the server and everything it started (its ingest worker), as a machine dying would. */
export function killGroup(server: AppServer, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch {
    // the group is gone already
  }
}
