import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CasesModule, LogReplays } from '@vigil/api-cases';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { join } from 'node:path';
import { DiskEvidenceStore } from './disk-evidence-store';
import { EvidenceController } from './evidence.controller';
import { EvidenceReplay } from './evidence-replay';
import { EVIDENCE_STORE } from './evidence-store';
import { EvidenceService } from './evidence.service';
import { evidenceUploadOptions, UploadRefusals } from './upload';

@Module({
  imports: [
    CasesModule,
    MulterModule.registerAsync({ inject: [VIGIL_CONFIG], useFactory: (config: VigilConfig) => evidenceUploadOptions(config) }),
  ],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    UploadRefusals,
    // Files on disk under DATA_DIR; another store (S3-compatible, say) replaces this one provider.
    { provide: EVIDENCE_STORE, inject: [VIGIL_CONFIG], useFactory: (config: VigilConfig) => new DiskEvidenceStore(join(config.dataDir, 'evidence')) },
  ],
  exports: [EvidenceService, EVIDENCE_STORE],
})
export class EvidenceModule {
  constructor(replays: LogReplays) {
    // A case's verify also checks its evidence rows and custody chains against the log.
    replays.register((caseId) => new EvidenceReplay(caseId));
  }
}
