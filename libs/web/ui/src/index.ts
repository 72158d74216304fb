export * from './lib/web-ui/web-ui';
