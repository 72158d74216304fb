import { effect, inject, signal, untracked, type Signal } from '@angular/core';
import { canRead, clearanceOf, type Tier } from '@vigil/contracts';
import { apiErrorOf, CaseRoomStore } from '@vigil/web-data-access';
import { firstValueFrom, type Observable } from 'rxjs';

/** `unavailable`: the server says it does not exist for this viewer (a clearance below its tier). */
export type SectionState = 'loading' | 'ready' | 'unavailable' | 'failed';

export interface LiveSection<T> {
  readonly value: Signal<T | null>;
  readonly state: Signal<SectionState>;
  /** Reads it again now (after an own change, before its event arrives). */
  reload(): Promise<void>;
}

/**
 * A part of the open case read over REST, and read again whenever the case's log (held by the
 * room's `CaseRoomStore`) shows a new event whose type starts with one of `prefixes`: a task
 * assigned by someone else appears without a reload. With `readableAt`, a viewer whose role
 * cannot read that tier is told so without a request. Call in an injection context.
 */
export function liveSection<T>(
  fetch: () => Observable<T>,
  prefixes: readonly string[],
  options: { readableAt?: Tier } = {},
): LiveSection<T> {
  const room = inject(CaseRoomStore);
  const mark = room.changeMark(prefixes);
  const value = signal<T | null>(null);
  const state = signal<SectionState>('loading');
  let latest = 0;

  const reload = async (): Promise<void> => {
    const request = ++latest;
    const me = room.me();
    if (options.readableAt && !canRead(me ? clearanceOf(me.role) : null, options.readableAt)) {
      // Above this viewer's clearance: the server would only answer that it does not exist.
      state.set('unavailable');
      return;
    }
    try {
      const result = await firstValueFrom(fetch());
      if (request === latest) {
        value.set(result);
        state.set('ready');
      }
    } catch (error) {
      if (request !== latest) {
        return;
      }
      const status = apiErrorOf(error).statusCode;
      if (status === 404 || status === 403) {
        value.set(null);
        state.set('unavailable');
      } else if (value() === null) {
        state.set('failed');
      }
    }
  };

  effect(() => {
    mark();
    untracked(() => void reload());
  });
  return { value: value.asReadonly(), state: state.asReadonly(), reload };
}
