import { Injectable } from '@nestjs/common';
import type { Minutes } from '@vigil/contracts';

/** Renders minutes as a PDF (pdfmake, with fonts that carry Kazakh and Russian letters). */
@Injectable()
export class MinutesPdf {
  async render(minutes: Minutes, reader: string): Promise<Buffer> {
    throw new Error(`PDF rendering of ${minutes.reference} for ${reader} is not available yet`);
  }
}
