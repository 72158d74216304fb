import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { ApiException, detail, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { catchError, throwError, type Observable } from 'rxjs';

/** A file as multer hands it over from memory (no `dest`: nothing touches the disk before it is checked). */
export interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The multipart field that carries the file. */
export const EVIDENCE_FILE_FIELD = 'file';

/** multer's options for evidence uploads: kept in memory, one file, capped at `EVIDENCE_MAX_BYTES`. */
export function evidenceUploadOptions(config: VigilConfig): MulterModuleOptions {
  return {
    limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
    // Browsers send file names as raw UTF-8.
    defParamCharset: 'utf8',
  };
}

/** Puts multer's refusals in the contract's words: an oversize file is 413, a malformed upload names `file`. */
@Injectable()
export class UploadRefusals implements NestInterceptor {
  constructor(@Inject(VIGIL_CONFIG) private readonly config: VigilConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.explain(error))));
  }

  private explain(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      const limit = formatBytes(this.config.evidenceMaxBytes);
      return new ApiException('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${limit}`, [
        detail(EVIDENCE_FILE_FIELD, 'file_too_large', `must not be larger than ${limit}`, { max: this.config.evidenceMaxBytes }),
      ]);
    }
    if (error instanceof BadRequestException) {
      const message = error.message;
      return new ApiException('VALIDATION', `${EVIDENCE_FILE_FIELD} ${message}`, [detail(EVIDENCE_FILE_FIELD, 'file_unreadable', message)]);
    }
    return error;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
