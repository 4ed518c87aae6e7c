import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ExtractionStatus = 'pending' | 'extracted' | 'failed' | 'none';

@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  caseId!: number;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
