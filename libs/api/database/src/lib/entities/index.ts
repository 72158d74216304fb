import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { LoginFailureEntity } from './login-failure.entity';
import { SessionEntity } from './session.entity';

export { AccountEntity, AgencyEntity, LoginFailureEntity, SessionEntity };

export const ENTITIES = [AgencyEntity, AccountEntity, SessionEntity, LoginFailureEntity];
