import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from './config';

/** Paths that may hold secrets or victim data; pino replaces them before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.victim',
  '*.fullName',
  '*.contact',
  '*.birthYear',
];

/** Nest's start-up chatter (modules loaded, routes mapped): noise at info level, kept at debug. */
const STARTUP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'WebSocketsController']);
const INFO = 30;

/** Structured JSON request logs: method, path (no query string), status, time. */
export function loggerParams(level: LogLevel): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, write, level) {
          const context = (args[0] as { context?: unknown } | undefined)?.context;
          if (level <= INFO && typeof context === 'string' && STARTUP_CONTEXTS.has(context)) return;
          write.apply(this, args);
        },
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
