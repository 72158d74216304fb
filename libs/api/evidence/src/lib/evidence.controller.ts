import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe, TakesUpload } from '@vigil/api-core';
import type { CustodyEntry, Evidence } from '@vigil/contracts';
import type { Response } from 'express';
import { ADD_EVIDENCE_SCHEMA, AddEvidenceBody, SupersedeEvidenceBody, TransferCustodyBody } from './evidence.dto';
import { EvidenceService } from './evidence.service';
import { cleanFileName } from './file-name';
import { EVIDENCE_FILE_FIELD, UploadRefusals, type UploadedEvidenceFile } from './upload';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @TakesUpload()
  @UseInterceptors(UploadRefusals, FileInterceptor(EVIDENCE_FILE_FIELD))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: ADD_EVIDENCE_SCHEMA })
  @ApiOperation({
    summary: 'Upload evidence (multipart): type recognised from the content, stored by sha256, first custody entry recorded',
  })
  add(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AddEvidenceBody,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
  ): Promise<Evidence> {
    return this.evidence.add(user, id, body, file);
  }

  @Get()
  @ApiOperation({ summary: 'The evidence the caller may read, oldest first, with custody chains' })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Evidence[]> {
    return this.evidence.list(user, id);
  }

  @Get(':evidenceId')
  @ApiOperation({ summary: 'One item with its custody chain' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('evidenceId', ParseIdPipe) evidenceId: string): Promise<Evidence> {
    return this.evidence.get(user, id, evidenceId);
  }

  @Get(':evidenceId/content')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Download the file: refused with 409 when the stored bytes no longer match the recorded sha256' })
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('evidenceId', ParseIdPipe) evidenceId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { evidence, bytes } = await this.evidence.content(user, id, evidenceId);
    response.attachment(cleanFileName(evidence.fileName, evidence.mediaType));
    // The recognised type, never one guessed from the name.
    response.setHeader('Content-Type', evidence.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : evidence.mediaType);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes, { length: bytes.length });
  }

  @Post(':evidenceId/custody')
  @ApiOperation({ summary: 'Record a hand-over to another agency: appended to the chain of custody' })
  transferCustody(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('evidenceId', ParseIdPipe) evidenceId: string,
    @Body() body: TransferCustodyBody,
  ): Promise<CustodyEntry> {
    return this.evidence.transferCustody(user, id, evidenceId, body);
  }

  @Post(':evidenceId/supersede')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an item superseded, with a reason (prosecutors); nothing is deleted' })
  supersede(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('evidenceId', ParseIdPipe) evidenceId: string,
    @Body() body: SupersedeEvidenceBody,
  ): Promise<Evidence> {
    return this.evidence.supersede(user, id, evidenceId, body.reason);
  }
}
