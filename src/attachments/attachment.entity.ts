import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Case } from '../cases/case.entity';
import { Meeting } from '../meetings/meeting.entity';
import { User } from '../accounts/user.entity';

export type ExtractionStatus = 'pending' | 'extracted' | 'failed' | 'none';

@Index('attachments_case_id_idx', ['caseId'])
@Index('attachments_blob_idx', ['blobSha256'])
@Index('attachments_meeting_id_idx', ['meetingId'], { where: 'meeting_id IS NOT NULL' })
@Check('attachments_one_owner', `(case_id IS NULL) <> (meeting_id IS NULL)`)
@Check('attachments_size_bytes_check', `size_bytes > 0`)
@Check(
  'attachments_extraction_status_check',
  `extraction_status IN ('pending', 'extracted', 'failed', 'none')`,
)
@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  /** The case it belongs to, or null for an attachment of a meeting's verslag. */
  @Column({ type: 'integer', nullable: true })
  caseId!: number | null;
  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case | null;

  /** The meeting whose verslag it belongs to (exactly one of caseId and meetingId is set). */
  @Column({ type: 'integer', nullable: true })
  meetingId!: number | null;
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting | null;

  /** Content address in the blob store; identical files share one blob. */
  @Column({ type: 'char', length: 64 })
  blobSha256!: string;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ type: 'varchar', length: 120 })
  mimeType!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  extractionStatus!: ExtractionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  extractionError!: string | null;

  @Column({ type: 'text', nullable: true, select: false })
  extractedText!: string | null;

  /** For PDFs: the character offset where each page starts in extractedText. */
  @Column({ type: 'integer', array: true, nullable: true })
  pageOffsets!: number[] | null;

  @Column({ type: 'integer', nullable: true })
  uploadedById!: number | null;
  @ManyToOne(() => User)
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
