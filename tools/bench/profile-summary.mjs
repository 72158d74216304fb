#!/usr/bin/env node
// Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from `npm run bench -- --profile`):
// self time by function and by package, to see where a process spends its core.
//   node tools/bench/profile-summary.mjs <file.cpuprofile | directory> [top=25] [--last=<seconds>]
// --last keeps only the samples of the profile's last seconds (e.g. the fixed-rate steps at the
// end of a real-time run, without start-up, sign-in and joining).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const lastArg = process.argv.find((arg) => arg.startsWith('--last='));
const lastSeconds = lastArg ? Number(lastArg.slice('--last='.length)) : null;
const [target, topArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!target) {
  process.stderr.write('usage: node tools/bench/profile-summary.mjs <file.cpuprofile | directory> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTicks = new Map();
  // Sample i was taken at startTime + the sum of timeDeltas[0..i].
  let at = profile.startTime;
  const since = lastSeconds === null ? -Infinity : profile.endTime - lastSeconds * 1e6;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < since) return;
    selfTicks.set(id, (selfTicks.get(id) ?? 0) + 1);
    total++;
  });
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, ticks] of selfTicks) {
    const { callFrame } = byId.get(id);
    const name = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ticks);
    const pkg = packageOf(callFrame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ticks);
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  process.stdout.write(`\n${file}: ${seconds.toFixed(1)} s, ${total} samples${lastSeconds === null ? '' : ` in the last ${lastSeconds} s`}\n`);
  process.stdout.write(`\nself time by package:\n`);
  for (const [pkg, ticks] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${((ticks / total) * 100).toFixed(1).padStart(5)}%  ${pkg}\n`);
  }
  process.stdout.write(`\nself time by function:\n`);
  for (const [name, ticks] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${((ticks / total) * 100).toFixed(1).padStart(5)}%  ${name}\n`);
  }
}

function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
}

function packageOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) return functionName === '(garbage collector)' ? '(garbage collector)' : functionName === '(idle)' ? '(idle)' : functionName === '(program)' ? '(program: native, outside JS)' : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return `node core (${url.slice(5).split('/')[0]})`;
  if (url.includes('/dist/apps/api/')) return 'Vigil (dist/apps/api/main.js)';
  return shortUrl(url);
}
