import type { ErrorDetail, ExaminationUpdatedData, IstanbulConclusion, UpdateExaminationRequest } from '@vigil/contracts';
import { detail } from '@vigil/api-core';
import { blankToNull } from './dto-helpers';

/** The stored state of an examination that the rules look at. */
export interface ExaminationState {
  institution: string;
  dueAt: Date;
  consentGiven: boolean;
  consentRecordedAt: Date;
  consentNote: string | null;
  noImplicatedOfficerPresent: boolean | null;
  conclusion: IstanbulConclusion | null;
  conclusionNotes: string | null;
}

export interface ExaminationChanges {
  /** The columns to write. */
  patch: Partial<ExaminationState>;
  /** What the log records: changed fields by name, values only where they are not free-text notes. */
  data: Omit<ExaminationUpdatedData, 'examinationId'>;
}

/** The changes a PATCH makes to an examination's content (its status aside); unchanged values are not changes. */
export function examinationChanges(current: ExaminationState, body: Omit<UpdateExaminationRequest, 'status'>): ExaminationChanges {
  const patch: Partial<ExaminationState> = {};
  const data: ExaminationChanges['data'] = { changed: [] };
  if (body.institution !== undefined && body.institution !== current.institution) {
    patch.institution = data.institution = body.institution;
    data.changed.push('institution');
  }
  if (body.dueAt !== undefined && new Date(body.dueAt).getTime() !== current.dueAt.getTime()) {
    patch.dueAt = new Date(body.dueAt);
    data.dueAt = patch.dueAt.toISOString();
    data.changed.push('dueAt');
  }
  if (body.consent !== undefined) {
    const recordedAt = new Date(body.consent.recordedAt);
    const note = blankToNull(body.consent.note);
    if (body.consent.given !== current.consentGiven || recordedAt.getTime() !== current.consentRecordedAt.getTime() || note !== current.consentNote) {
      Object.assign(patch, { consentGiven: body.consent.given, consentRecordedAt: recordedAt, consentNote: note });
      data.consentGiven = body.consent.given;
      data.changed.push('consent');
    }
  }
  if (body.noImplicatedOfficerPresent !== undefined && body.noImplicatedOfficerPresent !== current.noImplicatedOfficerPresent) {
    patch.noImplicatedOfficerPresent = data.noImplicatedOfficerPresent = body.noImplicatedOfficerPresent;
    data.changed.push('noImplicatedOfficerPresent');
  }
  if (body.conclusion !== undefined && body.conclusion !== current.conclusion) {
    patch.conclusion = data.conclusion = body.conclusion;
    data.changed.push('conclusion');
  }
  if (body.conclusionNotes !== undefined && blankToNull(body.conclusionNotes) !== current.conclusionNotes) {
    patch.conclusionNotes = blankToNull(body.conclusionNotes);
    data.changed.push('conclusionNotes');
  }
  return { patch, data };
}

/**
 * What an examination still lacks to be completed: a conclusion on the Istanbul Protocol scale,
 * the confirmation that no officer of the implicated agency was present, and the person's consent.
 */
export function missingForCompletion(state: Pick<ExaminationState, 'conclusion' | 'noImplicatedOfficerPresent' | 'consentGiven'>): ErrorDetail[] {
  const missing: ErrorDetail[] = [];
  if (state.conclusion === null) missing.push(detail('conclusion', 'conclusion_required', 'is required to complete the examination'));
  if (state.noImplicatedOfficerPresent !== true) {
    missing.push(detail('noImplicatedOfficerPresent', 'confirm_no_officer', 'must be confirmed (true) to complete the examination'));
  }
  if (!state.consentGiven) missing.push(detail('consent.given', 'consent_required', 'the examined person must have consented'));
  return missing;
}
