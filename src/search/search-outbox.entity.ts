import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** "Case N's search document must be rebuilt": written in the same transaction as the change. */
@Entity('search_outbox')
export class SearchOutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ type: 'integer' })
  caseId!: number;

  @Column({ type: 'varchar', length: 60, default: 'change' })
  reason!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  /** Engines that have applied this entry; it is deleted once every engine has. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  appliedTo!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
