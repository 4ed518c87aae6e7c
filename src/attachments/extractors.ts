import mammoth from 'mammoth';
import { promisify } from 'node:util';
import { createInflate, inflateRaw } from 'node:zlib';

/**
 * The parsers behind attachment text extraction: PDF (unpdf) and DOCX (mammoth, after the ZIP
 * checks). Pure functions without database or app imports: they run inside the extraction worker
 * thread (extraction-worker.ts), which the main thread can terminate when one takes too long.
 */

export const EXTRACTION_LIMITS = {
  maxInputBytes: 50 * 1024 * 1024,
  maxZipUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 2_000,
  timeoutMs: 30_000,
  maxChars: 2_000_000,
  /** Pages of a PDF read at most; a document with more is refused. */
  maxPages: 5_000,
  /** Bytes all compressed PDF streams together may inflate to (a 2 MB PDF can hold gigabytes). */
  maxDecodedBytes: 256 * 1024 * 1024,
  /** V8 heap of the extraction process. */
  maxWorkerHeapMb: 256,
  /** Resident memory of the extraction process (heap, ArrayBuffers, WebAssembly): killed above it. */
  maxWorkerRssMb: 512,
};
export type ExtractionLimits = typeof EXTRACTION_LIMITS;

/** A failure whose message is the short Dutch reason stored on the attachment. */
export class ExtractionError extends Error {}

/** The reason stored for every resource limit (size, pages, memory, decoded bytes). */
export const TOO_LARGE_OR_COMPLEX = 'bestand te groot of te complex';
const tooLarge = () => new ExtractionError(TOO_LARGE_OR_COMPLEX);

export interface Extracted {
  text: string;
  pageOffsets: number[] | null;
}

export type TextSource = 'pdf' | 'docx';

/** Extracts the text of one file's content, capped at limits.maxChars. */
export async function extractFromBuffer(
  source: TextSource,
  buffer: Buffer,
  limits: ExtractionLimits,
): Promise<Extracted> {
  const extracted = source === 'pdf' ? await extractPdf(buffer, limits) : await extractDocx(buffer, limits);
  return capText(extracted, limits.maxChars);
}

