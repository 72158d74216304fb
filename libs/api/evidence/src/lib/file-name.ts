import type { EvidenceMediaType } from '@vigil/contracts';
import { MEDIA_TYPE_EXTENSIONS } from './media-type';

const FILE_NAME_MAX_LENGTH = 200;

/**
 * Characters a name must not carry: controls, and the invisible format characters, among them the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make `cod.exe‮fdp` read
 * as `codpdf.exe`, zero-width characters and the byte order mark.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** The other extensions each type goes by: a `photo.jpeg` keeps its name. */
const OTHER_EXTENSIONS: Partial<Record<EvidenceMediaType, string[]>> = {
  'image/jpeg': ['.jpeg', '.jpe'],
  'video/mp4': ['.m4v'],
  'audio/mp4': ['.mp4'],
};

/** A name's extension: a final dot and up to 10 letters or digits (a name never starts with its dot: those are dropped). */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/**
 * The uploaded file's name as it may be stored and offered back in a download: no directories,
 * no control, invisible or reserved characters, no leading dots, at most 200 characters, and the
 * extension of the type the file's bytes were recognised as (a text file sent as `report.html`
 * downloads as `report.txt`: the uploader's name must not make a browser or desktop open it as
 * something else). A name with nothing left becomes `evidence` with the type's extension.
 */
export function cleanFileName(uploaded: string | undefined, mediaType: EvidenceMediaType): string {
  const base = (uploaded ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extension = MEDIA_TYPE_EXTENSIONS[mediaType];
  const given = EXTENSION.exec(cleaned)?.[0] ?? '';
  const ending = given && [extension, ...(OTHER_EXTENSIONS[mediaType] ?? [])].includes(given.toLowerCase()) ? given : extension;
  const stem = cleaned.slice(0, cleaned.length - given.length).replace(/[\s.]+$/, '');
  if (stem === '') return `evidence${extension}`;
  return [...stem].slice(0, FILE_NAME_MAX_LENGTH - ending.length).join('') + ending;
}
