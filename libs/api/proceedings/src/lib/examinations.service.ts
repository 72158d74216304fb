import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@vigil/api-auth';
import { AccessAudit, CaseAccess, CasesService } from '@vigil/api-cases';
import { detail, conflict, notFound } from '@vigil/api-core';
import { ExaminationEntity } from '@vigil/api-database';
import {
  canRead,
  EXAMINATION_DEFAULT_TIER,
  EXAMINATION_TIERS,
  type Examination,
  type ExaminationAppointedData,
  type ExaminationCancelledData,
  type ExaminationCompletedData,
  type ExaminationUpdatedData,
  type Tier,
} from '@vigil/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { blankToNull } from './dto-helpers';
import { examinationChanges, missingForCompletion } from './examination-rules';
import type { AppointExaminationBody, UpdateExaminationBody } from './examinations.dto';
import { EXAMINATION_RELATIONS, toExamination } from './views';

/** Forensic examinations: appointed and concluded by prosecutors, read at `oversight` or narrower. */
@Injectable()
export class ExaminationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
    private readonly audit: AccessAudit,
  ) {}

  appoint(caller: AuthUser, caseId: string, body: AppointExaminationBody): Promise<Examination> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, clearance, append }) => {
      const tier = body.tier ?? EXAMINATION_DEFAULT_TIER;
      const { id } = await manager.save(
        manager.create(ExaminationEntity, {
          caseId,
          type: body.type,
          institution: body.institution,
          dueAt: new Date(body.dueAt),
          tier,
          status: 'appointed',
          consentGiven: body.consent.given,
          consentRecordedAt: new Date(body.consent.recordedAt),
          consentNote: blankToNull(body.consent.note),
          noImplicatedOfficerPresent: null,
          conclusion: null,
          conclusionNotes: null,
          appointedById: caller.id,
          completedAt: null,
        }),
      );
      const examination = await this.find(manager, caseId, id, clearance);
      await append({
        type: 'examination.appointed',
        tier,
        data: { examinationId: id, type: examination.type, institution: examination.institution, dueAt: examination.dueAt.toISOString() } satisfies ExaminationAppointedData,
      });
      return toExamination(examination);
    });
  }

  /** The examinations the caller's clearance reaches: none for the police and observers. */
  async list(caller: AuthUser, caseId: string): Promise<Examination[]> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const tiers = EXAMINATION_TIERS.filter((tier) => canRead(clearance, tier));
    if (!tiers.length) return [];
    const rows = await this.db.getRepository(ExaminationEntity).find({
      where: { caseId: kase.id, tier: In(tiers) },
      relations: EXAMINATION_RELATIONS,
      order: { appointedAt: 'ASC', id: 'ASC' },
    });
    await this.audit.record(caller, kase.id, rows.map((row) => ({ kind: 'examination', recordId: row.id })));
    return rows.map(toExamination);
  }

  async get(caller: AuthUser, caseId: string, examinationId: string): Promise<Examination> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const examination = await this.find(this.db.manager, kase.id, examinationId, clearance);
    await this.audit.record(caller, kase.id, [{ kind: 'examination', recordId: examination.id }]);
    return toExamination(examination);
  }

  /** Edits, completes or cancels an appointed examination; a completed or cancelled one is final. */
  update(caller: AuthUser, caseId: string, examinationId: string, body: UpdateExaminationBody): Promise<Examination> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, clearance, append }) => {
      const examination = await this.find(manager, caseId, examinationId, clearance);
      if (examination.status !== 'appointed') {
        throw conflict(`The examination is ${examination.status} and can no longer change`, [detail('status', 'closed', `is ${examination.status}`, { status: examination.status })]);
      }
      const { status, ...content } = body;
      const { patch, data } = examinationChanges(examination, content);
      const next = { ...examination, ...patch };
      if (status === 'completed') {
        const missing = missingForCompletion(next);
        if (missing.length) throw conflict(`The examination cannot be completed yet: ${missing.map((m) => m.field).join(', ')}`, missing);
      }
      const finalState = status ? { status, ...(status === 'completed' ? { completedAt: new Date() } : {}) } : {};
      if (!data.changed.length && !status) return toExamination(examination);
      await manager.update(ExaminationEntity, { id: examination.id }, { ...patch, ...finalState });
      const tier = examination.tier;
      if (data.changed.length) {
        await append({ type: 'examination.updated', tier, data: { examinationId, ...data } satisfies ExaminationUpdatedData });
      }
      if (status === 'completed' && next.conclusion) {
        await append({
          type: 'examination.completed',
          tier,
          data: { examinationId, type: examination.type, conclusion: next.conclusion } satisfies ExaminationCompletedData,
        });
      }
      if (status === 'cancelled') {
        await append({ type: 'examination.cancelled', tier, data: { examinationId } satisfies ExaminationCancelledData });
      }
      return toExamination(await this.find(manager, caseId, examinationId, clearance));
    });
  }

  /** An examination above the caller's clearance does not exist for them. */
  private async find(manager: EntityManager, caseId: string, examinationId: string, clearance: Tier): Promise<ExaminationEntity> {
    const row = await manager.findOne(ExaminationEntity, { where: { id: examinationId, caseId }, relations: EXAMINATION_RELATIONS });
    if (!row || !canRead(clearance, row.tier)) throw notFound('Examination');
    return row;
  }
}
