import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { CaseDelivery } from './case-delivery';
import { CaseRoomGateway } from './case-room.gateway';
import { MeetingsModule } from '@vigil/api-meetings';
import { MeetingDelivery } from './meeting-delivery';

@Module({ imports: [AuthModule, CasesModule, MeetingsModule], providers: [CaseDelivery, MeetingDelivery, CaseRoomGateway] })
export class RealtimeModule {}
