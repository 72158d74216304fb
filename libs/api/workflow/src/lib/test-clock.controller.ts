import { Body, Controller, Inject, Put } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@vigil/api-auth';
import { Clock, notFound, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { VisitClock } from './visit-clock';
import { SetClockBody } from './workflow.dto';

/** Moves time for deadline tests; answers 404 unless `CLOCK_CONTROL` is on. */
@ApiExcludeController()
@Controller('test/clock')
export class TestClockController {
  constructor(
    private readonly clock: Clock,
    private readonly visits: VisitClock,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  @Public()
  @Put()
  async set(@Body() body: SetClockBody): Promise<{ now: string; alerts: number }> {
    if (!this.config.clockControl) throw notFound();
    this.clock.set(new Date(body.now));
    return { now: this.clock.now().toISOString(), alerts: await this.visits.sweep() };
  }
}
