import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@vigil/contracts';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'vigil:public';
export const ROLES_KEY = 'vigil:roles';

/** Reachable without a token (sign-in, refresh, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the handler (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { user: AuthUser };

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
