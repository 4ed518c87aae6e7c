import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Case } from '../cases/case.entity';
import type { ConfirmedFinding } from './personal-data';
import type { ReviewStatus } from './privacy.queries';

/** "Dit zijn geen gegevens van cliënten of huurders": who confirmed which findings, and the kerngroep's review. */
@Index('privacy_confirmations_case', ['caseId'])
@Index('privacy_confirmations_open', { synchronize: false }) // partial (not yet checked): in the migration
@Check(
  'privacy_confirmations_review_status_check',
  `review_status IN ('open', 'checked', 'change_requested')`,
)
@Entity('privacy_confirmations')
export class PrivacyConfirmation {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  caseId!: number;
  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ type: 'integer', nullable: true })
  confirmedById!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by_id' })
  confirmedBy?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  confirmedAt!: Date;

  @Column({ type: 'jsonb' })
  findings!: ConfirmedFinding[];

  @Column({ type: 'varchar', length: 20, default: 'open' })
  reviewStatus!: ReviewStatus;

  @Column({ type: 'integer', nullable: true })
  reviewedById!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote!: string | null;
}
