import type { LoginResponse } from '@vigil/contracts';
import { Client } from 'pg';

export const baseUrl = () => process.env['VIGIL_E2E_URL'] as string;
export const DEMO_PASSWORD = 'vigil-demo';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One REST call to the running server, as a client would make it. */
export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
  const send = () =>
    fetch(`${baseUrl()}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // Compiling the next suite blocks the event loop for seconds: the server closes the idle
    // keep-alive connections meanwhile, and the first request may go out on one it has closed
    // (it never reached the server). Once more, on a fresh connection.
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    response = await send();
  }
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

let addressCounter = 0;
/**
 * A fresh client address per call (the server trusts X-Forwarded-For in tests) so throttling stays per test.
 * Each suite counts from the start: one that fails sign-ins in bulk passes a network of its own.
 */
export const freshAddress = (network = '10.0') => `${network}.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

export async function login(email: string, password = DEMO_PASSWORD): Promise<LoginResponse & { refreshCookie: string }> {
  const answer = await call<LoginResponse>('POST', '/api/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': freshAddress() },
  });
  if (answer.status !== 200) throw new Error(`login ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const cookie = (answer.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('vigil_refresh='));
  return { ...answer.body, refreshCookie: (cookie ?? '').split(';')[0] };
}

export async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env['VIGIL_E2E_DATABASE_URL'] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
