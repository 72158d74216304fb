import { detectMediaType } from './media-type';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** An MPEG-1 layer III frame header (128 kbit/s, 44.1 kHz) followed by its 417-byte frame. */
const mp3Frame = () => bytes([0xff, 0xfb, 0x90, 0x00], new Array(413).fill(0));

describe('detectMediaType', () => {
  it('recognises each allowed type from its first bytes', () => {
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(detectMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toBe('image/png');
    expect(detectMediaType(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))).toBe('application/pdf');
    expect(detectMediaType(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'))).toBe('video/mp4');
    expect(detectMediaType(bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'mp42isom'))).toBe('video/mp4');
    expect(detectMediaType(bytes([0, 0, 0, 0x1c], 'ftypM4A ', [0, 0, 0, 0], 'M4A mp42isom'))).toBe('audio/mp4');
    expect(detectMediaType(bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt ', [0x10, 0, 0, 0]))).toBe('audio/wav');
    expect(detectMediaType(bytes('ID3', [4, 0, 0, 0, 0, 0x02, 0x01]))).toBe('audio/mpeg');
    expect(detectMediaType(Buffer.concat([mp3Frame(), mp3Frame()]))).toBe('audio/mpeg');
    expect(detectMediaType(Buffer.from('Protocol of the site visit, cell 3.\r\nSigned.\n', 'utf8'))).toBe('text/plain');
    expect(detectMediaType(Buffer.from('Протокол осмотра. Хаттама.\tҚол қойылды.', 'utf8'))).toBe('text/plain');
  });

  it('ignores what the name or the declared type would claim: only the bytes count', () => {
    // A Windows executable, an ELF binary and a ZIP archive, whatever they are called.
    expect(detectMediaType(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]))).toBeNull();
    expect(detectMediaType(bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0]))).toBeNull();
    expect(detectMediaType(bytes('PK', [3, 4, 0x14, 0, 0, 0, 8, 0], 'photo.png'))).toBeNull();
  });

  it('refuses look-alikes of the allowed types', () => {
    expect(detectMediaType(Buffer.alloc(0))).toBeNull();
    expect(detectMediaType(bytes([0x89], 'PNG'))).toBeNull(); // a truncated signature
    expect(detectMediaType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeNull(); // HEIC shares the box
    expect(detectMediaType(bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  '))).toBeNull(); // QuickTime
    expect(detectMediaType(bytes('RIFF', [0x24, 0x08, 0, 0], 'AVI LIST'))).toBeNull();
    expect(detectMediaType(bytes([0xff, 0xfb, 0x90, 0x00], new Array(413).fill(0), 'not another frame'))).toBeNull();
    expect(detectMediaType(bytes([0xff, 0xff, 0xff, 0xff]))).toBeNull(); // no layer III frame
  });

  it('takes as text only strict UTF-8 without control characters', () => {
    expect(detectMediaType(bytes('plain \xe9t\xe9'))).toBeNull(); // Latin-1, not UTF-8
    expect(detectMediaType(bytes('text', [0], 'with a NUL'))).toBeNull();
    expect(detectMediaType(bytes('escape ', [0x1b], '[31m'))).toBeNull();
    expect(detectMediaType(Buffer.from('\ufeffwith a byte order mark\n', 'utf8'))).toBe('text/plain');
  });
});
