// A small keep-alive HTTP client for the REST side (lighter than fetch on the generator's core).
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function httpClient(origin, maxSockets = 64) {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets });
  /** → { status, body (parsed JSON or text), headers } */
  const call = (method, path, { token, body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            ...headers,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON
            }
            resolve({ status: res.statusCode, body: parsed, headers: res.headers });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  return { call, close: () => agent.destroy() };
}

/** Waits for `GET /api/health` → 200, failing early if the process exits. */
export async function waitHealthy(origin, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const client = httpClient(origin, 1);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output().slice(-3000)}`);
      try {
        if ((await client.call('GET', '/api/health')).status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    client.close();
  }
}
