import type { NextFunction, Request, Response } from 'express';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Built files whose name carries their content's hash (`chunk-V7NKJEZO.js`): they never change. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/** Paths the web app never answers: the API and the sockets have their own handlers. */
const NOT_THE_APP = /^\/(api|socket\.io)(\/|$)/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

type Encoding = 'br' | 'gzip';
const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/**
 * The encodings the client accepts, best first among what is precompressed: brotli, then gzip
 * (`q=0` refuses one; `*` accepts any not named).
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((encoding) => weight(encoding) > 0);
}

function fileAt(path: string): Stats | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app from `root`: each text file as the `.br` or `.gz` written beside it at
 * build time when the client accepts it (nothing is compressed per request), hashed files cached
 * for a year, and `index.html` (also the answer for every app route) revalidated on each visit so
 * that a new release is picked up at once.
 */
export function serveWebApp(folder: string) {
  const root = resolve(folder);
  const index = join(root, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_APP.test(request.path)) {
      next();
      return;
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(request.path));
    } catch {
      relative = '/';
    }
    let path = join(root, relative);
    let stats = path.startsWith(root + sep) ? fileAt(path) : null;
    if (stats === null) {
      // An app route (`/cases/…`) gets the app; a missing file (`/chunk-OLD.js` of a past release) a 404.
      if (extname(relative) !== '') {
        response.status(404).setHeader('Cache-Control', 'no-cache');
        response.type('text/plain').send('Not found');
        return;
      }
      path = index;
      stats = fileAt(index);
      if (stats === null) {
        next();
        return;
      }
    }
    const extension = extname(path);
    response.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('Vary', 'Accept-Encoding');
    let body = path;
    let size = stats.size;
    for (const encoding of acceptedEncodings(request.headers['accept-encoding'])) {
      const compressed = fileAt(path + SUFFIX[encoding]);
      if (compressed !== null) {
        response.setHeader('Content-Encoding', encoding);
        body = path + SUFFIX[encoding];
        size = compressed.size;
        break;
      }
    }
    // The source file's size and time name this version; the encoding tells its variants apart.
    const etag = `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${body === path ? '' : body.slice(path.length)}"`;
    response.setHeader('ETag', etag);
    if (request.headers['if-none-match'] === etag) {
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Length', size);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(body)
      .on('error', (error) => next(error))
      .pipe(response);
  };
}
