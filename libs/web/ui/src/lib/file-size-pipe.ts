import { inject, Pipe, type PipeTransform } from '@angular/core';
import { Translator } from '@vigil/web-i18n';

/** `{{ evidence.size | fileSize }}`: bytes in the units people read (B, KiB, MiB), in the UI language. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly translator = inject(Translator);

  transform(bytes: number | null | undefined): string {
    const size = bytes ?? 0;
    const number = (value: number) =>
      new Intl.NumberFormat(this.translator.language(), { maximumFractionDigits: 1 }).format(value);
    if (size >= 1024 * 1024) {
      return this.translator.translate('size.mib', { size: number(size / (1024 * 1024)) });
    }
    if (size >= 1024) {
      return this.translator.translate('size.kib', { size: number(size / 1024) });
    }
    return this.translator.translate('size.bytes', { size });
  }
}
