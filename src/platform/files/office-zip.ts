// Looks inside an uploaded zip to tell a Word, Excel or PowerPoint file from any other zip, and
// refuses zip bombs: the directory is checked before anything is inflated, and inflating (to
// prove the directory told the truth) stops as soon as the real bytes pass a limit.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { OfficeKind } from './file-kind.js';

export interface ZipLimits {
  maxEntries: number;
  /** The most all the entries together may hold once inflated. */
  maxTotalBytes: number;
  /** The highest inflated-to-compressed ratio for an entry larger than ratioFromBytes. */
  maxRatio: number;
  ratioFromBytes: number;
}

export const zipLimits: ZipLimits = Object.freeze({
  maxEntries: 2_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
});

/** An Office file of a kind the upload allows, or why not: not one at all, or not safe to open. */
export type OfficeZipCheck = { ok: true; kind: OfficeKind } | { ok: false; reason: OfficeRefusal };
export type OfficeRefusal = 'wrong-kind' | 'unsafe';

// The part each kind's main document lives in, as Office itself writes it.
const mainParts: readonly [OfficeKind, string][] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

// Archives inside the archive. Office puts a workbook inside every chart ("embeddings"), so an
// embedded Word, Excel or PowerPoint file is allowed there (its bytes still count to the limits).
const archiveName = /\.(zip|zipx|rar|7z|gz|tgz|tar|bz2|xz|jar|cab|arj|lz|lzh|z)$/i;
const officeEmbedding = /(^|\/)embeddings\/[^/]+\.(docx|xlsx|pptx)$/i;
const archiveMagic: readonly Buffer[] = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]), // zip
  Buffer.from([0x50, 0x4b, 0x05, 0x06]), // empty zip
  Buffer.from([0x1f, 0x8b]), // gzip
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), // 7z
  Buffer.from('Rar!\x1a\x07', 'latin1'), // rar
  Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), // xz
  Buffer.from('BZh', 'latin1'), // bzip2 (checked with its block magic below)
];

class Unsafe extends Error {}

interface ListedEntry {
  entry: Entry;
  name: string;
}

export async function checkOfficeZip(
  data: Buffer,
  allowed: readonly OfficeKind[],
  limits: ZipLimits = zipLimits,
): Promise<OfficeZipCheck> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, {
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch {
    // It starts like a zip but its directory cannot be read: broken, or made to mislead.
    return { ok: false, reason: 'unsafe' };
  }
  try {
    if (zip.entryCount > limits.maxEntries) return { ok: false, reason: 'unsafe' };
    const entries = await listEntries(zip);
    const kind = officeKindOf(entries.map(({ name }) => name));
    if (kind === undefined || !allowed.includes(kind)) return { ok: false, reason: 'wrong-kind' };
    checkDirectory(entries, limits);
    await inflateAll(zip, entries, limits);
    return { ok: true, kind };
  } catch {
    return { ok: false, reason: 'unsafe' };
  } finally {
    zip.close();
  }
}

async function listEntries(zip: ZipFile): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  for await (const entry of zip.eachEntry()) {
    const name = yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      true,
    );
    entries.push({ entry, name });
  }
  return entries;
}

/** The kind of Office file these entry names make, if any. A macro-enabled file is none. */
export function officeKindOf(names: readonly string[]): OfficeKind | undefined {
  // Part names in an Office file are not case-sensitive.
  const lower = new Set(names.map((name) => name.toLowerCase()));
  if (!lower.has('[content_types].xml')) return undefined;
  if ([...lower].some((name) => name.endsWith('vbaproject.bin'))) return undefined;
  return mainParts.find(([, part]) => lower.has(part))?.[0];
}

export function isSafeEntryName(name: string): boolean {
  if (name === '' || yauzl.validateFileName(name) !== null) return false;
  // No control characters, and no colons (drive letters, alternate data streams) anywhere.
  return ![...name].some((char) => char < ' ' || char === '\u007f' || char === ':');
}

function checkDirectory(entries: readonly ListedEntry[], limits: ZipLimits): void {
  const seen = new Set<string>();
  let declaredTotal = 0;
  for (const { entry, name } of entries) {
    const rawName = entry.fileNameRaw.toString('latin1');
    if (!isSafeEntryName(name) || !isSafeEntryName(rawName)) throw new Unsafe();
    // The same part twice lets two readers see two different files.
    if (seen.has(name.toLowerCase())) throw new Unsafe();
    seen.add(name.toLowerCase());
    if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new Unsafe();
    if (archiveName.test(name) && !officeEmbedding.test(name)) throw new Unsafe();
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw new Unsafe();
    if (tooCompressed(entry.uncompressedSize, entry.compressedSize, limits)) throw new Unsafe();
  }
}

function tooCompressed(inflated: number, compressed: number, limits: ZipLimits): boolean {
  return inflated > limits.ratioFromBytes && inflated > limits.maxRatio * Math.max(compressed, 1);
}

function isArchive(start: Buffer): boolean {
  return archiveMagic.some((magic) => {
    if (start.length < magic.length || !start.subarray(0, magic.length).equals(magic)) return false;
    // "BZh" alone could begin some text: a bzip2 stream goes on with a level and its block magic.
    if (magic.toString('latin1') === 'BZh') {
      return /^BZh[1-9]1AY&SY/.test(start.subarray(0, 10).toString('latin1'));
    }
    return true;
  });
}

/** Inflates every entry and counts the real bytes, stopping at the first that breaks a limit. */
async function inflateAll(
  zip: ZipFile,
  entries: readonly ListedEntry[],
  limits: ZipLimits,
): Promise<void> {
  let total = 0;
  for (const { entry, name } of entries) {
    // The local header must name the same file: some tools read that one instead.
    const header = await zip.readLocalFileHeaderPromise(entry);
    if (!header.fileName.equals(entry.fileNameRaw)) throw new Unsafe();
    if (name.endsWith('/')) {
      if (entry.uncompressedSize !== 0) throw new Unsafe();
      continue;
    }
    const stream: Readable = await zip.openReadStreamPromise(entry);
    let inflated = 0;
    let start = Buffer.alloc(0);
    // yauzl also errors the moment an entry passes its declared size; breaking destroys the stream.
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (start.length < 16) start = Buffer.concat([start, chunk.subarray(0, 16)]);
      inflated += chunk.length;
      total += chunk.length;
      if (
        inflated > entry.uncompressedSize ||
        total > limits.maxTotalBytes ||
        tooCompressed(inflated, entry.compressedSize, limits)
      ) {
        stream.destroy();
        throw new Unsafe();
      }
    }
    if (inflated !== entry.uncompressedSize) throw new Unsafe();
    if (isArchive(start) && !officeEmbedding.test(name)) throw new Unsafe();
  }
}