async function extractPdf(buffer: Buffer, limits: ExtractionLimits): Promise<Extracted> {
  // PDF.js keeps every decoded stream whole in memory: measure what they inflate to first.
  await checkPdfStreams(buffer, limits.maxDecodedBytes);
  const { getDocumentProxy } = await import('unpdf');
  // No eval of font programs, no console warnings for damaged files.
  const pdf = await getDocumentProxy(new Uint8Array(buffer), { isEvalSupported: false, verbosity: 0 });
  try {
    if (pdf.numPages > limits.maxPages) throw tooLarge();
    const pageOffsets: number[] = [];
    let text = '';
    // Page by page, stopping once the character limit is reached: later pages are never parsed.
    for (let n = 1; n <= pdf.numPages && text.length < limits.maxChars; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      const pageText = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      if (text) text += '\n\n';
      pageOffsets.push(text.length);
      text += clean(pageText);
    }
    return { text, pageOffsets };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function extractDocx(buffer: Buffer, limits: ExtractionLimits): Promise<Extracted> {
  await checkZip(buffer, limits);
  const result = await mammoth.extractRawText({ buffer });
  return { text: clean(result.value), pageOffsets: null };
}

/** PostgreSQL text cannot hold NUL; runs of blank lines say nothing. */
function clean(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function capText(extracted: Extracted, maxChars: number): Extracted {
  if (extracted.text.length <= maxChars) return extracted;
  return {
    text: extracted.text.slice(0, maxChars),
    pageOffsets: extracted.pageOffsets?.filter((offset) => offset < maxChars) ?? null,
  };
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// ---- PDF stream limits ----

/**
 * Inflates every zlib-compressed stream of the PDF into nothing, counting the bytes, and refuses
 * the file once they add up to more than maxDecodedBytes. Costs CPU, never memory: the output is
 * dropped chunk by chunk. (Streams with other filters are left to the process memory bound.)
 */
export async function checkPdfStreams(buffer: Buffer, maxDecodedBytes: number): Promise<void> {
  let total = 0;
  const keyword = /stream\r?\n/g;
  const latin1 = buffer.toString('latin1');
  for (let m = keyword.exec(latin1); m; m = keyword.exec(latin1)) {
    if (latin1.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    if (!looksLikeZlib(buffer, start)) continue;
    let end = latin1.indexOf('endstream', start);
    if (end < 0) end = buffer.length;
    total += await inflatedSize(buffer.subarray(start, end), maxDecodedBytes - total);
    if (total > maxDecodedBytes) throw tooLarge();
    keyword.lastIndex = end;
  }
}

function looksLikeZlib(buffer: Buffer, at: number): boolean {
  if (at + 2 > buffer.length) return false;
  const cmf = buffer[at];
  return (cmf & 0x0f) === 8 && ((cmf << 8) | buffer[at + 1]) % 31 === 0;
}

/** Bytes the zlib data inflates to, counting stops just past `budget`; damaged data counts what it gave. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    const done = () => {
      inflate.removeAllListeners();
      inflate.on('error', () => undefined);
      inflate.destroy();
      resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) done();
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.end(data);
  });
}

// ---- ZIP limits (DOCX is a ZIP: a tiny file can inflate to gigabytes) ----

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const inflateRawAsync = promisify(inflateRaw);

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const damaged = () => new ExtractionError('Het Word-bestand is beschadigd (ongeldige ZIP-structuur).');

/**
 * Reads the ZIP central directory and refuses archives over the entry or size limits; then
 * inflates each entry with its declared size as the hard output limit, so a header that lies
 * about the size cannot smuggle a bomb past the check.
 */
export async function checkZip(
  buffer: Buffer,
  limits: Pick<ExtractionLimits, 'maxZipEntries' | 'maxZipUncompressedBytes'>,
) {
  const entries = readCentralDirectory(buffer, limits.maxZipEntries);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxZipUncompressedBytes) {
    throw new ExtractionError(
      `Uitgepakt groter dan ${mb(limits.maxZipUncompressedBytes)} MB; tekst is niet uitgehaald.`,
    );
  }
  for (const entry of entries) {
    const start = dataStart(buffer, entry.localHeaderOffset);
    const end = start + entry.compressedSize;
    if (end > buffer.length) throw damaged();
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw damaged();
    } else if (entry.method === 8) {
      try {
        const out = await inflateRawAsync(buffer.subarray(start, end), {
          maxOutputLength: Math.max(1, entry.uncompressedSize),
        });
        if (out.length !== entry.uncompressedSize) throw damaged();
      } catch {
        throw damaged();
      }
    } else {
      throw new ExtractionError('Het Word-bestand gebruikt een niet-ondersteunde compressie.');
    }
  }
}

function readCentralDirectory(buffer: Buffer, maxEntries: number): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  let count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) throw damaged();
    const zip64 = toSafeNumber(buffer.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== ZIP64_EOCD) throw damaged();
    count = toSafeNumber(buffer.readBigUInt64LE(zip64 + 32));
    offset = toSafeNumber(buffer.readBigUInt64LE(zip64 + 48));
  }
  if (count > maxEntries) {
    throw new ExtractionError(
      `Het Word-bestand bevat meer dan ${maxEntries} onderdelen; tekst is niet uitgehaald.`,
    );
  }

  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL) throw damaged();
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      uncompressedSize: buffer.readUInt32LE(p + 24),
      localHeaderOffset: buffer.readUInt32LE(p + 42),
    };
    const extraStart = p + 46 + nameLength;
    if (extraStart + extraLength > buffer.length) throw damaged();
    applyZip64Extra(entry, buffer.subarray(extraStart, extraStart + extraLength));
    entries.push(entry);
    p = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets of 0xFFFFFFFF live in the ZIP64 extra field (id 1), in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (k) => entry[k] === 0xffffffff,
  );
  if (fields.length === 0) return;
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 1) {
      if (size < fields.length * 8 || i + 4 + size > extra.length) throw damaged();
      fields.forEach((k, n) => (entry[k] = toSafeNumber(extra.readBigUInt64LE(i + 4 + n * 8))));
      return;
    }
    i += 4 + size;
  }
  throw damaged();
}

function dataStart(buffer: Buffer, localHeaderOffset: number): number {
  if (localHeaderOffset + 30 > buffer.length || buffer.readUInt32LE(localHeaderOffset) !== LOCAL)
    throw damaged();
  return (
    localHeaderOffset +
    30 +
    buffer.readUInt16LE(localHeaderOffset + 26) +
    buffer.readUInt16LE(localHeaderOffset + 28)
  );
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
  return Number(value);
}
