import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';

/** Everything Vigil reads from its environment, validated once at start-up. */
export interface VigilConfig {
  port: number;
  /** An external PostgreSQL; `null` runs the embedded one under `dataDir`. */
  databaseUrl: string | null;
  /**
   * The role the server runs as (it must own no table); `null`: the owner creates `vigil_app`
   * with a password derived from its own.
   */
  databaseAppUrl: string | null;
  dataDir: string;
  /** Signs access tokens; generated per process when absent (tokens then die on restart). */
  jwtSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  visitDeadlineHours: number;
  /** Largest evidence file accepted, in bytes. */
  evidenceMaxBytes: number;
  /** How long before the visit deadline the room and supervisors are warned. */
  visitWarningHours: number;
  /** Lets tests move the clock through `PUT /api/test/clock`. Never on in production. */
  clockControl: boolean;
  demoPassword: string;
  /** Seed the demo city on an empty database even when `DATABASE_URL` is set. */
  seedDemo: boolean;
  logLevel: LogLevel;
  /** The built web app served at `/`; `null` serves none. */
  webDist: string | null;
  /**
   * Each account's budget of requests and socket events together: a sustained rate per second and
   * a burst. One account cannot flood the server however many tabs, sockets or scripts it uses.
   */
  accountRatePerSecond: number;
  accountBurst: number;
  /** Open sockets one account may hold on an instance. */
  socketsPerAccount: number;
  /**
   * Which proxies in front are believed about the client's address and scheme (`X-Forwarded-For`,
   * `X-Forwarded-Proto`), in Express's terms: all (`true`), none, the nearest n, or these addresses.
   */
  trustProxy: TrustProxy;
}

export type TrustProxy = boolean | number | string[];

/** Express's names for the private ranges a proxy may sit in. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** The documented password of the demo accounts (README), not a secret. */
export const DEFAULT_DEMO_PASSWORD = 'vigil-demo';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(problems.map((p) => `${p.variable} ${p.message}`).join('; '));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: Env, cwd = process.cwd()): VigilConfig {
  const problems: { variable: string; message: string }[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ variable: name, message: `must be an integer from ${min} to ${max} (got "${raw}")` });
      return fallback;
    }
    return value;
  };
  const positive = (name: string, fallback: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      problems.push({ variable: name, message: `must be a positive number (got "${raw}")` });
      return fallback;
    }
    return value;
  };
  const flag = (name: string): boolean => {
    const raw = text(name);
    if (raw === undefined) return false;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push({ variable: name, message: `must be true or false (got "${raw}")` });
    return false;
  };
  const path = (raw: string) => (isAbsolute(raw) ? raw : resolve(cwd, raw));

  const databaseUrl = text('DATABASE_URL') ?? null;
  const databaseAppUrl = text('DATABASE_APP_URL') ?? null;
  for (const [variable, url] of [['DATABASE_URL', databaseUrl], ['DATABASE_APP_URL', databaseAppUrl]] as const) {
    if (url !== null && !/^postgres(ql)?:\/\/.+/.test(url)) problems.push({ variable, message: 'must be a postgres:// or postgresql:// URL' });
  }
  if (databaseAppUrl !== null && databaseUrl === null) {
    problems.push({ variable: 'DATABASE_APP_URL', message: 'needs DATABASE_URL (the embedded PostgreSQL makes its own runtime role)' });
  }
  const jwtSecret = text('JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push({ variable: 'JWT_SECRET', message: 'must be at least 32 characters long' });
  }
  const demoPassword = text('DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD;
  if (demoPassword.length < 8) {
    problems.push({ variable: 'DEMO_PASSWORD', message: 'must be at least 8 characters long' });
  }
  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push({ variable: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")` });
  }
  const webDist = text('WEB_DIST');
  const trustProxy = (): TrustProxy => {
    const raw = text('TRUST_PROXY');
    if (raw === undefined || ['false', 'no', '0'].includes(raw.toLowerCase())) return false;
    if (['true', 'yes'].includes(raw.toLowerCase())) return true;
    if (/^\d+$/.test(raw) && Number(raw) <= 100) return Number(raw);
    const entries = raw.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => PROXY_RANGES.includes(entry) || isAddressOrSubnet(entry))) return entries;
    problems.push({
      variable: 'TRUST_PROXY',
      message: `must be true, false, the number of proxies in front, or a comma-separated list of their addresses, subnets (CIDR) or ${PROXY_RANGES.join(', ')} (got "${raw}")`,
    });
    return false;
  };

  const config: VigilConfig = {
    port: integer('PORT', 3000, 1, 65535),
    databaseUrl,
    databaseAppUrl,
    dataDir: path(text('DATA_DIR') ?? '.data'),
    jwtSecret,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86400),
    refreshTokenTtlDays: integer('REFRESH_TOKEN_TTL_DAYS', 14, 1, 365),
    visitDeadlineHours: positive('VISIT_DEADLINE_HOURS', 24),
    evidenceMaxBytes: integer('EVIDENCE_MAX_BYTES', 25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    visitWarningHours: positive('VISIT_WARNING_HOURS', 4),
    clockControl: flag('CLOCK_CONTROL'),
    demoPassword,
    seedDemo: flag('SEED_DEMO'),
    logLevel,
    webDist: webDist === 'none' ? null : webDist ? path(webDist) : null,
    accountRatePerSecond: integer('ACCOUNT_RATE_PER_SECOND', 20, 1, 1_000_000),
    accountBurst: integer('ACCOUNT_BURST', 60, 1, 1_000_000),
    socketsPerAccount: integer('SOCKETS_PER_ACCOUNT', 8, 1, 10_000),
    trustProxy: trustProxy(),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** An IPv4 or IPv6 address, with or without a prefix length (`10.0.0.0/8`). */
function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** Nest injection token for the validated configuration. */
export const VIGIL_CONFIG = Symbol('VIGIL_CONFIG');
