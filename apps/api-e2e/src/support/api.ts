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
  const request = { method, headers, body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) };
  const response = await fetch(`${baseUrl()}${path}`, request).catch((error: unknown) => {
    // The server closes a keep-alive connection after 5 idle seconds; a test process busy that long
    // (loading its next suite) may reuse one the server has just closed. The request never reached
    // the server: it is sent again, on a new connection.
    if (closedIdle(error)) return fetch(`${baseUrl()}${path}`, request);
    throw error;
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

/** undici's "other side closed" (a `TypeError` of another realm under Jest): the server ended the connection before answering. */
const closedIdle = (error: unknown) => (error as { cause?: { code?: string } } | null)?.cause?.code === 'UND_ERR_SOCKET';

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
