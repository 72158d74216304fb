export * from './lib/agency-badge';
export * from './lib/language-switch';
export * from './lib/date-time-pipe';
