/** Signatures of common files we do not read, so a rejection can say what the file actually is. */
const KNOWN_SIGNATURES: { bytes: readonly number[]; offset?: number; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive or an Office document (Word, Excel)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old-style Office document (Word, Excel)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x42, 0x4d], name: 'a BMP image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, name: 'a WebP image' },
  { bytes: [0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69], offset: 4, name: 'a HEIC photo (iPhone)' },
  { bytes: [0x1f, 0x8b], name: 'a compressed (gzip) archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
];

/** A clerk-readable guess at what some bytes are, for files that are none of the kinds we read. */
export function describeBytes(bytes: Uint8Array): string {
  for (const signature of KNOWN_SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((byte, index) => bytes[offset + index] === byte)) return signature.name;
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (/^\s*<(!doctype html|html)/i.test(head))
    return 'a web page (HTML), perhaps saved from a browser instead of downloaded';
  if (/^\s*</.test(head)) return 'an XML or HTML text file';
  if (isText(bytes.subarray(0, 4096))) return 'plain text';
  return 'not a recognised document or image format';
}

/** Text when nothing in the sample is a control character other than tab, line feed, carriage return. */
function isText(sample: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample, { stream: true });
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const isControl = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (isControl || code === 0xfffd) return false;
  }
  return true;
}
