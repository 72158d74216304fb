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

/** The head of any stream (a case, a meeting): the same columns on both head tables. */
export type StreamHead = CaseHead;

/** The per-clearance counters of a case row (each clearance's head in its own numbering), by clearance. */
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

/** An event's number in each clearance's numbering; the prosecution reads everything, in the global order. */
const EVENT_SEQ = {
  room: 'seqRoom',
  state: 'seqState',
  oversight: 'seqOversight',
  prosecution: 'seq',
} as const satisfies Record<Tier, keyof CaseEventEntity>;

/** The same, as SQL column names. */
export const CASE_HEAD_COLUMN: Record<Tier, string> = {
  room: 'last_seq_room',
  state: 'last_seq_state',
  oversight: 'last_seq_oversight',
  prosecution: 'last_seq_prosecution',
};
export const EVENT_SEQ_COLUMN: Record<Tier, string> = {
  room: 'seq_room',
  state: 'seq_state',
  oversight: 'seq_oversight',
  prosecution: 'seq',
};
export const CASE_UPDATED_COLUMN: Record<Tier, string> = {
  room: 'updated_at_room',
  state: 'updated_at_state',
  oversight: 'updated_at_oversight',
  prosecution: 'updated_at_prosecution',
};

export const headSeqFor = (kase: CaseHead, clearance: Tier) => kase[CASE_HEAD[clearance]];
export const updatedAtFor = (kase: CaseEntity, clearance: Tier) => kase[CASE_UPDATED[clearance]];

/** The event's seq in the numbering of `clearance`; `null` when that clearance cannot read it. */
export const seqFor = (event: Pick<CaseEventEntity, 'seq' | 'seqRoom' | 'seqState' | 'seqOversight'>, clearance: Tier): number | null =>
  event[EVENT_SEQ[clearance]];

/** Clearances that may see content of `tier`. */
export const clearancesReading = (tier: Tier): Tier[] => TIERS.filter((clearance) => canRead(clearance, tier));

/**
 * Counts a new event of `tier` in the numbering of every clearance that may read it; returns, per
 * clearance, the event's seq there (`null` where it is unseen) and that clearance's head before it.
 */
export function advanceHeads(kase: CaseHead, tier: Tier, at: Date): { seq: Record<Tier, number | null>; prev: Record<Tier, number> } {
  const seq = {} as Record<Tier, number | null>;
  const prev = {} as Record<Tier, number>;
  for (const clearance of TIERS) {
    prev[clearance] = kase[CASE_HEAD[clearance]];
    seq[clearance] = null;
    if (canRead(clearance, tier)) {
      seq[clearance] = kase[CASE_HEAD[clearance]] += 1;
      kase[CASE_UPDATED[clearance]] = at;
    }
  }
  // The global order; the prosecution reads every event, so its numbering moved with it.
  kase.lastSeq += 1;
  return { seq, prev };
}
