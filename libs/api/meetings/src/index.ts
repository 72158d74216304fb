export * from './lib/meetings.module';
export * from './lib/meetings.service';
export * from './lib/meetings.dto';
