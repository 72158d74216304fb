export * from './lib/evidence.module';
export * from './lib/evidence.service';
export * from './lib/evidence.dto';
export * from './lib/evidence-store';
export * from './lib/disk-evidence-store';
export * from './lib/media-type';
export * from './lib/file-name';
export * from './lib/upload';
