import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '@vigil/api-core';
import { can, type Action } from '@vigil/contracts';
import { ACTION_KEY, PUBLIC_KEY, type AuthenticatedRequest } from './decorators';
import { AccountBudget } from './account-budget';
import { SessionsService } from './sessions.service';

/** The one REST guard: a live session for everything not `@Public()`, then the permission table's answer for `@Can()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly budget: AccountBudget,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    request.user = await this.sessions.authenticate(token);
    this.budget.spend(request.user.id);
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION_KEY, targets);
    if (action && !can(request.user.role, action)) throw forbidden();
    return true;
  }
}
