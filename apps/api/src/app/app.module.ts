import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from '@vigil/api-admin';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { ApiExceptionFilter, loggerParams, VigilConfigModule, type VigilConfig } from '@vigil/api-core';
import { dataSourceOptions } from '@vigil/api-database';
import { EvidenceModule } from '@vigil/api-evidence';
import { MeetingsModule } from '@vigil/api-meetings';
import { ProceedingsModule } from '@vigil/api-proceedings';
import { RealtimeModule } from '@vigil/api-realtime';
import { WorkflowModule } from '@vigil/api-workflow';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

/** Wires the feature modules onto one database and one configuration. */
@Module({})
export class AppModule {
  static forRoot(config: VigilConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        VigilConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(''),
          // The data source that start-up migrated is the one the app uses.
          dataSourceFactory: async () => dataSource,
        }),
        AuthModule,
        AdminModule,
        CasesModule,
        RealtimeModule,
        WorkflowModule,
        MeetingsModule,
        ProceedingsModule,
        EvidenceModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
