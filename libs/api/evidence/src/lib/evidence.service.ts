import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuthUser } from '@vigil/api-auth';
import { AccessAudit, assertNoDisclosure, CaseAccess, CasesService, victimOf } from '@vigil/api-cases';
import { detail, ApiException, Clock, conflict, notFound } from '@vigil/api-core';
import { AgencyEntity, CustodyEntryEntity, EvidenceEntity } from '@vigil/api-database';
import {
  canRead,
  EVIDENCE_DEFAULT_TIER,
  tiersReadAt,
  type CustodyEntry,
  type CustodyTransferredData,
  type ErrorDetail,
  type Evidence,
  type EvidenceAddedData,
  type EvidenceSupersededData,
  type Tier,
} from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AddEvidenceBody, TransferCustodyBody } from './evidence.dto';
import { EVIDENCE_STORE, sha256Of, type EvidenceStore } from './evidence-store';
import { toCustodyEntryView, toEvidenceView } from './evidence-view';
import { cleanFileName } from './file-name';
import { detectMediaType } from './media-type';
import { EVIDENCE_FILE_FIELD, type UploadedEvidenceFile } from './upload';

/** Clocks of phones and laptops run a little ahead; a time further ahead than this is a mistake. */
const CLOCK_SKEW_MS = 60_000;

const ALLOWED_TYPES_IN_WORDS = 'JPEG, PNG, PDF, MP4, MP3, WAV or plain UTF-8 text';

/** The integrity failures of a download, as the client reads them. */
export const STORED_FILE_ALTERED = 'The stored file no longer matches its recorded sha256; it may have been altered';
export const STORED_FILE_MISSING = 'The stored file is missing from the evidence store';

