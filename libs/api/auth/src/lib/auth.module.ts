import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, LoginFailureEntity, SessionEntity } from '@vigil/api-database';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AccountBudget } from './account-budget';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SecurityLog } from './security-log.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([AccountEntity, SessionEntity, LoginFailureEntity]),
    JwtModule.registerAsync({
      inject: [VIGIL_CONFIG],
      // Without JWT_SECRET each process signs with its own key: access tokens end at restart
      // and the client refreshes (sessions live in the database).
      useFactory: (config: VigilConfig) => {
        // A key object, made once: given a string, jsonwebtoken first tries to parse it as a
        // public (or private) key on every verification (and signing), which throws, and only
        // then makes the secret key. The same bytes: tokens stay valid.
        const key = createSecretKey(Buffer.from(config.jwtSecret ?? randomBytes(48).toString('base64')));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, LoginThrottleService, AccountBudget, SecurityLog, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionsService, AccountBudget, SecurityLog],
})
export class AuthModule {}
