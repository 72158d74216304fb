import { canRead, TIERS, type Tier } from '@vigil/contracts';
import type { CaseEntity, CaseEventEntity } from '@vigil/api-database';

/** The columns of a case row that the log reads and moves. */
export type CaseHead = Pick<
  CaseEntity,
  | 'id'
  | 'lastSeq'
  | 'lastSeqRoom'
  | 'lastSeqState'
  | 'lastSeqOversight'
  | 'lastSeqProsecution'
  | 'updatedAtRoom'
  | 'updatedAtState'
  | 'updatedAtOversight'
  | 'updatedAtProsecution'
  | 'headHash'
>;

/** The per-clearance counters of a case row and an event row, by clearance. */
const CASE_HEAD = {
  room: 'lastSeqRoom',
  state: 'lastSeqState',
  oversight: 'lastSeqOversight',
  prosecution: 'lastSeqProsecution',
} as const satisfies Record<Tier, keyof CaseEntity>;

const CASE_UPDATED = {
  room: 'updatedAtRoom',
  state: 'updatedAtState',
  oversight: 'updatedAtOversight',
  prosecution: 'updatedAtProsecution',
} as const satisfies Record<Tier, keyof CaseEntity>;

const EVENT_PREV = {
  room: 'prevSeqRoom',
  state: 'prevSeqState',
  oversight: 'prevSeqOversight',
  prosecution: 'prevSeqProsecution',
} as const satisfies Record<Tier, keyof CaseEventEntity>;

/** The same, as SQL column names. */
export const CASE_HEAD_COLUMN: Record<Tier, string> = {
  room: 'last_seq_room',
  state: 'last_seq_state',
  oversight: 'last_seq_oversight',
  prosecution: 'last_seq_prosecution',
};
export const CASE_UPDATED_COLUMN: Record<Tier, string> = {
  room: 'updated_at_room',
  state: 'updated_at_state',
  oversight: 'updated_at_oversight',
  prosecution: 'updated_at_prosecution',
};

export const headSeqFor = (kase: CaseHead, clearance: Tier) => kase[CASE_HEAD[clearance]];
export const updatedAtFor = (kase: CaseEntity, clearance: Tier) => kase[CASE_UPDATED[clearance]];
export const prevSeqFor = (event: CaseEventEntity, clearance: Tier) => event[EVENT_PREV[clearance]];

/** Clearances that may see content of `tier`. */
export const clearancesReading = (tier: Tier): Tier[] => TIERS.filter((clearance) => canRead(clearance, tier));

/** Moves a case's counters past a new event of `tier`; returns the event's `prevSeq` per clearance. */
export function advanceHeads(kase: CaseHead, seq: number, tier: Tier, at: Date): Record<Tier, number> {
  const prev = {} as Record<Tier, number>;
  for (const clearance of TIERS) {
    prev[clearance] = kase[CASE_HEAD[clearance]];
    if (canRead(clearance, tier)) {
      kase[CASE_HEAD[clearance]] = seq;
      kase[CASE_UPDATED[clearance]] = at;
    }
  }
  kase.lastSeq = seq;
  return prev;
}
