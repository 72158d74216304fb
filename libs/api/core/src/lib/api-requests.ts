import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiError } from '@vigil/contracts';
import type { NextFunction, Request, Response } from 'express';
import { detail, ApiException, forbidden } from './errors';
import { toApiError } from './exception-filter';

/** The largest JSON body accepted (the contract's texts fit many times over); more is 413. */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Answers in the contract's shape from a middleware, before any route (and its filters) is reached. */
function refuse(response: Response, error: ApiException): void {
  response.status(error.getStatus()).json(error.toApiError());
}

const invalidHeader = (field: 'content-type' | 'content-encoding', message: string) =>
  new ApiException('VALIDATION', `${field} ${message}`, [detail(field, field === 'content-type' ? 'content_type' : 'content_encoding', message)]);

/** Whether the request carries a body: an empty one (`Content-Length: 0`, what clients send on a bare POST) does not count. */
function carriesBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/** The media type of the body, lower-cased, without parameters; and its charset, if named. */
function mediaType(request: Request): { type: string; charset: string | null } {
  const [type, ...parameters] = (request.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='));
  return { type, charset: charset ? charset.slice('charset='.length).replace(/^"|"$/g, '') : null };
}

/**
 * Every `/api` answer: never stored by a browser or a proxy (answers carry tokens, and the victim's
 * identity to those cleared for it; a shared computer's cache must not keep them).
 */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * A write a browser sends from another site carries that site's `Origin`: refused, so that no page
 * elsewhere can sign someone in, refresh or end their session, or write with their cookie. The host
 * is compared, not the scheme, which a TLS proxy that is not trusted hides. Clients that are not
 * browsers send no `Origin` and are not concerned.
 */
function sameOriginWrites(request: Request, response: Response, next: NextFunction): void {
  const origin = request.headers['origin'];
  if (origin === undefined || !STATE_CHANGING.has(request.method)) return next();
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // `null` (a sandboxed page, a redirect across sites) or garbage: not this site.
  }
  const own = (request.host ?? '').toLowerCase();
  if (host !== null && host !== '' && (host === own || host === own.replace(/:(80|443)$/, ''))) return next();
  refuse(response, forbidden('Requests from another site are not accepted', 'other_site', 'origin'));
}

const isMultipart = (request: Request) => carriesBody(request) && mediaType(request).type === 'multipart/form-data';

/**
 * Bodies are JSON objects, uncompressed. Anything else (a form, plain text, XML) is refused by name
 * before it is read: a browser posts forms and plain text from any site without asking, JSON never.
 * Multipart goes on, for the upload routes to parse (`TakesUpload`); `JsonRoutesOnly` refuses it elsewhere.
 */
function jsonOnly(request: Request, response: Response, next: NextFunction): void {
  if (!carriesBody(request)) return next();
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return refuse(response, invalidHeader('content-encoding', 'must be identity: compressed bodies are not accepted'));
  const { type, charset } = mediaType(request);
  if (type === 'multipart/form-data') return next();
  if (type !== 'application/json') return refuse(response, invalidHeader('content-type', 'must be application/json'));
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return refuse(response, invalidHeader('content-type', 'must be application/json in UTF-8'));
  next();
}

/** A body that parsed, yet is not an object (`null`, `"x"`, `1`, an array): no operation takes one. */
function objectBodies(request: Request, response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    return refuse(response, new ApiException('VALIDATION', 'body must be a JSON object', [detail('body', 'json_object', 'must be a JSON object')]));
  }
  next();
}

/**
 * Failures before any route (a body that does not parse, one too large): answered here, in the
 * contract's shape. Passed on, they would reach the web app's fallback, which answers 404.
 */
function requestFailures(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  const status = (error as { status?: unknown })?.status;
  const body = typeof status === 'number' && status >= 400 && status < 500 ? bodyFailure(status, (error as { type?: unknown }).type) : toApiError(error);
  response.status(body.statusCode).json(body);
}

/** Why body-parser could not read a body (its `status` and `type`), in the contract's words and never the parser's own. */
export function bodyFailure(status: number, type: unknown): ApiError {
  if (status === 413 || type === 'entity.too.large') {
    const message = `must not be larger than ${JSON_BODY_LIMIT_BYTES / 1024} KB`;
    return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `body ${message}`, details: [detail('body', 'body_too_large', message, { max: JSON_BODY_LIMIT_BYTES })] };
  }
  const found =
    type === 'entity.parse.failed'
      ? detail('body', 'json', 'must be valid JSON')
      : type === 'encoding.unsupported'
        ? detail('content-encoding', 'content_encoding', 'must be identity: compressed bodies are not accepted')
        : type === 'charset.unsupported'
          ? detail('content-type', 'content_type', 'must be application/json in UTF-8')
          : detail('body', 'json', 'could not be read');
  return { statusCode: 400, code: 'VALIDATION', message: `${found.field} ${found.message}`, details: [found] };
}

/**
 * What every `/api` request goes through before its route: answers never cached, writes only from
 * this site, bodies only JSON objects within `JSON_BODY_LIMIT_BYTES`. Call before `listen`, in
 * place of Nest's body parsers (`bodyParser: false`).
 */
export function guardApiRequests(app: NestExpressApplication): void {
  app.use('/api', noStore, sameOriginWrites, jsonOnly);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES, inflate: false, strict: false });
  app.use('/api', objectBodies, requestFailures);
}

const TAKES_UPLOAD = 'vigil:takes-upload';

/** Marks a route that takes a multipart upload; every other route takes JSON only. */
export const TakesUpload = () => SetMetadata(TAKES_UPLOAD, true);

/** Refuses a multipart body on a route not marked `TakesUpload`, where it would pass as no body at all. */
@Injectable()
export class JsonRoutesOnly implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    if (context.getType() === 'http' && isMultipart(context.switchToHttp().getRequest<Request>()) && !this.reflector.get<boolean>(TAKES_UPLOAD, context.getHandler())) {
      throw invalidHeader('content-type', 'must be application/json');
    }
    return next.handle();
  }
}
