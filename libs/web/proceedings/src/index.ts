export * from './lib/examinations-tab';
export * from './lib/outcome-tab';
