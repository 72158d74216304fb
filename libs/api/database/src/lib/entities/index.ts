import { AccountEntity } from './account.entity';
import { agencyRef, AgencyEntity, nameColumns, namesOf, unitRef } from './agency.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CaseReadEntity } from './case-read.entity';
import { CaseEntity } from './case.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { MessageEntity } from './message.entity';
import { SessionEntity } from './session.entity';
import { PlaceEntity } from './place.entity';
import { CaseIntakeEntity } from './case-intake.entity';
import { CaseVisitEntity } from './case-visit.entity';
import { CaseTaskEntity } from './case-task.entity';
import { ExaminationEntity } from './examination.entity';
import { ResponsiblePartyEntity } from './responsible-party.entity';
import { ResponsibilityRouteEntity } from './responsibility-route.entity';
import { RemedialMeasureEntity } from './remedial-measure.entity';
import { VictimRemediesEntity } from './victim-remedies.entity';
import { EvidenceEntity } from './evidence.entity';
import { CustodyEntryEntity } from './custody-entry.entity';
import { AccessAuditEntity } from './access-audit.entity';
import { UnitEntity, unitName, unitNameKey } from './unit.entity';
import { RoleGrantEntity } from './role-grant.entity';
import { ActionItemEntity, AgendaItemEntity, MeetingDecisionEntity, MeetingEntity, MeetingNoteEntity, MeetingParticipantEntity, MeetingSpeakerEntity } from './meeting.entity';
import { MeetingEventEntity } from './meeting-event.entity';
import { SECURITY_LOG_CHAIN, SecurityLogEntity, type SecurityRecord } from './security-log.entity';

export { PlaceEntity, CaseIntakeEntity, CaseVisitEntity, CaseTaskEntity };
export { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseMemberEntity, CaseReadEntity, LoginFailureEntity, MessageEntity, SessionEntity };
export { ExaminationEntity, ResponsiblePartyEntity, ResponsibilityRouteEntity, RemedialMeasureEntity, VictimRemediesEntity };
export { EvidenceEntity, CustodyEntryEntity, AccessAuditEntity };
export { agencyRef, nameColumns, namesOf, unitRef, UnitEntity, unitName, unitNameKey, RoleGrantEntity, SecurityLogEntity, SECURITY_LOG_CHAIN, type SecurityRecord };
export { MeetingEntity, MeetingParticipantEntity, AgendaItemEntity, MeetingNoteEntity, MeetingDecisionEntity, ActionItemEntity, MeetingEventEntity, MeetingSpeakerEntity };

export const ENTITIES = [
  AgencyEntity,
  UnitEntity,
  AccountEntity,
  RoleGrantEntity,
  SecurityLogEntity,
  SessionEntity,
  LoginFailureEntity,
  CaseEntity,
  CaseMemberEntity,
  CaseReadEntity,
  CaseEventEntity,
  MessageEntity,
  PlaceEntity,
  CaseIntakeEntity,
  CaseVisitEntity,
  CaseTaskEntity,
  ExaminationEntity,
  ResponsiblePartyEntity,
  ResponsibilityRouteEntity,
  RemedialMeasureEntity,
  VictimRemediesEntity,
  EvidenceEntity,
  CustodyEntryEntity,
  AccessAuditEntity,
  MeetingEntity,
  MeetingParticipantEntity,
  AgendaItemEntity,
  MeetingNoteEntity,
  MeetingDecisionEntity,
  ActionItemEntity,
  MeetingEventEntity,
  MeetingSpeakerEntity,
];
