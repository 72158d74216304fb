export * from './lib/case-tabs';
export * from './lib/workflow-routes';
export * from './lib/register-case';
export * from './lib/status-menu';
export * from './lib/intake-tab';
export * from './lib/visit-tab';
export * from './lib/tasks-tab';
export * from './lib/task-form';
export * from './lib/my-work';
export * from './lib/place-list';
export * from './lib/place-detail';
// What the evidence and proceedings sections build on.
export * from './lib/live-section';
export * from './lib/local-time';
export * from './lib/roles';
export * from './lib/clock';
