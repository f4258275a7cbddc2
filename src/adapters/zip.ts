/**
 * A minimal zip reader for DOCX: the central directory, then stored or deflated entries through node:zlib.
 * DOCX parts are small and few, so no streaming and no ZIP64. A part may unpack to at most {@link MAX_ENTRY}
 * bytes: a 600 MB document.xml packed into a 600 KB file (a zip bomb) is refused before it is inflated, and one
 * whose directory lies about its size is cut off by zlib at the same bound.
 */
import { inflateRawSync } from 'node:zlib';

/** The most bytes one entry may unpack to (a 300-page plan's document.xml is about 5 MB). */
export const MAX_ENTRY = 64 * 1024 * 1024;

/** Entry name → its bytes, inflated on demand. Throws on anything that is not a readable zip. */
export function readZip(bytes: Uint8Array): Map<string, () => Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record is in the last 64 KB (after it only a comment)
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('no zip directory (truncated file?)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged zip directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    entries.set(name, () => {
      if (flags & 1) throw new Error(`${name} is encrypted`);
      const tooBig = () => new Error(`unpacks to more than ${MAX_ENTRY / 1024 / 1024} MB (a zip bomb?)`);
      if (unpacked > MAX_ENTRY || (method === 0 && size > MAX_ENTRY)) throw tooBig();
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`damaged zip entry ${name}`);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) {
        try {
          return inflateRawSync(data, { maxOutputLength: MAX_ENTRY });
        } catch (e) {
          if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooBig();
          throw new Error(`damaged zip entry ${name} (${(e as Error).message})`);
        }
      }
      throw new Error(`${name} uses zip compression method ${method}`);
    });
  }
  return entries;
}
