import type { EvidenceMediaType } from '@vigil/contracts';
import { MEDIA_TYPE_EXTENSIONS } from './media-type';

const FILE_NAME_MAX_LENGTH = 200;

/**
 * The uploaded file's name as it may be stored and offered back in a download: no directories,
 * no control or reserved characters, no leading dots, at most 200 characters (keeping the
 * extension). A name with nothing left becomes `evidence` with the type's extension.
 */
export function cleanFileName(uploaded: string | undefined, mediaType: EvidenceMediaType): string {
  const base = (uploaded ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return `evidence${MEDIA_TYPE_EXTENSIONS[mediaType]}`;
  const characters = [...cleaned];
  if (characters.length <= FILE_NAME_MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? [...cleaned.slice(dot)] : [];
  return characters.slice(0, FILE_NAME_MAX_LENGTH - extension.length).join('') + extension.join('');
}
