import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { apiErrorOf, retryAfterSeconds } from './api-error';

describe('api errors', () => {
  it('reads the contract error body', () => {
    const body = { statusCode: 400, code: 'VALIDATION', message: 'bad', details: [{ field: 'role', message: 'no' }] };
    expect(apiErrorOf(new HttpErrorResponse({ status: 400, error: body }))).toEqual(body);
  });

  it('marks an unreachable server with status 0', () => {
    expect(apiErrorOf(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).statusCode).toBe(0);
  });

  it('reads Retry-After in seconds or as a date', () => {
    const inSeconds = new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '840' }) });
    expect(retryAfterSeconds(inSeconds)).toBe(840);

    const now = Date.parse('2026-03-01T10:00:00Z');
    const asDate = new HttpErrorResponse({
      status: 429,
      headers: new HttpHeaders({ 'Retry-After': 'Sun, 01 Mar 2026 10:02:00 GMT' }),
    });
    expect(retryAfterSeconds(asDate, now)).toBe(120);

    expect(retryAfterSeconds(new HttpErrorResponse({ status: 429 }))).toBeNull();
  });
});