/**
 * Evidence of a case: files kept by content address, a chain of custody that only grows, and a
 * superseded mark instead of deletion. Every change goes through `CasesService.change`, so that
 * the rows and the case's log event are one transaction.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly clock: Clock,
    private readonly audit: AccessAudit,
  ) {}

  async add(caller: AuthUser, caseId: string, fields: AddEvidenceBody, file: UploadedEvidenceFile | undefined): Promise<Evidence> {
    const tier = fields.tier ?? EVIDENCE_DEFAULT_TIER;
    const { clearance } = await this.access.authorize(caller, caseId, 'evidence.add');
    this.access.assertCanWriteAt(clearance, tier);
    const problems: ErrorDetail[] = [];
    const mediaType = file && file.size > 0 ? detectMediaType(file.buffer) : null;
    if (!file) problems.push(detail(EVIDENCE_FILE_FIELD, 'required', 'is required'));
    else if (file.size === 0) problems.push(detail(EVIDENCE_FILE_FIELD, 'file_empty', 'is empty'));
    else if (!mediaType) problems.push(detail(EVIDENCE_FILE_FIELD, 'file_type', `type not allowed: only ${ALLOWED_TYPES_IN_WORDS}`, { allowed: ALLOWED_TYPES_IN_WORDS }));
    const collectedAt = this.pastTime(problems, 'collectedAt', fields.collectedAt);
    if (!file || !mediaType || problems.length > 0) throw refusal(problems);

    const evidenceId = randomUUID();
    return this.cases.change(caller, caseId, 'evidence.add', async ({ manager, kase, clearance, append }) => {
      this.access.assertCanWriteAt(clearance, tier);
      assertNoDisclosure(victimOf(kase), tier, { title: fields.title, description: fields.description });
      // Stored inside the transaction: a refusal up to here writes neither a row nor a file.
      const stored = await this.store.put(file.buffer);
      await manager.insert(EvidenceEntity, {
        id: evidenceId,
        caseId,
        title: fields.title,
        description: fields.description || null,
        tier,
        mediaType,
        size: stored.size,
        sha256: stored.sha256,
        fileName: cleanFileName(file.originalname, mediaType),
        collectedById: caller.id,
        collectedByAgencyId: caller.agency.id,
        collectedAt,
        supersededAt: null,
        supersededById: null,
        supersededReason: null,
      });
      // The collection is the first link of the chain: the collector's agency holds the item.
      await manager.insert(CustodyEntryEntity, {
        evidenceId,
        seq: 1,
        fromAgencyId: null,
        toAgencyId: caller.agency.id,
        handedOverById: caller.id,
        receivedBy: null,
        note: null,
        at: collectedAt,
      });
      const data: EvidenceAddedData = {
        evidenceId,
        title: fields.title,
        mediaType,
        size: stored.size,
        sha256: stored.sha256,
        collectedAt: collectedAt.toISOString(),
        collectedByAgencyId: caller.agency.id,
      };
      await append({ type: 'evidence.added', tier, data });
      return (await this.views(manager, [await this.row(manager, caseId, evidenceId, clearance)]))[0];
    });
  }

  /** The items the caller's clearance reads, oldest first, each with its custody chain. */
  async list(caller: AuthUser, caseId: string): Promise<Evidence[]> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const rows = await this.db.manager.find(EvidenceEntity, {
      where: { caseId: kase.id, tier: In(tiersReadAt(clearance)) },
      relations: ROW_RELATIONS,
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.views(this.db.manager, rows);
  }

  async get(caller: AuthUser, caseId: string, evidenceId: string): Promise<Evidence> {
    const { clearance } = await this.access.authorize(caller, caseId, 'case.read');
    return (await this.views(this.db.manager, [await this.row(this.db.manager, caseId, evidenceId, clearance)]))[0];
  }

  /** The file's bytes, only once they hash to what was recorded at upload. */
  async content(caller: AuthUser, caseId: string, evidenceId: string): Promise<{ evidence: EvidenceEntity; bytes: Buffer }> {
    const { clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const evidence = await this.row(this.db.manager, caseId, evidenceId, clearance);
    const bytes = await this.store.get(evidence.sha256);
    const actual = bytes ? sha256Of(bytes) : null;
    if (actual !== evidence.sha256) {
      this.logger.error(
        { event: 'evidence.integrity_failed', caseId, evidenceId, expectedSha256: evidence.sha256, found: bytes ? 'altered' : 'missing' },
        'stored evidence file failed its integrity check; download refused',
      );
      throw conflict(bytes ? STORED_FILE_ALTERED : STORED_FILE_MISSING, [detail('', 'stored_file', bytes ? STORED_FILE_ALTERED : STORED_FILE_MISSING)]);
    }
    await this.audit.record(caller, evidence.caseId, [{ kind: 'evidence_content', recordId: evidence.id }]);
    return { evidence, bytes: bytes as Buffer };
  }

  /** Appends a hand-over to the chain: from the agency holding the item now to `toAgencyId`. */
  async transferCustody(caller: AuthUser, caseId: string, evidenceId: string, body: TransferCustodyBody): Promise<CustodyEntry> {
    await this.access.authorize(caller, caseId, 'evidence.hand_over');
    const problems: ErrorDetail[] = [];
    const requestedAt = this.pastTime(problems, 'at', body.at);
    if (problems.length > 0) throw refusal(problems);
    return this.cases.change(caller, caseId, 'evidence.hand_over', async ({ manager, kase, clearance, append }) => {
      const evidence = await this.row(manager, caseId, evidenceId, clearance);
      assertNoDisclosure(victimOf(kase), evidence.tier, { receivedBy: body.receivedBy, note: body.note }, false);
      const agency = await manager.findOne(AgencyEntity, { where: { id: body.toAgencyId } });
      if (!agency) problems.push(detail('toAgencyId', 'unknown_agency', 'is not a known agency'));
      else if (agency.disabled) problems.push(detail('toAgencyId', 'inactive_agency', 'is a disabled agency'));
      const previous = await manager.findOneOrFail(CustodyEntryEntity, { where: { evidenceId }, order: { seq: 'DESC' } });
      // The agency holding the item hands it over; a prosecutor leading the case may move it from anyone.
      if (previous.toAgencyId !== caller.agency.id) this.access.permit(caller, 'evidence.hand_over_any');
      const at = body.at ? requestedAt : new Date(Math.max(requestedAt.getTime(), previous.at.getTime()));
      if (at.getTime() < previous.at.getTime()) {
        problems.push(detail('at', 'not_before', `cannot be before the previous custody entry (${previous.at.toISOString()})`, { other: previous.at.toISOString() }));
      }
      if (problems.length > 0) throw refusal(problems);
      const seq = previous.seq + 1;
      await manager.insert(CustodyEntryEntity, {
        evidenceId,
        seq,
        fromAgencyId: previous.toAgencyId,
        toAgencyId: body.toAgencyId,
        handedOverById: caller.id,
        receivedBy: body.receivedBy || null,
        note: body.note || null,
        at,
      });
      const entry = await manager.findOneOrFail(CustodyEntryEntity, { where: { evidenceId, seq }, relations: CUSTODY_RELATIONS });
      const view = toCustodyEntryView(entry);
      const data: CustodyTransferredData = {
        evidenceId,
        seq,
        fromAgency: view.fromAgency,
        toAgency: view.toAgency,
        receivedBy: view.receivedBy,
        note: view.note,
        at: view.at,
      };
      await append({ type: 'evidence.custody_transferred', tier: evidence.tier, data });
      return view;
    });
  }

  /** Marks an item superseded, once, with the reason; the item stays listed and downloadable. */
  async supersede(caller: AuthUser, caseId: string, evidenceId: string, reason: string): Promise<Evidence> {
    return this.cases.change(caller, caseId, 'evidence.supersede', async ({ manager, kase, clearance, append }) => {
      const evidence = await this.row(manager, caseId, evidenceId, clearance);
      assertNoDisclosure(victimOf(kase), evidence.tier, { reason }, false);
      if (evidence.supersededAt) throw conflict('The item is already superseded', [detail('', 'superseded', 'is superseded already')]);
      await manager.update(EvidenceEntity, { id: evidenceId }, { supersededAt: this.clock.now(), supersededById: caller.id, supersededReason: reason });
      const data: EvidenceSupersededData = { evidenceId, reason };
      await append({ type: 'evidence.superseded', tier: evidence.tier, data });
      return (await this.views(manager, [await this.row(manager, caseId, evidenceId, clearance)]))[0];
    });
  }

  /** One item of the case, if the caller's clearance reads its tier; otherwise it does not exist for them. */
  private async row(manager: EntityManager, caseId: string, evidenceId: string, clearance: Tier): Promise<EvidenceEntity> {
    const evidence = await manager.findOne(EvidenceEntity, { where: { id: evidenceId, caseId }, relations: ROW_RELATIONS });
    if (!evidence || !canRead(clearance, evidence.tier)) throw notFound('Evidence');
    return evidence;
  }

  private async views(manager: EntityManager, rows: EvidenceEntity[]): Promise<Evidence[]> {
    if (rows.length === 0) return [];
    const entries = await manager.find(CustodyEntryEntity, {
      where: { evidenceId: In(rows.map((row) => row.id)) },
      relations: CUSTODY_RELATIONS,
      order: { seq: 'ASC' },
    });
    return rows.map((row) => toEvidenceView(row, entries.filter((entry) => entry.evidenceId === row.id)));
  }

  /** A time given by the caller (default now) that is not in the future; a problem is noted for `field` otherwise. */
  private pastTime(problems: ErrorDetail[], field: string, iso: string | undefined): Date {
    const now = this.clock.now();
    if (iso === undefined) return now;
    const at = new Date(iso);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push(detail(field, 'not_future', 'cannot be in the future'));
    return at;
  }
}

const ROW_RELATIONS = { collectedBy: true, collectedByAgency: true, supersededBy: true } as const;
const CUSTODY_RELATIONS = { fromAgency: true, toAgency: true, handedOverBy: true } as const;

function refusal(details: ErrorDetail[]): ApiException {
  return new ApiException('VALIDATION', details.map((d) => `${d.field} ${d.message}`).join('; '), details);
}
