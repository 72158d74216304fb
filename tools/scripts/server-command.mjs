// How the API server runs: `npm start` and the benchmark start it the same way.
import { join } from 'node:path';

/**
 * V8 options of the server process. The old generation starts at 512 MB: under load a post's
 * objects that outlive a young collection are promoted at about 8 KB a post, and with V8's
 * default start the old generation was collected every 1–4 s at 1,200 posts/s. Each major
 * collection (concurrent marking on the server's core, then pauses of 8–16 ms) held every post
 * back for 100–150 ms; with this start they come about once a minute at that rate. The cost is
 * memory: the heap grows to about 512 MB before its first major collection.
 */
export const SERVER_NODE_FLAGS = ['--initial-old-space-size=512'];

/** The built server's entry point. */
export const serverMain = (root) => join(root, 'dist/apps/api/main.js');
