import { cleanFileName } from './file-name';

describe('cleanFileName', () => {
  it('keeps an ordinary name', () => {
    expect(cleanFileName('cell-3 photo.jpg', 'image/jpeg')).toBe('cell-3 photo.jpg');
    expect(cleanFileName('Хаттама №5.pdf', 'application/pdf')).toBe('Хаттама №5.pdf');
  });

  it('drops directories, control and reserved characters and leading dots', () => {
    expect(cleanFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\officer\\scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(cleanFileName('a\u0000b\r\nc<d>:"e"|?*.txt', 'text/plain')).toBe('abc_d___e____.txt');
    expect(cleanFileName('..hidden.png', 'image/png')).toBe('hidden.png');
  });

  it('names a file that has no usable name after its type', () => {
    expect(cleanFileName(undefined, 'image/png')).toBe('evidence.png');
    expect(cleanFileName('...', 'audio/mpeg')).toBe('evidence.mp3');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const cleaned = cleanFileName(`${'к'.repeat(300)}.jpg`, 'image/jpeg');
    expect([...cleaned]).toHaveLength(200);
    expect(cleaned.endsWith('к.jpg')).toBe(true);
  });

  it('gives the name the extension of the type the bytes were recognised as, whatever the uploader called it', () => {
    expect(cleanFileName('report.html', 'text/plain')).toBe('report.txt');
    expect(cleanFileName('invoice.pdf.exe', 'application/pdf')).toBe('invoice.pdf.pdf');
    expect(cleanFileName('scan', 'image/png')).toBe('scan.png');
    expect(cleanFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(cleanFileName('.html', 'text/plain')).toBe('html.txt');
  });

  it('drops bidirectional overrides and other invisible characters, so the name reads as it is', () => {
    expect(cleanFileName('statement\u202Efdp.exe', 'text/plain')).toBe('statementfdp.txt');
    expect(cleanFileName('a\u200Bb\u2066c\u2069\uFEFF.txt', 'text/plain')).toBe('abc.txt');
  });
});
