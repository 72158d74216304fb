// What each page of the built web app downloads, read from the build's metafile (stats.json):
// the files a page loads are index.html, the stylesheet, the chunks the entry imports
// statically and those of the routes it opens, each with its own static imports.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The lazy entries each measured page loads, besides the initial ones (main and what it imports). */
export const PAGES = {
  signIn: ['apps/web/src/app/sign-in.page.ts'],
  caseList: ['apps/web/src/app/shell.page.ts', 'libs/web/cases/src/index.ts'],
};

/**
 * `{ files, raw, brotli, gzip }` for each page of `PAGES`: `dist` is the build's folder
 * (with `browser/` and `stats.json`); sizes in bytes, of the precompressed files.
 */
export function pageWeights(dist) {
  const stats = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
  const outputs = stats.outputs;
  const byEntry = new Map(Object.entries(outputs).filter(([, o]) => o.entryPoint).map(([path, o]) => [o.entryPoint, path]));
  const closure = (start, into) => {
    if (into.has(start)) return into;
    into.add(start);
    for (const imported of outputs[start]?.imports ?? []) {
      if (imported.kind === 'import-statement' && outputs[imported.path]) closure(imported.path, into);
    }
    return into;
  };
  const main = byEntry.get('apps/web/src/main.ts');
  if (!main) throw new Error(`no main entry in ${join(dist, 'stats.json')}`);
  const initial = closure(main, new Set());
  const styles = Object.keys(outputs).filter((path) => basename(path).startsWith('styles-') && path.endsWith('.css'));
  const result = {};
  for (const [page, entries] of Object.entries(PAGES)) {
    const files = new Set([...initial, ...styles]);
    for (const entry of entries) {
      const output = byEntry.get(entry);
      if (!output) throw new Error(`the build has no chunk for ${entry}`);
      closure(output, files);
    }
    const names = ['index.html', ...[...files].map((path) => basename(path))];
    const size = (name) => (existsSync(name) ? statSync(name).size : 0);
    result[page] = {
      files: names,
      raw: names.reduce((sum, name) => sum + size(join(dist, 'browser', name)), 0),
      brotli: names.reduce((sum, name) => sum + size(join(dist, 'browser', `${name}.br`)), 0),
      gzip: names.reduce((sum, name) => sum + size(join(dist, 'browser', `${name}.gz`)), 0),
    };
  }
  return result;
}
