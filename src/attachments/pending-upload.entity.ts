import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';

/**
 * A file chosen on the new-case form before the case exists (migration PendingUploads): checked
 * and stored like an attachment, attached when the case is saved, removed by gc-blobs after a day.
 */
@Index('pending_uploads_user_id_idx', ['userId'])
@Index('pending_uploads_blob_idx', ['blobSha256'])
@Check('pending_uploads_size_bytes_check', `size_bytes > 0`)
@Entity('pending_uploads')
export class PendingUpload {
  /** Random, made by the app: the form sends it back to claim the file. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  userId!: number;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  blobSha256!: string;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ type: 'varchar', length: 120 })
  mimeType!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
