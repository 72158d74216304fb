export * from './lib/auth.module';
export * from './lib/auth-user';
export * from './lib/decorators';
export * from './lib/sessions.service';
export * from './lib/account-budget';
export * from './lib/security-log.service';
