import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort, startServer, stopAllServers, waitForOutput, workspaceRoot } from './support/server';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw HTTP exchange: the body as it came over the wire, not decompressed. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((done, fail) => {
    const outgoing = request({ host: 'localhost', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('the web app as served', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'vigil-web-'));
  const script = 'export const words = ' + JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i % 37}`)) + ';\n';
  const index = '<!doctype html><html lang="en"><head><title>Vigil</title></head><body><app-root></app-root></body></html>\n';
  let port: number;

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), index);
    writeFileSync(join(webDist, 'chunk-ABCD2345.js'), script);
    writeFileSync(join(webDist, 'styles-WXYZ6789.css'), 'body { margin: 0; }\n'.repeat(50));
    // The same step as the web build: .br and .gz beside each file.
    const compressed = spawnSync(process.execPath, [join(workspaceRoot, 'tools/scripts/web-precompress.mjs'), webDist], { encoding: 'utf8' });
    expect(compressed.status).toBe(0);
    port = await freePort();
    const server = startServer({ PORT: String(port), DATABASE_URL: process.env['VIGIL_E2E_DATABASE_URL'] as string, WEB_DIST: webDist });
    await waitForOutput(server, /ready at/);
  });

  afterAll(async () => {
    await stopAllServers();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a hashed script brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const answer = await get(port, '/chunk-ABCD2345.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gzip = await get(port, '/chunk-ABCD2345.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get(port, '/chunk-ABCD2345.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(script);
  });

  it('serves the stylesheet as CSS and answers HEAD without a body', async () => {
    const answer = await get(port, '/styles-WXYZ6789.css', { 'accept-encoding': 'br' }, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(Number(answer.headers['content-length'])).toBe(readFileSync(join(webDist, 'styles-WXYZ6789.css.br')).length);
    expect(answer.body.length).toBe(0);
  });

  it('answers the app and its routes with index.html, revalidated on every visit', async () => {
    for (const path of ['/', '/index.html', '/cases/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', '/sign-in']) {
      const answer = await get(port, path, { 'accept-encoding': 'gzip' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(answer.body).toString()).toBe(index);
    }
  });

  it('answers 304 to a browser that holds the same version', async () => {
    const first = await get(port, '/', { 'accept-encoding': 'br' });
    const again = await get(port, '/', { 'accept-encoding': 'br', 'if-none-match': String(first.headers['etag']) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another representation: not the same tag.
    const gzip = await get(port, '/', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['etag']).not.toBe(first.headers['etag']);
  });

  it('answers 404 for a file that is not there, and nothing outside the app', async () => {
    for (const path of ['/chunk-GONE2345.js', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const answer = await get(port, path);
      expect(answer.status).toBe(404);
      expect(answer.body.toString()).not.toContain('"name"');
    }
  });

  it('leaves the API to the API: JSON, never stored', async () => {
    const health = await get(port, '/api/health', { 'accept-encoding': 'br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.headers['cache-control']).toBe('no-store');
    const missing = await get(port, '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toMatchObject({ statusCode: 404 });
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});
