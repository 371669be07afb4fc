/**
 * The type of an uploaded prescription scan, read from its first bytes (the declared MIME type and
 * the file name are the client's word; the content is checked). Signatures: PDF "%PDF-" (ISO
 * 32000-1 §7.5.2), JPEG SOI FF D8 FF (ITU T.81 Annex B), PNG 89 50 4E 47 0D 0A 1A 0A (RFC 2083
 * §3.1), TIFF "II*\0" or "MM\0*" (TIFF 6.0 §2 image file header).
 */
export type PrescriptionContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

const signatures: readonly { type: PrescriptionContentType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
];

export function detectPrescriptionType(content: Uint8Array): PrescriptionContentType | null {
  for (const signature of signatures) {
    if (content.length >= signature.bytes.length && signature.bytes.every((byte, i) => content[i] === byte)) {
      return signature.type;
    }
  }
  return null;
}

const extensions: Readonly<Record<PrescriptionContentType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
};

/**
 * A file name safe to store and to send back in Content-Disposition: base name only, no control
 * characters, at most 200 characters; a default when nothing is left.
 */
export function cleanFilename(name: string | undefined, type: PrescriptionContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && char !== '"';
    })
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? `ordonnance.${extensions[type]}` : cleaned;
}
