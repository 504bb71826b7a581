import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflate = promisify(inflateRaw);

/** One file of a ZIP archive as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why an archive cannot be read: `unreadable` (not a ZIP we can open) or `too-large` (unpacks past the cap). */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a ZIP archive from its central directory, without unpacking anything. ZIP64 archives (over
 * 4 GB or 65,535 entries) are refused: no clerk's roll is one.
 */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > end) {
    throw new ZipRefusal('unreadable', 'the central directory is missing or uses ZIP64');
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new ZipRefusal('unreadable', 'a central directory entry is damaged');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipRefusal('unreadable', 'no end of central directory record');
}

/**
 * Unpacks one entry, never to more than `budget` bytes whatever its header declares (zlib stops at
 * `maxOutputLength`), off the main thread.
 */
export async function unpackEntry(bytes: Buffer, entry: ZipEntry, budget: number): Promise<Buffer> {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
    throw new ZipRefusal('unreadable', `the entry ${entry.name} is damaged`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) {
    throw new ZipRefusal('unreadable', `the entry ${entry.name} is cut short`);
  }
  if (entry.method === 0) {
    if (data.length > budget) throw new ZipRefusal('too-large', `${entry.name} is larger than the budget`);
    return data;
  }
  if (entry.method !== 8) {
    throw new ZipRefusal('unreadable', `the entry ${entry.name} uses compression method ${entry.method}`);
  }
  try {
    const out = await inflate(data, { maxOutputLength: Math.max(1, budget) });
    if (out.length > budget) throw new ZipRefusal('too-large', `${entry.name} is larger than the budget`);
    return out;
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipRefusal('too-large', `${entry.name} unpacks to more than its budget`);
    }
    throw new ZipRefusal('unreadable', `the entry ${entry.name} cannot be unpacked`);
  }
}

/**
 * A ZIP archive of the given files, stored uncompressed, local headers only, in the order given: what a
 * streaming reader needs to read them one after another (no central directory; CRCs are not checked by it).
 */
export function* storedZip(files: { name: string; data: Buffer }[], chunkSize: number): Generator<Buffer> {
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    yield Buffer.concat([header, nameBytes]);
    for (let at = 0; at < data.length; at += chunkSize) yield data.subarray(at, at + chunkSize);
  }
}
