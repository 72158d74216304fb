import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock';
import { VIGIL_CONFIG, type VigilConfig } from './config';

/** Makes the validated configuration (`VIGIL_CONFIG`) and the clock injectable everywhere. */
@Global()
@Module({})
export class VigilConfigModule {
  static forRoot(config: VigilConfig): DynamicModule {
    return {
      module: VigilConfigModule,
      providers: [{ provide: VIGIL_CONFIG, useValue: config }, Clock],
      exports: [VIGIL_CONFIG, Clock],
    };
  }
}
