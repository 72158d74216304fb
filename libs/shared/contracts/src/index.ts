export * from './lib/access';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/admin';
export * from './lib/cases';
export * from './lib/sockets';
export * from './lib/workflow';
