import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { rows } from './cypher.js';

/**
 * A named lease held in the database, so work that must happen once per database (the first-run
 * ingest of corpus/) runs in one server however many start at the same moment. Times are the
 * database's clock (timestamp()), so servers with skewed clocks agree on expiry.
 */

export interface LeaseOptions {
  /**
   * How long a holder keeps the lease without renewing it; a holder that died frees it after this.
   * Default 120 s: a holder renews every 10 s, but CPU-bound work (the ingest's extraction) can hold
   * its event loop, and so its renewals, for tens of seconds on a loaded machine.
   */
  readonly ttlMs?: number;
  /** How often a waiting server looks again. Default 1 s. */
  readonly pollMs?: number;
  /** Names this holder in the database (for people reading it in Browser). Default a random id. */
  readonly holder?: string;
  readonly log?: (line: string) => void;
}

export type RunOnceOutcome = 'ran' | 'done';

interface LeaseState {
  acquired: boolean;
  completedAt: number | null;
  startedAt: number | null;
  holder: string | null;
}

/** The AtlasLease uniqueness constraint (schema.ts) makes MERGE create one node however many servers race. */
const ACQUIRE = `
MERGE (l:AtlasLease {name: $name})
WITH l, timestamp() AS now
WITH l, now, l.completedAt IS NULL AND (l.holder IS NULL OR l.holder = $holder OR l.expiresAt < now) AS free
SET l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
    l.expiresAt = CASE WHEN free THEN now + $ttl ELSE l.expiresAt END
RETURN free AS acquired, l.completedAt AS completedAt, l.startedAt AS startedAt, l.holder AS holder`;

const MARK_STARTED = 'MATCH (l:AtlasLease {name: $name, holder: $holder}) SET l.startedAt = coalesce(l.startedAt, timestamp())';
const RENEW = `
MATCH (l:AtlasLease {name: $name, holder: $holder})
SET l.expiresAt = timestamp() + $ttl
RETURN count(l) AS held`;
const COMPLETE = 'MATCH (l:AtlasLease {name: $name, holder: $holder}) SET l.completedAt = timestamp(), l.holder = null, l.expiresAt = null';
const RELEASE = 'MATCH (l:AtlasLease {name: $name, holder: $holder}) SET l.holder = null, l.expiresAt = null';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function write<T>(driver: Driver, database: string, query: string, params: Record<string, unknown>): Promise<T[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // Managed: deadlocks and lock timeouts between servers racing for the lease are retried.
    return await session.executeWrite((tx) => rows<T>(tx, query, params));
  } finally {
    await session.close();
  }
}

/**
 * Runs `work` once per database under the lease `name`: the first caller runs it; callers arriving
 * while it runs wait and then return 'done'; when a holder dies (its lease expires unrenewed) a
 * waiting caller takes over and runs `work` with resumed = true. A `work` that throws releases the
 * lease at once (the next caller retries) and the error reaches this caller.
 */
export async function runOnce(
  driver: Driver,
  database: string,
  name: string,
  work: (ctx: { resumed: boolean }) => Promise<void>,
  options: LeaseOptions = {},
): Promise<RunOnceOutcome> {
  const ttl = options.ttlMs ?? 120_000;
  const holder = options.holder ?? randomUUID();
  const params = { name, holder, ttl: neo4j.int(ttl) };
  let waitingLogged = false;
  for (;;) {
    const [state] = await write<LeaseState>(driver, database, ACQUIRE, params);
    if (state.completedAt !== null) return 'done';
    if (state.acquired) break;
    if (!waitingLogged) options.log?.(`Waiting for another server to finish "${name}" (lease held by ${state.holder})`);
    waitingLogged = true;
    await sleep(options.pollMs ?? 1000);
  }
  const [{ startedAt }] = await write<{ startedAt: number | null }>(
    driver, database, 'MATCH (l:AtlasLease {name: $name}) RETURN l.startedAt AS startedAt', { name },
  );
  await write(driver, database, MARK_STARTED, params);
  let renewing: Promise<unknown> = Promise.resolve();
  let lost = false;
  const timer = setInterval(() => {
    renewing = write<{ held: number }>(driver, database, RENEW, params).then(
      ([row]) => {
        // Another server took over (this one looked dead): the work is idempotent, so both finishing is harmless.
        if ((!row || Number(row.held) === 0) && !lost) options.log?.(`Lost the lease "${name}" while running it; another server took over`);
        lost ||= !row || Number(row.held) === 0;
      },
      (error) => options.log?.(`Could not renew the lease "${name}": ${(error as Error).message}`),
    );
  }, Math.max(50, Math.min(10_000, Math.floor(ttl / 3))));
  try {
    await work({ resumed: startedAt !== null });
  } catch (error) {
    clearInterval(timer);
    await renewing;
    await write(driver, database, RELEASE, params).catch(() => undefined);
    throw error;
  }
  clearInterval(timer);
  await renewing;
  await write(driver, database, COMPLETE, params);
  return 'ran';
}
