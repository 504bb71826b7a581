import { inlineDisposition, sanitisePhotoName, sniffPhotoType } from './photo-file';

describe('visit photo files', () => {
  it('recognises JPEG, PNG and WebP by their first bytes and nothing else', () => {
    expect(sniffPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffPhotoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffPhotoType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffPhotoType(Buffer.from('hello, not a picture'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhotoType(Buffer.alloc(0))).toBeNull();
  });

  it('keeps no directory, control character or leading dot of a name, and at most 100 characters', () => {
    expect(sanitisePhotoName('../../etc/现场.png', 'image/png')).toBe('现场.png');
    expect(sanitisePhotoName('C:\\Users\\a\\site.jpg', 'image/jpeg')).toBe('site.jpg');
    expect(sanitisePhotoName('a\u0000b\nc\u007f.png', 'image/png')).toBe('abc.png');
    expect(sanitisePhotoName('..', 'image/png')).toBe('photo.png');
    expect(sanitisePhotoName(undefined, 'image/webp')).toBe('photo.webp');
    expect(sanitisePhotoName(`${'工'.repeat(150)}.jpg`, 'image/jpeg')).toHaveLength(100);
  });

  it('names the file for the browser in RFC 5987 form', () => {
    expect(inlineDisposition('现场 1.png')).toBe("inline; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%201.png");
    expect(inlineDisposition("a'b.png")).toBe("inline; filename*=UTF-8''a%27b.png");
  });
});
