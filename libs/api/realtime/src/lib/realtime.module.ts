import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { CaseDelivery } from './case-delivery';
import { CaseRoomGateway } from './case-room.gateway';

@Module({ imports: [AuthModule, CasesModule], providers: [CaseDelivery, CaseRoomGateway] })
export class RealtimeModule {}
