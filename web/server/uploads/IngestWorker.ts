import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '../../../graph/config.js';
import { AppError, FileError } from '../../../graph/errors.js';
import type { FileOutcome } from '../../../ingest/pipeline/index.js';
import type { WorkerReply, WorkerRequest } from './workerMessages.js';

const ENTRY = fileURLToPath(new URL(`./ingestWorkerMain${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/** Under tsx (npm start, tests) the worker needs tsx's loader too; a compiled build does not. */
function loaderArgs(): string[] {
  if (!ENTRY.endsWith('.ts')) return [];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** Niceness of the worker: ingest yields the CPU to searches on a busy machine. */
const WORKER_NICENESS = 10;

interface Running {
  jobId: string;
  resolve(outcome: FileOutcome | undefined): void;
  reject(error: Error): void;
  onProgress(progress: number): void;
  timer: NodeJS.Timeout;
  timedOut: boolean;
}

/**
 * Runs uploaded-file ingests in a child process with a wall-time budget (the process is killed when
 * it is spent) and a V8 heap budget (--max-old-space-size): a hostile file fails alone, with a clear
 * error, and never stalls or kills the server. The process is reused between files and restarted
 * after a kill or a crash. Killing it mid-write is safe: the store's transaction rolls back.
 */
export class IngestWorker {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private running: Running | undefined;
  private jobs = 0;

  constructor(
    private readonly config: Config,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Ingests one file (the caller runs one at a time); `shown` names it in errors. */
  async ingest(file: string, baseDir: string, shown: string, onProgress: (progress: number) => void = () => {}): Promise<FileOutcome | undefined> {
    if (this.running) throw new Error('IngestWorker runs one file at a time');
    const child = this.start();
    this.hold(child, true);
    // Start-up (module and dictionary loading) is not the file's fault: the budget starts after it.
    await this.ready;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new FileError('INGEST_OUT_OF_MEMORY', shown, `入库进程启动失败（内存预算 ${this.config.ingestBudget.memoryMb} MB 可能过小），文件未入库`);
    }
    const jobId = String(++this.jobs);
    const { seconds } = this.config.ingestBudget;
    return new Promise((resolve, reject) => {
      const running: Running = {
        jobId,
        resolve,
        reject,
        onProgress,
        timedOut: false,
        timer: setTimeout(() => {
          running.timedOut = true;
          child.kill('SIGKILL');
        }, seconds * 1000),
      };
      this.running = running;
      this.shownName = shown;
      const request: WorkerRequest = { jobId, file, baseDir, config: this.config };
      child.send(request);
    });
  }

  private shownName = '';

  /** Starts the worker process ahead of the first upload; resolves once its dictionaries are loaded. */
  async warm(): Promise<void> {
    const child = this.start();
    this.hold(child, true);
    try {
      await this.ready;
    } finally {
      if (!this.running) this.hold(child, false);
    }
  }

  /** A busy worker keeps the event loop alive; an idle one must not keep the server (or a test run) alive. */
  private hold(child: ChildProcess, busy: boolean): void {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  }

  /** Stops the worker process (server shutdown). */
  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.ref();
      child.kill('SIGKILL');
    });
  }

  private start(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null && this.child.connected) return this.child;
    const child = fork(ENTRY, [], {
      execArgv: [...loaderArgs(), `--max-old-space-size=${this.config.ingestBudget.memoryMb}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, WORKER_NICENESS);
    } catch {
      // not permitted here: the worker then competes with searches at normal priority
    }
    this.ready = new Promise((resolve) => {
      const onReady = (reply: WorkerReply) => {
        if (reply.kind !== 'ready') return;
        child.off('message', onReady);
        resolve();
      };
      child.on('message', onReady);
      child.once('exit', () => resolve());
    });
    child.on('message', (reply: WorkerReply) => this.onReply(reply));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.hold(child, false);
    this.child = child;
    return child;
  }

  private onReply(reply: WorkerReply): void {
    const running = this.running;
    if (reply.kind === 'ready' || !running || reply.jobId !== running.jobId) return;
    if (reply.kind === 'progress') {
      running.onProgress(reply.progress);
      return;
    }
    clearTimeout(running.timer);
    this.running = undefined;
    if (this.child) this.hold(this.child, false);
    if (reply.kind === 'done') running.resolve(reply.outcome);
    else running.reject(reply.code === 'INTERNAL' ? new Error(reply.message) : new AppError(reply.code as AppError['code'], reply.message));
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child === child) this.child = undefined;
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    const { seconds, memoryMb } = this.config.ingestBudget;
    if (running.timedOut) {
      running.reject(new FileError('INGEST_TIMEOUT', this.shownName, `入库超过 ${seconds} 秒的时间预算，已中止；文件未入库，其他文件不受影响`));
    } else if (signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134) {
      running.reject(new FileError('INGEST_OUT_OF_MEMORY', this.shownName, `入库超出 ${memoryMb} MB 的内存预算，已中止；文件未入库，其他文件不受影响`));
    } else {
      this.log(`ingest worker exited (code ${code}, signal ${signal}) while reading ${this.shownName}`);
      running.reject(new FileError('INGEST_OUT_OF_MEMORY', this.shownName, `入库进程意外退出（${signal ?? code}），已中止；文件未入库`));
    }
  }
}
