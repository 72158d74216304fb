import { Global, Module, type DynamicModule } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from './config';

/** Makes the validated configuration injectable everywhere as `VIGIL_CONFIG`. */
@Global()
@Module({})
export class VigilConfigModule {
  static forRoot(config: VigilConfig): DynamicModule {
    return { module: VigilConfigModule, providers: [{ provide: VIGIL_CONFIG, useValue: config }], exports: [VIGIL_CONFIG] };
  }
}
