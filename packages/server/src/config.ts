/**
 * Runtime configuration from the environment (README § Configuration lists every variable).
 */
import { resolve } from 'node:path';

export interface SillageConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly adminPassword: string | undefined;
  readonly labName: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly secureCookies: boolean;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  readonly webDistDir: string | undefined;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginThrottleWindowMinutes: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Variable ${name} invalide : entier positif attendu, reçu « ${raw} »`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SillageConfig {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.SILLAGE_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
    databasePoolSize: intFromEnv(env, 'DATABASE_POOL_SIZE', 10),
    adminPassword: env.SILLAGE_ADMIN_PASSWORD,
    labName: env.SILLAGE_LAB_NAME ?? 'Laboratoire de biologie médicale',
    sessionIdleMinutes: intFromEnv(env, 'SILLAGE_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFromEnv(env, 'SILLAGE_SESSION_ABSOLUTE_HOURS', 12),
    secureCookies: env.SILLAGE_SECURE_COOKIES === 'true',
    bodyLimitBytes: intFromEnv(env, 'SILLAGE_BODY_LIMIT_BYTES', 1_048_576),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDistDir: env.SILLAGE_WEB_DIR,
    loginMaxFailuresPerAccount: intFromEnv(env, 'SILLAGE_LOGIN_MAX_FAILURES_ACCOUNT', 5),
    loginMaxFailuresPerAddress: intFromEnv(env, 'SILLAGE_LOGIN_MAX_FAILURES_ADDRESS', 20),
    loginThrottleWindowMinutes: intFromEnv(env, 'SILLAGE_LOGIN_THROTTLE_MINUTES', 15),
  };
}
