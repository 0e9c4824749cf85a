import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { AppError, isAppError } from '../errors.js';

export interface Neo4jSettings {
  readonly uri?: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface Neo4jOptions {
  /** How long to wait for a TCP/Bolt connection before reporting the store unavailable. */
  connectionTimeoutMs?: number;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

function isAuthError(error: Neo4jError): boolean {
  return error.code.startsWith('Neo.ClientError.Security.');
}

/**
 * Maps driver errors about reaching or logging into the server to AppErrors naming the URI (never
 * the password). Other errors (constraint violations, our own AppErrors) pass through unchanged.
 */
export function toStoreError(error: unknown, settings: Neo4jSettings): unknown {
  if (isAppError(error) || !(error instanceof Neo4jError)) return error;
  const where = { uri: settings.uri, database: settings.database, user: settings.user };
  if (isAuthError(error)) {
    return new AppError('STORE_AUTH', `Neo4j at ${settings.uri} rejected the credentials of user "${settings.user}": ${error.message}`, where, { cause: error });
  }
  if (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.')) {
    return new AppError('STORE_UNAVAILABLE', `Neo4j at ${settings.uri} (database "${settings.database}") is unavailable: ${error.message}`, where, { cause: error });
  }
  return error;
}

/**
 * Creates a driver and proves, before anything else happens, that the server answers, accepts the
 * credentials and has the database. Nothing falls back: every failure is an AppError.
 */
export async function openDriver(settings: Neo4jSettings, options: Neo4jOptions = {}): Promise<Driver> {
  if (!settings.uri) {
    throw new AppError('CONFIG_INVALID', 'Invalid configuration: NEO4J_URI: required for the neo4j backend', {
      problems: ['NEO4J_URI: required for the neo4j backend'],
    });
  }
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      disableLosslessIntegers: true,
      connectionTimeout: options.connectionTimeoutMs ?? 15_000,
      maxTransactionRetryTime: 15_000,
    });
  } catch (cause) {
    throw new AppError('STORE_UNAVAILABLE', `Cannot use Neo4j URI ${settings.uri}: ${(cause as Error).message}`, { uri: settings.uri }, { cause });
  }
  try {
    await driver.verifyConnectivity({ database: settings.database });
    // verifyConnectivity does not prove the database exists; a trivial query does.
    const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
    return driver;
  } catch (cause) {
    await driver.close().catch(() => undefined);
    const mapped = toStoreError(cause, settings);
    if (isAppError(mapped)) throw mapped;
    throw new AppError('STORE_UNAVAILABLE', `Neo4j at ${settings.uri} cannot be used: ${(cause as Error).message}`, { uri: settings.uri }, { cause });
  }
}
