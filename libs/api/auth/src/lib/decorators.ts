import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Action } from '@vigil/contracts';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'vigil:public';
export const ACTION_KEY = 'vigil:action';

/** Reachable without a token (sign-in, refresh, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only roles that may do `action` (the permission table of `@vigil/contracts`) call the handler; 403 otherwise. */
export const Can = (action: Action) => SetMetadata(ACTION_KEY, action);

export type AuthenticatedRequest = Request & { user: AuthUser };

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
