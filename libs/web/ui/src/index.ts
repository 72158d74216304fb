export * from './lib/agency-badge';
export * from './lib/language-switch';
export * from './lib/date-time-pipe';
export * from './lib/duration-pipe';
export * from './lib/file-size-pipe';
export * from './lib/reason-dialog';
export * from './lib/server-errors';
