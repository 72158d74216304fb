export * from './lib/guards';
export * from './lib/sign-in';
export * from './lib/shell';
