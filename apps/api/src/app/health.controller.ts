import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@vigil/api-auth';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

/** How long the database may take to answer before the server reports itself unavailable. */
export const HEALTH_DEADLINE_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database answers, 503 otherwise' })
  async health(@Res({ passthrough: true }) response: Response): Promise<{ status: 'ok' | 'unavailable'; database: 'up' | 'down' }> {
    // The deadline is cleared as soon as the database answers: a pending timer would keep this
    // request's objects alive for its two seconds, and monitors call this often.
    let deadline: NodeJS.Timeout | undefined;
    const up = await Promise.race([
      this.db.query('SELECT 1').then(() => true, () => false),
      new Promise<boolean>((resolve) => (deadline = setTimeout(resolve, HEALTH_DEADLINE_MS, false).unref())),
    ]).finally(() => clearTimeout(deadline));
    if (!up) response.status(503);
    return { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' };
  }
}
