import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CaseReadEntity } from './case-read.entity';
import { CaseEntity } from './case.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { MessageEntity } from './message.entity';
import { SessionEntity } from './session.entity';

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
];
