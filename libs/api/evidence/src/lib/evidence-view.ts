import { agencyRef } from '@vigil/api-database';
import type { AccountEntity, AgencyEntity, CustodyEntryEntity, EvidenceEntity } from '@vigil/api-database';
import type { AgencyRef, CustodyEntry, Evidence, EvidencePerson } from '@vigil/contracts';
import { cleanFileName } from './file-name';

/** An item as the wire carries it; rows come with their people and agencies loaded. */
export function toEvidenceView(row: EvidenceEntity, custody: CustodyEntryEntity[]): Evidence {
  return {
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    description: row.description,
    tier: row.tier,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    // Cleaned again on the way out: names stored before the rules of today keep no extension or override of their own.
    fileName: cleanFileName(row.fileName, row.mediaType),
    collectedBy: { ...person(loaded(row.collectedBy)), agency: agency(loaded(row.collectedByAgency)) },
    collectedAt: row.collectedAt.toISOString(),
    custody: [...custody].sort((a, b) => a.seq - b.seq).map(toCustodyEntryView),
    superseded:
      row.supersededAt && row.supersededReason
        ? { at: row.supersededAt.toISOString(), by: person(loaded(row.supersededBy)), reason: row.supersededReason }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCustodyEntryView(entry: CustodyEntryEntity): CustodyEntry {
  return {
    seq: entry.seq,
    fromAgency: entry.fromAgency ? agency(entry.fromAgency) : null,
    toAgency: agency(loaded(entry.toAgency)),
    handedOverBy: person(loaded(entry.handedOverBy)),
    receivedBy: entry.receivedBy,
    note: entry.note,
    at: entry.at.toISOString(),
  };
}

function person(account: AccountEntity): EvidencePerson {
  return { userId: account.id, displayName: account.displayName };
}

function agency(row: AgencyEntity): AgencyRef {
  return agencyRef(row);
}

function loaded<T>(relation: T | null | undefined): T {
  if (!relation) throw new Error('relation not loaded');
  return relation;
}
