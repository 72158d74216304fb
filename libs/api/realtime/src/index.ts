export * from './lib/realtime.module';
export * from './lib/postgres-io.adapter';
