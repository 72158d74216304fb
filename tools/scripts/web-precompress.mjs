#!/usr/bin/env node
// `node tools/scripts/web-precompress.mjs <dir>`: writes `<file>.br` and `<file>.gz` beside every
// text file of the built web app, compressed once at build time at the highest levels, so that
// the server sends them as they are (see `serveWebApp` in @vigil/api-core).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What compresses: text, and the icon (an uncompressed bitmap). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.txt', '.svg', '.map', '.ico', '.webmanifest']);

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: web-precompress.mjs <dist/apps/web/browser>\n');
  process.exit(2);
}

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(name))) yield path;
  }
}

let raw = 0;
let brotli = 0;
let count = 0;
for (const path of files(dir)) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
  count += 1;
}
process.stdout.write(`web: precompressed ${count} files in ${relative(process.cwd(), dir) || '.'} (${raw} bytes, ${brotli} with brotli)\n`);
