import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
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

export { PlaceEntity, CaseIntakeEntity, CaseVisitEntity, CaseTaskEntity };
export { AccountEntity, AgencyEntity, CaseEntity, CaseEventEntity, CaseMemberEntity, CaseReadEntity, LoginFailureEntity, MessageEntity, SessionEntity };

export const ENTITIES = [
  AgencyEntity,
  AccountEntity,
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
];
