import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { errorCodeForStatus, type ApiError } from '@vigil/contracts';
import type { Response } from 'express';
import { ApiException } from './errors';

/** Renders every REST failure in the contract's error shape; never leaks a stack or SQL. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) }, 'unexpected failure');
    }
    if (body.code === 'RATE_LIMITED' && exception instanceof ApiException && exception.retryAfterSeconds) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }
}

export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiException) return exception.toApiError();
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = errorCodeForStatus(status);
    const raw = exception.getResponse();
    const message =
      status === 404 ? 'Not found' : typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
    return { statusCode: status, code, message };
  }
  // body-parser failures carry a status of their own (malformed JSON 400, too large 413).
  const status = (exception as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = errorCodeForStatus(status);
    const message = status === 413 ? 'Request body too large' : status === 400 ? 'Malformed request body' : 'Bad request';
    return { statusCode: status, code, message };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'Internal error' };
}
