import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, type LoginResponse, type Me, type RefreshResponse } from '@vigil/contracts';
import { IsNotEmpty, IsString } from 'class-validator';
import { MaxChars } from '@vigil/api-core';
import type { Request, Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { SessionsService, type IssuedTokens } from './sessions.service';

class LoginBody {
  @ApiProperty({ example: 'prosecutor@demo.vigil' })
  @IsString()
  @IsNotEmpty()
  @MaxChars(320)
  email!: string;

  @ApiProperty({ example: 'vigil-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxChars(1024)
  password!: string;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: an access token, and a refresh cookie' })
  async login(@Body() body: LoginBody, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { user, ...tokens } = await this.auth.login(body.email, body.password, request.ip ?? 'unknown');
    setRefreshCookie(response, tokens);
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user };
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token for the refresh cookie, which rotates' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<RefreshResponse> {
    const tokens = await this.sessions.refresh(request.cookies?.[REFRESH_COOKIE]);
    setRefreshCookie(response, tokens);
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its refresh and access tokens stop working' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revoke({ id: user.sessionId });
    response.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH, httpOnly: true, sameSite: 'strict' });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account and its agency' })
  me(@CurrentUser() user: AuthUser): Me {
    const { sessionId, ...me } = user;
    return me;
  }
}

function setRefreshCookie(response: Response, tokens: IssuedTokens): void {
  response.cookie(REFRESH_COOKIE, tokens.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: response.req.secure,
    path: REFRESH_COOKIE_PATH,
    expires: tokens.refreshExpiresAt,
  });
}
