export * from './lib/api-urls';
export * from './lib/api-error';
export * from './lib/session';
export * from './lib/auth-interceptor';
export * from './lib/admin-api';
