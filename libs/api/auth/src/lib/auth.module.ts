import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, LoginFailureEntity, SessionEntity } from '@vigil/api-database';
import { randomBytes } from 'node:crypto';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AccountEntity, SessionEntity, LoginFailureEntity]),
    JwtModule.registerAsync({
      inject: [VIGIL_CONFIG],
      // Without JWT_SECRET each process signs with its own key: access tokens end at restart
      // and the client refreshes (sessions live in the database).
      useFactory: (config: VigilConfig) => ({
        secret: config.jwtSecret ?? randomBytes(48).toString('base64'),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionsService],
})
export class AuthModule {}
