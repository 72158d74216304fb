import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { AuthUser } from '@vigil/api-auth';
import { isUuid } from '@vigil/api-core';
import { can } from '@vigil/contracts';
import { from, mergeMap, type Observable } from 'rxjs';
import { AccessAudit } from './access-audit';

/** Every route that reads one case: `GET /api/cases/:id` and all below it, whichever module serves it. */
const CASE_ROUTE = /\/cases\/:id(\/|$)/;

/**
 * A chief prosecutor may read any case; reading one they are not a member of is supervision, and
 * is recorded in the case's access log once the read succeeded, before the answer leaves.
 */
@Injectable()
export class SupervisoryReads implements NestInterceptor {
  constructor(private readonly audit: AccessAudit) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ method: string; route?: { path?: string }; params?: Record<string, string>; user?: AuthUser }>();
    const caseId = request.params?.['id'];
    const user = request.user;
    if (request.method !== 'GET' || !user || !can(user.role, 'case.supervise') || !CASE_ROUTE.test(request.route?.path ?? '') || !isUuid(caseId)) {
      return next.handle();
    }
    return next.handle().pipe(mergeMap((answer) => from(this.audit.recordSupervision(user, caseId.toLowerCase()).then(() => answer))));
  }
}
