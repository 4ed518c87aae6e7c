import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { rowsOf } from '../db/sql';
import { enqueueSearchUpdate } from '../search/outbox';
import { badRequest } from '../web/http-errors';
import type { ExtractionStatus } from './attachment.entity';
import type { BlobStore, StoredBlob } from './blob-store';
import { removeStaleUploads } from './blob-store';
import { allowedTypeByMime, detectAllowedType, unsupportedType, type AllowedType } from './file-types';
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
    if (file.size === 0) throw badRequest(`“${name}” is leeg (0 bytes). Kies een bestand met inhoud.`);
    const type = await detectAllowedType(file.path);
    if (!type) throw unsupportedType(name);
    checked.push({ file, name: withExtension(name, type.extensions), type });
  }
  return checked;
}

/** A file chosen on the new-case form, stored and waiting for its case (pending_uploads). */
export interface PendingUploadRow {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

/** A pending upload not claimed within this time is dropped by gc-blobs (its blob with it). */
export const PENDING_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

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
        const rows = await insertAttachments(
          m,
          { caseId, meetingId },
          stored.map((x) => ({ sha256: x.blob.sha256, size: x.blob.size, name: x.name, type: x.type })),
          uploaderId,
        );
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
   * Stores files chosen on the new-case form before the case exists, by the same rules as add()
   * (all or nothing, checked by content): they wait in pending_uploads for the member who sent
   * them, and claim() attaches them when the case is saved. The temp files are consumed.
   */
  async stage(files: UploadedFile[], uploaderId: number): Promise<PendingUploadRow[]> {
    try {
      const checked = await checkFiles(files);
      const rows: PendingUploadRow[] = [];
      const stored: Array<(typeof checked)[number] & { blob: StoredBlob }> = [];
      for (const c of checked) stored.push({ ...c, blob: await this.blobs.putFile(c.file.path) });
      await this.dataSource.transaction(async (m) => {
        // This member's files never saved with a case go after a day (gc-blobs does so for everyone).
        await m.query(`DELETE FROM pending_uploads WHERE user_id = $1 AND created_at < $2`, [
          uploaderId,
          new Date(Date.now() - PENDING_UPLOAD_TTL_MS),
        ]);
        for (const s of stored) {
          const id = randomUUID();
          await m.query(
            `INSERT INTO pending_uploads (id, user_id, blob_sha256, filename, mime_type, size_bytes)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [id, uploaderId, s.blob.sha256, s.name, s.type.mime, s.blob.size],
          );
          rows.push({ id, filename: s.name, mimeType: s.type.mime, sizeBytes: s.blob.size });
        }
      });
      return rows;
    } finally {
      await Promise.all(files.map((f) => rm(f.path, { force: true })));
    }
  }

  /**
   * Attaches a member's pending uploads to their new case inside the caller's transaction (the
   * case's own), so the case and its files are saved together or not at all. A file no longer
   * waiting (claimed already, dropped after a day, someone else's) refuses the whole save with a
   * 400 at the attachments field. The caller kicks the indexer and the text extraction after commit.
   */
  async claim(
    m: EntityManager,
    caseId: number,
    ids: string[],
    uploaderId: number,
  ): Promise<AddedAttachment[]> {
    if (ids.length === 0) return [];
    const rows = rowsOf<{
      id: string;
      blob_sha256: string;
      filename: string;
      mime_type: string;
      size_bytes: string;
    }>(
      await m.query(
        `DELETE FROM pending_uploads WHERE user_id = $1 AND id = ANY($2::uuid[])
         RETURNING id, blob_sha256, filename, mime_type, size_bytes`,
        [uploaderId, [...new Set(ids)]],
      ),
    );
    if (rows.length !== new Set(ids).size)
      throw badRequest(
        'Een gekozen bijlage is niet meer beschikbaar (het uploaden is langer dan een dag geleden). Kies het bestand opnieuw; er is niets opgeslagen.',
        { field: 'bijlagen' },
      );
    // In the order the member chose them.
    const byId = new Map(rows.map((r) => [r.id, r]));
    await enqueueSearchUpdate(m, [caseId], 'attachment');
    return insertAttachments(
      m,
      { caseId, meetingId: null },
      [...new Set(ids)].map((id) => {
        const r = byId.get(id)!;
        return {
          sha256: r.blob_sha256.trim(),
          size: Number(r.size_bytes),
          name: r.filename,
          type: allowedTypeByMime(r.mime_type)!,
        };
      }),
      uploaderId,
    );
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
    // Files chosen for a case that was never saved: dropped after a day, their blobs below.
    await this.dataSource.query(`DELETE FROM pending_uploads WHERE created_at < $1`, [
      new Date(Date.now() - PENDING_UPLOAD_TTL_MS),
    ]);
    const incoming = await this.blobs.removeStaleIncoming(cutoff);
    const uploads = options.dataDir
      ? await removeStaleUploads(options.dataDir, cutoff)
      : { count: 0, bytes: 0 };
    const stale = { count: incoming.count + uploads.count, bytes: incoming.bytes + uploads.bytes };
    const candidates = (await this.blobs.listAll()).filter((b) => b.modifiedAt < cutoff);
    if (candidates.length === 0) return stale;
    const rows: Array<{ sha: string }> = await this.dataSource.query(
      `SELECT blob_sha256 AS sha FROM attachments WHERE blob_sha256 = ANY($1::char(64)[])
       UNION SELECT blob_sha256 FROM pending_uploads WHERE blob_sha256 = ANY($1::char(64)[])`,
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

/** The attachment rows for stored blobs (a case's files feed search: those with text wait for extraction). */
async function insertAttachments(
  m: EntityManager,
  owner: { caseId: number | null; meetingId: number | null },
  files: Array<{ sha256: string; size: number; name: string; type: AllowedType }>,
  uploaderId: number,
): Promise<AddedAttachment[]> {
  const rows: AddedAttachment[] = [];
  for (const f of files) {
    // Only a case's files feed search; a verslag is found through its cases' outcomes.
    const status: ExtractionStatus = f.type.text && owner.caseId !== null ? 'pending' : 'none';
    const [row] = await m.query(
      `INSERT INTO attachments (case_id, meeting_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, uploaded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [owner.caseId, owner.meetingId, f.sha256, f.name, f.type.mime, f.size, status, uploaderId],
    );
    rows.push({
      id: row.id,
      caseId: owner.caseId,
      meetingId: owner.meetingId,
      filename: f.name,
      mimeType: f.type.mime,
      sizeBytes: f.size,
      extractionStatus: status,
    });
  }
  return rows;
}
