export * from './lib/admin-routes';
export * from './lib/admin-area';
export * from './lib/agency-list';
export * from './lib/agency-dialog';
export * from './lib/account-list';
export * from './lib/account-dialog';
export * from './lib/account-roles';
