// How a Node server of Vigil's runs: `npm start` and the benchmark (Vigil and the bare ceiling
// alike) start it with the same V8 options.
import { join } from 'node:path';

/**
 * V8 options of the server process: a young generation fixed at 64 MB semi-spaces.
 *
 * With V8's default (semi-spaces that start at 1 MB, grow to 16 MB under load and shrink again
 * whenever the server is quiet) young collections came every ~100 ms at 1,100 posts/s, so a
 * post's objects still in flight at two of them (queued frames, rows, views) were promoted, the
 * old generation filled at 5–6 MB/s, and each major collection that followed (marking on the
 * server's core, then the pauses) held every delivery back 50–270 ms. Fixed at 64 MB, a 10-s step
 * at that rate held no major collection. Both options are needed: `--max-…` alone lets V8 start
 * small. The cost is 128 MB of resident memory once the server has allocated that much, whatever
 * the number of connections.
 */
export const SERVER_NODE_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=64'];

/** The built API server's entry point. */
export const serverMain = (root) => join(root, 'dist/apps/api/main.js');
