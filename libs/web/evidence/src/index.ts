export * from './lib/evidence-tab';
