export * from './lib/case-routes';
export * from './lib/case-list';
export * from './lib/case-room';
export * from './lib/composer';
export * from './lib/visit';
