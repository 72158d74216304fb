export * from './lib/proceedings.module';
