export * from './lib/agency-badge';
export * from './lib/language-switch';
