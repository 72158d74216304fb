import type {
  AgencyKind,
  SystemRole,
  AllegedMethod,
  CaseSource,
  CaseStatus,
  CompensationStatus,
  ExaminationStatus,
  ExaminationType,
  FacilityKind,
  IstanbulConclusion,
  MeasureStatus,
  ProsecutorialAct,
  ResponsibilityRouteKind,
  ResponsibleKind,
  Role,
  TaskKind,
  TaskStatus,
  Tier,
} from '@vigil/contracts';
import type { TranslationKey } from './en';

/** Dictionary keys of the contract's enums; the types fail to compile if one is missing. */
export function roleKey(role: Role): TranslationKey {
  return `role.${role}`;
}

export function agencyKindKey(kind: AgencyKind | SystemRole): TranslationKey {
  return `agencyKind.${kind}`;
}

export function caseStatusKey(status: CaseStatus): TranslationKey {
  return `caseStatus.${status}`;
}

export function facilityKindKey(kind: FacilityKind): TranslationKey {
  return `facilityKind.${kind}`;
}

export function tierKey(tier: Tier): TranslationKey {
  return `tier.${tier}`;
}

/** Who reads a tier, in words (the contract's `TIER_AUDIENCE`, translated). */
export function tierAudienceKey(tier: Tier): TranslationKey {
  return `tierAudience.${tier}`;
}

export function caseSourceKey(source: CaseSource): TranslationKey {
  return `caseSource.${source}`;
}

export function allegedMethodKey(method: AllegedMethod): TranslationKey {
  return `allegedMethod.${method}`;
}

export function taskKindKey(kind: TaskKind): TranslationKey {
  return `taskKind.${kind}`;
}

export function taskStatusKey(status: TaskStatus): TranslationKey {
  return `taskStatus.${status}`;
}

export function examinationTypeKey(type: ExaminationType): TranslationKey {
  return `examinationType.${type}`;
}

export function examinationStatusKey(status: ExaminationStatus): TranslationKey {
  return `examinationStatus.${status}`;
}

/** The Istanbul Protocol's words for how far the findings support the allegation. */
export function conclusionKey(conclusion: IstanbulConclusion): TranslationKey {
  return `conclusion.${conclusion}`;
}

export function responsibleKindKey(kind: ResponsibleKind): TranslationKey {
  return `responsibleKind.${kind}`;
}

export function routeKindKey(route: ResponsibilityRouteKind): TranslationKey {
  return `routeKind.${route}`;
}

export function prosecutorialActKey(act: ProsecutorialAct): TranslationKey {
  return `prosecutorialAct.${act}`;
}

export function measureStatusKey(status: MeasureStatus): TranslationKey {
  return `measureStatus.${status}`;
}

export function compensationStatusKey(status: CompensationStatus): TranslationKey {
  return `compensationStatus.${status}`;
}
