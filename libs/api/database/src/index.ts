export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/embedded-postgres';
export * from './lib/demo-seed';
export * from './lib/prepared';
export * from './lib/original-posts';
export * from './lib/app-role';
