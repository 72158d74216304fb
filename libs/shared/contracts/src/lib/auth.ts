import type { AgencyKind, Role } from './access';

/** The languages of Vigil's screens: agencies and units keep a name in each. */
export const NAME_LANGUAGES = ['en', 'ru', 'kk'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];
export type LocalizedNames = Record<NameLanguage, string>;

export interface AgencyRef {
  id: string;
  /** The English name (`names.en`), for clients that know no other. */
  name: string;
  /** The name in each UI language; always sent by the server. */
  names?: LocalizedNames;
  kind: AgencyKind;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  agency: AgencyRef;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: Me;
}

export interface RefreshResponse {
  accessToken: string;
  expiresIn: number;
}

/** The refresh cookie: httpOnly, SameSite=Strict, path `/api/auth`. */
export const REFRESH_COOKIE = 'vigil_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Failed sign-ins allowed within the window, per account and per address. */
export const LOGIN_THROTTLE = { windowSeconds: 15 * 60, perAccount: 5, perAddress: 50 } as const;
