#!/usr/bin/env node
// `node tools/scripts/web-budget.mjs [dist/apps/web]`: fails the web build when the sign-in page
// (index.html, the initial scripts, the stylesheet, the sign-in chunk and the English dictionary
// inside them) or the code of the case list weighs more, brotli-compressed, than people in the
// field should wait for on a phone. The limits are in README ("Size budget").
import { join } from 'node:path';
import { pageWeights } from './web-weight.mjs';

export const BUDGETS = {
  signIn: { label: 'sign-in page', limit: 150_000 },
  caseList: { label: 'case list (code only)', limit: 350_000 },
};

const dist = process.argv[2] ?? join('dist', 'apps', 'web');
const weights = pageWeights(dist);
let over = false;
for (const [page, { label, limit }] of Object.entries(BUDGETS)) {
  const { brotli, raw, files } = weights[page];
  if (brotli === 0) {
    process.stderr.write(`web budget: no precompressed files for the ${label}: run tools/scripts/web-precompress.mjs first\n`);
    process.exit(1);
  }
  const line = `${label}: ${brotli} bytes brotli (${raw} raw, ${files.length} files), limit ${limit}`;
  if (brotli > limit) {
    over = true;
    process.stderr.write(`web budget exceeded: ${line}\n`);
  } else {
    process.stdout.write(`web budget: ${line}\n`);
  }
}
process.exit(over ? 1 : 0);
