import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobInfo extends StoredBlob {
  modifiedAt: Date;
}

/** Where multer writes uploads before they are checked and moved into the store. */
export function uploadTempDir(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/**
 * Removes upload temp files a crash (kill -9 during an upload) left behind: at start, every one
 * older than `olderThan`, and in gc-blobs. A finished or failed request removes its own.
 */
export function removeStaleUploads(dataDir: string, olderThan: Date) {
  return removeFilesOlderThan(uploadTempDir(dataDir), olderThan);
}

async function removeFilesOlderThan(dir: string, olderThan: Date): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || info.mtime >= olderThan) continue;
    await rm(file, { force: true });
    count++;
    bytes += info.size;
  }
  return { count, bytes };
}

/** Where the blobs of this DATA_DIR live. */
export function blobRoot(dataDir: string): string {
  return path.join(dataDir, 'blobs');
}

/**
 * Content-addressed file storage under DATA_DIR/blobs (blobs/ab/cd/<sha256>). Writes are atomic
 * (a temp file in the store, fsynced, then renamed), so a reader never sees half a file, and
 * identical uploads are stored once.
 */
export class BlobStore {
  /** Incoming writes: inside the store, so the final rename never crosses a file system. */
  private readonly incoming: string;

  constructor(readonly root: string) {
    this.incoming = path.join(root, '.incoming');
  }

  /** The blob's path; throws on anything that is not a sha256, so no caller can escape the store. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Ongeldige blob-sleutel: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Copies a file into the store, hashing while streaming; the source file is left alone. */
  async putFile(sourcePath: string): Promise<StoredBlob> {
    await mkdir(this.incoming, { recursive: true });
    const temp = path.join(this.incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(sourcePath), hashing, createWriteStream(temp, { flags: 'wx' }));
      const handle = await open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (await this.has(sha256)) {
        // Same content already stored. Touch it, so a gc running right now counts it as fresh.
        await rm(temp, { force: true });
        const now = new Date();
        await utimes(target, now, now).catch(() => undefined);
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temp, target);
      }
      return { sha256, size };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  /** Size in bytes, or undefined when the blob is missing. */
  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return undefined;
    }
  }

  createReadStream(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** Removes a blob (a missing one is fine). */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Removes half-written incoming files left by a crash; returns how many bytes were freed. */
  async removeStaleIncoming(olderThan: Date): Promise<{ count: number; bytes: number }> {
    return removeFilesOlderThan(this.incoming, olderThan);
  }

  /** Every blob in the store, for garbage collection. */
  async listAll(): Promise<BlobInfo[]> {
    const result: BlobInfo[] = [];
    for (const a of await dirNames(this.root, /^[0-9a-f]{2}$/)) {
      for (const b of await dirNames(path.join(this.root, a), /^[0-9a-f]{2}$/)) {
        const dir = path.join(this.root, a, b);
        for (const name of await readdir(dir)) {
          if (!SHA256.test(name) || !name.startsWith(a + b)) continue;
          const info = await stat(path.join(dir, name)).catch(() => undefined);
          if (info?.isFile()) result.push({ sha256: name, size: info.size, modifiedAt: info.mtime });
        }
      }
    }
    return result;
  }
}

async function dirNames(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && pattern.test(e.name)).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
