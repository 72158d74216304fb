export * from './lib/workflow.module';
