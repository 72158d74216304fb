export * from './lib/config';
export * from './lib/errors';
export * from './lib/validation';
export * from './lib/exception-filter';
export * from './lib/passwords';
export * from './lib/ids';
export * from './lib/logging';
export * from './lib/config.module';
