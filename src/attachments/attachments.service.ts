import { rm } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { rowsOf } from '../db/sql';
import { enqueueSearchUpdate } from '../search/outbox';
import { badRequest } from '../web/http-errors';
import type { ExtractionStatus } from './attachment.entity';
import type { BlobStore, StoredBlob } from './blob-store';
import { removeStaleUploads } from './blob-store';
import { detectAllowedType, unsupportedType, type AllowedType } from './file-types';
import { sanitizeFilename, withExtension } from './filenames';

/** A file as multer left it on disk. */
export interface UploadedFile {
  path: string;
  originalname: string;
  size: number;
}

export interface AddedAttachment {
  id: number;
  caseId: number | null;
  meetingId: number | null;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  extractionStatus: ExtractionStatus;
}

/** Every file checked (not empty, an allowed type by its content) before anything is stored. */
async function checkFiles(files: UploadedFile[]) {
  if (files.length === 0) throw badRequest('Kies minstens één bestand om toe te voegen.');
  const checked: Array<{ file: UploadedFile; name: string; type: AllowedType }> = [];
  for (const file of files) {
    const name = sanitizeFilename(file.originalname);
    if (file.size === 0) throw badRequest(`"${name}" is leeg (0 bytes). Kies een bestand met inhoud.`);
    const type = await detectAllowedType(file.path);
    if (!type) throw unsupportedType(name);
    checked.push({ file, name: withExtension(name, type.extensions), type });
  }
  return checked;
}

/** gc leaves blobs younger than this alone: an upload may have stored one and not yet committed its row. */
const GC_GRACE_MS = 60 * 60 * 1000;

