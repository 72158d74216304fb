import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator } from '@vigil/web-i18n';
import { formatNumber } from './locale-format';

/** `{{ evidence.size | fileSize }}`: bytes in the units people read (B, KiB, MiB), in the UI language. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(bytes: number | null | undefined): string {
    const size = bytes ?? 0;
    const number = (value: number) => formatNumber(value, this.translator.language(), 1);
    if (size >= 1024 * 1024) {
      return this.translator.translate('size.mib', { size: number(size / (1024 * 1024)) });
    }
    if (size >= 1024) {
      return this.translator.translate('size.kib', { size: number(size / 1024) });
    }
    return this.translator.translate('size.bytes', { size });
  }
}
