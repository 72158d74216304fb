import { HttpClient } from '@angular/common/http';
import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { can, type LoginResponse, type Me, type RefreshResponse } from '@vigil/contracts';
import { firstValueFrom } from 'rxjs';
import { API_URLS } from './api-urls';

/**
 * Set while this browser holds a sign-in (not a secret: the refresh cookie is), so that a visitor
 * who never signed in is not sent to `/api/auth/refresh` for a 401 on every page load.
 */
export const SIGNED_IN_MARKER_KEY = 'vigil.signedIn';

/**
 * Who is signed in. The access token lives only in memory; the refresh token is an httpOnly
 * cookie scoped to `/api/auth`, so a reload signs back in through `restore()`.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly storage = storageOf(inject(DOCUMENT).defaultView);
  private readonly token = signal<string | null>(null);
  private readonly user = signal<Me | null>(null);
  private refreshing: Promise<string> | null = null;

  readonly accessToken = this.token.asReadonly();
  readonly me = this.user.asReadonly();
  readonly signedIn = computed(() => this.user() !== null);
  /** Administrators work in the admin area; they see no case content. */
  readonly isAdmin = computed(() => {
    const role = this.user()?.role;
    return role !== undefined && can(role, 'admin.manage');
  });

  async signIn(email: string, password: string): Promise<Me> {
    const response = await firstValueFrom(this.http.post<LoginResponse>(API_URLS.login, { email, password }));
    this.token.set(response.accessToken);
    this.mark(true);
    return this.loadMe();
  }

  /** On start: trade the refresh cookie, if any, for a token and the profile. Never throws. */
  async restore(): Promise<boolean> {
    if (this.storage !== null && this.storage.getItem(SIGNED_IN_MARKER_KEY) === null) {
      // Never signed in here, or signed out: there is no cookie to trade.
      return false;
    }
    try {
      await this.refresh();
      await this.loadMe();
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  /** One refresh at a time: concurrent callers share it (the refresh token rotates). */
  refresh(): Promise<string> {
    this.refreshing ??= firstValueFrom(this.http.post<RefreshResponse>(API_URLS.refresh, null))
      .then((response) => {
        this.token.set(response.accessToken);
        return response.accessToken;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  async loadMe(): Promise<Me> {
    const me = await firstValueFrom(this.http.get<Me>(API_URLS.me));
    this.user.set(me);
    return me;
  }

  /** Ends the session on the server too; the local session ends even if the server cannot be told. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(API_URLS.logout, null));
    } catch {
      // Already expired or unreachable: nothing more to revoke from here.
    } finally {
      this.clear();
    }
  }

  clear(): void {
    this.token.set(null);
    this.user.set(null);
    this.mark(false);
  }

  private mark(signedIn: boolean): void {
    try {
      if (signedIn) this.storage?.setItem(SIGNED_IN_MARKER_KEY, '1');
      else this.storage?.removeItem(SIGNED_IN_MARKER_KEY);
    } catch {
      // Storage full or blocked: the next load asks the server, as without the marker.
    }
  }
}

/** Local storage, or null where it is blocked (then every load asks the server). */
function storageOf(window: Window | null): Storage | null {
  try {
    return window?.localStorage ?? null;
  } catch {
    return null;
  }
}
