import type { EvidenceMediaType } from '@vigil/contracts';

/**
 * What a file is, from its own bytes (magic numbers): the name and the declared content type
 * are the uploader's word, not the file's. `null` for anything not on the allowed list.
 */
export function detectMediaType(bytes: Uint8Array): EvidenceMediaType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 4, 8) === 'ftyp') return mp4Kind(ascii(bytes, 8, 12));
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (isId3Tag(bytes) || isMp3Stream(bytes)) return 'audio/mpeg';
  if (isPlainText(bytes)) return 'text/plain';
  return null;
}

/** The usual file name extension of each type, for a file uploaded without a usable name. */
export const MEDIA_TYPE_EXTENSIONS: Readonly<Record<EvidenceMediaType, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
  'video/mp4': '.mp4',
  'audio/mp4': '.m4a',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
  'text/plain': '.txt',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return bytes.length >= to ? String.fromCharCode(...bytes.subarray(from, to)) : '';
}

/** ISO base media files share the `ftyp` box; its major brand tells MP4 from HEIC, QuickTime and the rest. */
const MP4_VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'MSNV', 'M4V ', 'f4v ']);
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);

function mp4Kind(brand: string): EvidenceMediaType | null {
  if (MP4_VIDEO_BRANDS.has(brand)) return 'video/mp4';
  if (MP4_AUDIO_BRANDS.has(brand)) return 'audio/mp4';
  return null;
}

/** An ID3v2 tag: "ID3", a version below 0xFF, then a size in four 7-bit bytes. */
function isId3Tag(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, 3) === 'ID3' && bytes.length >= 10 && bytes[3] < 0xff && bytes[4] < 0xff && [6, 7, 8, 9].every((i) => bytes[i] < 0x80);
}

// Bitrates (kbit/s) of layer III by bitrate index, for MPEG-1 and for MPEG-2/2.5.
const MPEG1_BITRATES = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_BITRATES = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length of the MPEG layer III frame whose header starts at `at`, or 0 when there is none. */
function mp3FrameLength(bytes: Uint8Array, at: number): number {
  if (bytes.length < at + 4 || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return 0;
  const version = (bytes[at + 1] >> 3) & 0x03; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5, 1 reserved
  const layer = (bytes[at + 1] >> 1) & 0x03; // 1 is layer III
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 0x03;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const bitrate = (version === 3 ? MPEG1_BITRATES : MPEG2_BITRATES)[bitrateIndex] * 1000;
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  const padding = (bytes[at + 2] >> 1) & 0x01;
  return Math.floor(((version === 3 ? 144 : 72) * bitrate) / sampleRate) + padding;
}

/** An MP3 without a tag starts with a frame header; when the file is long enough, another must follow it. */
function isMp3Stream(bytes: Uint8Array): boolean {
  const length = mp3FrameLength(bytes, 0);
  if (length === 0) return false;
  return bytes.length < length + 4 || mp3FrameLength(bytes, length) > 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text: decodes strictly and holds no control characters but tab, line feed, form feed and carriage return. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/.test(text);
}
