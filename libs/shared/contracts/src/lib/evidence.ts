import type { Tier } from './access';
import type { AgencyRef } from './auth';

/** What an evidence file may be, recognised from its first bytes, never from its name. */
export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'video/mp4',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'text/plain',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Tier of a new item when the uploader names none. */
export const EVIDENCE_DEFAULT_TIER: Tier = 'oversight';
export const EVIDENCE_TITLE_MAX_LENGTH = 300;
export const EVIDENCE_DESCRIPTION_MAX_LENGTH = 4000;
export const CUSTODY_RECEIVED_BY_MAX_LENGTH = 200;
export const CUSTODY_NOTE_MAX_LENGTH = 1000;
export const SUPERSEDE_REASON_MAX_LENGTH = 1000;

export interface EvidencePerson {
  userId: string;
  displayName: string;
}

/** One link of an item's chain of custody: entries are only ever appended. */
export interface CustodyEntry {
  /** 1 for the collection, then one more per hand-over. */
  seq: number;
  /** `null` for the collection itself. */
  fromAgency: AgencyRef | null;
  toAgency: AgencyRef;
  handedOverBy: EvidencePerson;
  /** The person who took the item, as written by the one who recorded the hand-over. */
  receivedBy: string | null;
  note: string | null;
  at: string;
}

export interface EvidenceSuperseded {
  at: string;
  by: EvidencePerson;
  reason: string;
}

export interface Evidence {
  id: string;
  caseId: string;
  title: string;
  description: string | null;
  tier: Tier;
  mediaType: EvidenceMediaType;
  size: number;
  /** Hex sha256 of the file: its address in the store, re-checked on every download. */
  sha256: string;
  fileName: string;
  collectedBy: EvidencePerson & { agency: AgencyRef };
  collectedAt: string;
  /** Oldest first. */
  custody: CustodyEntry[];
  superseded: EvidenceSuperseded | null;
  createdAt: string;
}

/** The text fields of `POST /api/cases/:id/evidence` (multipart/form-data, the file in `file`). */
export interface AddEvidenceFields {
  title: string;
  description?: string;
  tier?: Tier;
  collectedAt?: string;
}

export interface TransferCustodyRequest {
  toAgencyId: string;
  receivedBy?: string;
  note?: string;
  at?: string;
}

export interface SupersedeEvidenceRequest {
  reason: string;
}

/** `data` of `evidence.added`. */
export interface EvidenceAddedData {
  evidenceId: string;
  title: string;
  mediaType: EvidenceMediaType;
  size: number;
  sha256: string;
  /**
   * The first link of the custody chain: when it was collected and the collector's agency, which
   * holds it first. Absent from events logged before they were recorded.
   */
  collectedAt?: string;
  collectedByAgencyId?: string;
}

/** `data` of `evidence.custody_transferred`. */
export interface CustodyTransferredData {
  evidenceId: string;
  seq: number;
  fromAgency: AgencyRef | null;
  toAgency: AgencyRef;
  receivedBy: string | null;
  note: string | null;
  at: string;
}

/** `data` of `evidence.superseded`. */
export interface EvidenceSupersededData {
  evidenceId: string;
  reason: string;
}
