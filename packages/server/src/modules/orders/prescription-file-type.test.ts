import { describe, expect, it } from 'vitest';
import { cleanFilename, detectPrescriptionType } from './prescription-file-type.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('prescription scan type from its first bytes', () => {
  it.each([
    ['PDF (ISO 32000-1 §7.5.2 header)', Buffer.from('%PDF-1.7\n%âãÏÓ', 'latin1'), 'application/pdf'],
    ['JPEG SOI + APP0 (ITU T.81)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), 'image/jpeg'],
    ['PNG signature (RFC 2083 §3.1)', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['TIFF little-endian "II*\\0"', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0), 'image/tiff'],
    ['TIFF big-endian "MM\\0*"', bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), 'image/tiff'],
  ])('%s', (_label, content, type) => {
    expect(detectPrescriptionType(content)).toBe(type);
  });

  it.each([
    ['text claiming to be a PDF', Buffer.from('PDF-1.7 not really')],
    ['a PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a GIF', Buffer.from('GIF89a')],
    ['an HTML page', Buffer.from('<!doctype html><script>')],
    ['nothing', bytes()],
  ])('refuses %s', (_label, content) => {
    expect(detectPrescriptionType(content)).toBeNull();
  });

  it('keeps the base name only, without control characters or quotes, with a default', () => {
    expect(cleanFilename('C:\\scans\\ordonnance 12-03.pdf', 'application/pdf')).toBe('ordonnance 12-03.pdf');
    expect(cleanFilename('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(cleanFilename('a"b\r\nc.jpg', 'image/jpeg')).toBe('abc.jpg');
    expect(cleanFilename(undefined, 'image/tiff')).toBe('ordonnance.tif');
    expect(cleanFilename('   ', 'application/pdf')).toBe('ordonnance.pdf');
    expect(cleanFilename('x'.repeat(300), 'application/pdf')).toHaveLength(200);
  });
});