/** Writes of attachments: the blob store and the rows (with their search-outbox row) move together. */
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /**
   * Adds a batch of uploaded files to a case (or to a meeting's verslag), all or nothing: every
   * file is checked (not empty, an allowed type by its content) before anything is stored, and all
   * rows are written in one transaction. The temp files are consumed: removed whatever the outcome.
   */
  async add(
    owner: number | { meetingId: number },
    files: UploadedFile[],
    uploaderId: number,
  ): Promise<AddedAttachment[]> {
    const caseId = typeof owner === 'number' ? owner : null;
    const meetingId = typeof owner === 'number' ? null : owner.meetingId;
    try {
      const checked = await checkFiles(files);
      // Blobs first: if the transaction then fails, an unreferenced blob is left for gc (harmless),
      // never a row without its blob.
      const stored: Array<(typeof checked)[number] & { blob: StoredBlob }> = [];
      for (const c of checked) stored.push({ ...c, blob: await this.blobs.putFile(c.file.path) });

      const added = await this.dataSource.transaction(async (m) => {
        const rows: AddedAttachment[] = [];
        for (const s of stored) {
          // Only a case's files feed search; a verslag is found through its cases' outcomes.
          const status: ExtractionStatus = s.type.text && caseId !== null ? 'pending' : 'none';
          const [row] = await m.query(
            `INSERT INTO attachments (case_id, meeting_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, uploaded_by_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [caseId, meetingId, s.blob.sha256, s.name, s.type.mime, s.blob.size, status, uploaderId],
          );
          rows.push({
            id: row.id,
            caseId,
            meetingId,
            filename: s.name,
            mimeType: s.type.mime,
            sizeBytes: s.blob.size,
            extractionStatus: status,
          });
        }
        if (caseId !== null) await enqueueSearchUpdate(m, [caseId], 'attachment');
        return rows;
      });
      this.afterCommit();
      return added;
    } finally {
      await Promise.all(files.map((f) => rm(f.path, { force: true })));
    }
  }

  /**
   * Replaces an attachment's file (a redacted version of a letter): same place on the case, new
   * content, its text read again. The old blob stays for gc. Returns the case id, or undefined
   * when the attachment was deleted meanwhile.
   */
  async replace(attachmentId: number, file: UploadedFile, uploaderId: number): Promise<number | undefined> {
    try {
      const [c] = await checkFiles([file]);
      const blob = await this.blobs.putFile(c.file.path);
      const caseId = await this.dataSource.transaction(async (m) => {
        const rows = rowsOf<{ case_id: number; filename: string }>(
          await m.query(
            `UPDATE attachments a SET blob_sha256 = $2, filename = $3, mime_type = $4, size_bytes = $5,
                    extraction_status = $6, extraction_error = NULL, extracted_text = NULL, page_offsets = NULL,
                    uploaded_by_id = $7
               FROM attachments old WHERE a.id = $1 AND old.id = a.id
             RETURNING a.case_id, old.filename`,
            [
              attachmentId,
              blob.sha256,
              c.name,
              c.type.mime,
              blob.size,
              c.type.text ? 'pending' : 'none',
              uploaderId,
            ],
          ),
        );
        const row = rows[0];
        if (!row) return undefined;
        await recordAudit(m, {
          actorId: uploaderId,
          action: 'attachment.replaced',
          subjectType: 'case',
          subjectId: row.case_id,
          details: { attachmentId, before: row.filename, after: c.name },
        });
        await enqueueSearchUpdate(m, [row.case_id], 'attachment');
        return row.case_id;
      });
      if (caseId !== undefined) this.afterCommit();
      return caseId;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Deletes an attachment (the blob stays for gc: another row may share it); returns its owner. */
  async remove(
    attachmentId: number,
  ): Promise<{ caseId: number | null; meetingId: number | null } | undefined> {
    const owner = await this.dataSource.transaction(async (m) => {
      const rows = rowsOf<{ case_id: number | null; meeting_id: number | null }>(
        await m.query(`DELETE FROM attachments WHERE id = $1 RETURNING case_id, meeting_id`, [attachmentId]),
      );
      if (!rows[0]) return undefined;
      const { case_id: caseId, meeting_id: meetingId } = rows[0];
      if (caseId !== null) await enqueueSearchUpdate(m, [caseId], 'attachment');
      return { caseId, meetingId };
    });
    if (owner?.caseId != null) this.afterCommit();
    return owner;
  }

  /**
   * Removes blobs no row refers to any more (and half-written incoming files), skipping anything
   * younger than the grace period so an upload in progress keeps its blob.
   */
  async gcBlobs(
    options: {
      graceMs?: number;
      dataDir?: string;
      /** Called as stored files are checked (after the temp files). */
      onProgress?: (done: number, total: number) => void;
    } = {},
  ): Promise<{ count: number; bytes: number }> {
    const cutoff = new Date(Date.now() - (options.graceMs ?? GC_GRACE_MS));
    const incoming = await this.blobs.removeStaleIncoming(cutoff);
    const uploads = options.dataDir
      ? await removeStaleUploads(options.dataDir, cutoff)
      : { count: 0, bytes: 0 };
    const stale = { count: incoming.count + uploads.count, bytes: incoming.bytes + uploads.bytes };
    const candidates = (await this.blobs.listAll()).filter((b) => b.modifiedAt < cutoff);
    if (candidates.length === 0) return stale;
    const rows: Array<{ sha: string }> = await this.dataSource.query(
      `SELECT DISTINCT blob_sha256 AS sha FROM attachments WHERE blob_sha256 = ANY($1::char(64)[])`,
      [candidates.map((b) => b.sha256)],
    );
    const referenced = new Set(rows.map((r) => r.sha.trim()));
    let { count, bytes } = stale;
    options.onProgress?.(0, candidates.length);
    for (const [i, blob] of candidates.entries()) {
      if (!referenced.has(blob.sha256)) {
        await this.blobs.remove(blob.sha256);
        count++;
        bytes += blob.size;
      }
      options.onProgress?.(i + 1, candidates.length);
    }
    return { count, bytes };
  }
}
