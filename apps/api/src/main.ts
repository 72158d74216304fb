import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigError, createValidationPipe, DEFAULT_DEMO_PASSWORD, guardApiRequests, JsonRoutesOnly, loadConfig, serveWebApp, VigilExpressAdapter, type VigilConfig } from '@vigil/api-core';
import { AppRoleError, DataDirInUseError, DEMO_ACCOUNTS, ensureAppRole, grantChiefFromCommandLine, openDatabase, seedDemoIfEmpty, startEmbeddedPostgres, type EmbeddedDatabase } from '@vigil/api-database';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AppModule } from './app/app.module';
import { CasesService, seedDemoCases } from '@vigil/api-cases';
import { PostgresIoAdapter } from '@vigil/api-realtime';

/** Plain progress lines for the person who ran `npm start`; the app itself logs JSON. */
const SHUTDOWN_GRACE_MS = 15_000;

/** `npm run seed:demo`: migrate and seed the demo city, then exit. */
const seedOnly = process.argv.includes('--seed-demo');
/** `--grant-chief <email>`: make an existing account of a prosecutor's office chief prosecutor, then exit (logged in the security log). */
const grantChiefTo = ((index) => (index < 0 ? null : (process.argv[index + 1] ?? '')))(process.argv.indexOf('--grant-chief'));

const say = (line: string) => process.stdout.write(`vigil: ${line}\n`);

function fail(message: string): never {
  process.stderr.write(`vigil: ${message}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  let config: VigilConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }
  // Serve the built web app beside the bundle unless told otherwise.
  const bundledWeb = join(__dirname, '..', 'web', 'browser');
  if (process.env['WEB_DIST'] === undefined && existsSync(bundledWeb)) config = { ...config, webDist: bundledWeb };

  if (!seedOnly && grantChiefTo === null && !(await portIsFree(config.port))) fail(`port ${config.port} is already in use (is Vigil already running?): stop it or set PORT.`);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, say);
    } catch (error) {
      if (error instanceof DataDirInUseError) fail(error.message);
      throw error;
    }
    databaseUrl = embedded.url;
  }

  // The owner migrates and sets up the runtime role; the server itself runs as that role, which
  // owns no table and so can neither switch a trigger off nor rewrite what is append-only.
  const owner = await openDatabase(databaseUrl);
  say('migrating the database…');
  const applied = await owner.runMigrations({ transaction: 'each' });
  if (applied.length > 0) say(`applied ${applied.length} migration(s).`);
  if (grantChiefTo !== null) {
    if (!grantChiefTo || grantChiefTo.startsWith('--')) fail('--grant-chief needs the email of an account');
    try {
      await grantChiefFromCommandLine(owner, grantChiefTo);
      say(`${grantChiefTo} is now chief prosecutor (recorded in the security log).`);
    } catch (error) {
      await owner.destroy();
      await embedded?.stop();
      fail(`could not grant chief prosecutor: ${error instanceof Error ? error.message : String(error)}`);
    }
    await owner.destroy();
    await embedded?.stop();
    return;
  }
  let runtimeUrl: string;
  try {
    runtimeUrl = await ensureAppRole(owner, databaseUrl, config.databaseAppUrl);
  } catch (error) {
    await owner.destroy();
    await embedded?.stop();
    if (error instanceof AppRoleError) fail(`cannot set up the runtime role: ${error.message}`);
    throw error;
  }
  await owner.destroy();
  const dataSource = await openDatabase(runtimeUrl);
  const seeded = (embedded !== null || config.seedDemo || seedOnly) && (await seedDemoIfEmpty(dataSource, config.demoPassword));
  if (seeded) say('seeded the demo city (Shymkent).');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), new VigilExpressAdapter(), {
    bufferLogs: true,
    // `guardApiRequests` reads bodies: JSON only, answered in the contract's words when it fails.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  if (seeded) await seedDemoCases(app.get(CasesService), dataSource);
  if (seedOnly) {
    if (!seeded) say('the database is not empty: nothing seeded.');
    await app.close();
    await embedded?.stop();
    return;
  }
  app.useWebSocketAdapter(new PostgresIoAdapter(app, runtimeUrl));
  app.setGlobalPrefix('api');
  app.set('trust proxy', config.trustProxy);
  app.use(helmet());
  app.use(cookieParser());
  guardApiRequests(app);
  // The web app, precompressed at build time; everything under /api and /socket.io passes through.
  if (config.webDist) app.use(serveWebApp(config.webDist));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new JsonRoutesOnly(app.get(Reflector)));
  // Answers are live case data, never revalidated: no SHA-1 of every body for an ETag.
  app.set('etag', false);
  const openApi = new DocumentBuilder().setTitle('Vigil API').setVersion('1').addBearerAuth().build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs/json' });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing in-flight requests and stopping…`);
    // A shutdown that cannot finish must not keep the process (and its port) forever.
    setTimeout(() => fail(`could not stop within ${SHUTDOWN_GRACE_MS / 1000} s; exiting anyway`), SHUTDOWN_GRACE_MS).unref();
    // Closing the app waits for in-flight requests and closes the database and sockets.
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen(config.port);
  say(`ready at http://localhost:${config.port}${config.webDist ? '' : ' (API only: the web app is not built)'}`);
  if (embedded !== null || config.seedDemo) {
    const password = config.demoPassword === DEFAULT_DEMO_PASSWORD ? `"${DEFAULT_DEMO_PASSWORD}"` : 'the one in DEMO_PASSWORD';
    say(`demo sign-ins, password ${password}: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

start().catch((error: unknown) => fail(`could not start: ${error instanceof Error ? error.message : String(error)}`));
