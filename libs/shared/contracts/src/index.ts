export * from './lib/access';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/admin';
