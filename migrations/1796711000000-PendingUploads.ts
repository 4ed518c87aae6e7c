import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files chosen on the new-case form before the case exists: checked by the same rules as any
 * attachment and stored in the blob store, then attached when the case is saved (or dropped by
 * gc-blobs a day later). Tied to the member who uploaded them, never readable by anyone else.
 */
export class PendingUploads1796711000000 implements MigrationInterface {
  name = 'PendingUploads1796711000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_uploads (
        id uuid PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blob_sha256 char(64) NOT NULL,
        filename varchar(255) NOT NULL,
        mime_type varchar(120) NOT NULL,
        size_bytes bigint NOT NULL CONSTRAINT pending_uploads_size_bytes_check CHECK (size_bytes > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pending_uploads_user_id_idx ON pending_uploads (user_id)`);
    await q.query(`CREATE INDEX pending_uploads_blob_idx ON pending_uploads (blob_sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pending_uploads`);
  }
}
