import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConfirmedFinding } from './personal-data';
import type { ReviewStatus } from './privacy.queries';

/** "Dit zijn geen gegevens van cliënten of huurders": who confirmed which findings, and the kerngroep's review. */
@Entity('privacy_confirmations')
export class PrivacyConfirmation {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  caseId!: number;

  @Column({ type: 'integer', nullable: true })
  confirmedById!: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  confirmedAt!: Date;

  @Column({ type: 'jsonb' })
  findings!: ConfirmedFinding[];

  @Column({ type: 'varchar', length: 20, default: 'open' })
  reviewStatus!: ReviewStatus;

  @Column({ type: 'integer', nullable: true })
  reviewedById!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote!: string | null;
}
