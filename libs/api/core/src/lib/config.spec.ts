import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the defaults of an empty environment', () => {
    const config = loadConfig({}, '/srv/vigil');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/vigil/.data',
      visitDeadlineHours: 24,
      visitWarningHours: 4,
      clockControl: false,
      demoPassword: 'vigil-demo',
      logLevel: 'info',
    });
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', VISIT_DEADLINE_HOURS: '-1', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'JWT_SECRET',
      'PORT',
      'VISIT_DEADLINE_HOURS',
    ]);
    expect((error as ConfigError).message).toContain('PORT must be an integer from 1 to 65535 (got "abc")');
  });

  it('accepts an external database and a port', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/vigil', SEED_DEMO: 'true' });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/vigil');
    expect(config.seedDemo).toBe(true);
  });

  it('takes the runtime role from DATABASE_APP_URL, only beside DATABASE_URL', () => {
    const owner = 'postgres://owner:p@db:5432/vigil';
    expect(loadConfig({ DATABASE_URL: owner }).databaseAppUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: owner, DATABASE_APP_URL: 'postgres://app:q@db:5432/vigil' }).databaseAppUrl).toBe('postgres://app:q@db:5432/vigil');
    for (const env of [{ DATABASE_URL: owner, DATABASE_APP_URL: 'mysql://app' }, { DATABASE_APP_URL: 'postgres://app:q@db:5432/vigil' }]) {
      expect(() => loadConfig(env)).toThrow(/DATABASE_APP_URL/);
    }
  });

  it('limits evidence uploads to 25 MiB unless EVIDENCE_MAX_BYTES says otherwise', () => {
    expect(loadConfig({}).evidenceMaxBytes).toBe(25 * 1024 * 1024);
    expect(loadConfig({ EVIDENCE_MAX_BYTES: '65536' }).evidenceMaxBytes).toBe(65536);
    for (const bad of ['0', '-1', '1.5', 'lots', String(2 * 1024 * 1024 * 1024)]) {
      expect(() => loadConfig({ EVIDENCE_MAX_BYTES: bad })).toThrow(/EVIDENCE_MAX_BYTES must be an integer/);
    }
  });

  it('reads TRUST_PROXY as Express does, and refuses at start-up what it would silently misread', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('false')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('loopback, 10.0.0.0/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    for (const bad of ['on', 'proxy.internal', '10.0.0.0/33', '300.1.1.1', 'loopback,']) {
      expect(() => trust(bad)).toThrow(/TRUST_PROXY must be true, false, the number of proxies in front/);
    }
  });
});
