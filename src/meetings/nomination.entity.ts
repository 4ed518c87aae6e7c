import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import { Case } from '../cases/case.entity';
import type { NominationStatus } from '../domain';
import { Meeting } from './meeting.entity';

@Index('nominations_case_id_idx', ['caseId'])
@Unique(['meetingId', 'caseId'])
@Check('nominations_status_check', `status IN ('pending', 'selected', 'not_selected')`)
@Entity('nominations')
export class Nomination {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  meetingId!: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  caseId!: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ type: 'integer' })
  nominatedById!: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'nominated_by_id' })
  nominatedBy?: User;

  @Column({ type: 'varchar', length: 2000, default: '' })
  motivation!: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: NominationStatus;

  @Column({ type: 'varchar', length: 2000, default: '' })
  feedback!: string;

  @Column({ type: 'integer', nullable: true })
  agendaPosition!: number | null;

  @Column({ type: 'integer', nullable: true })
  decidedById!: number | null;
  @ManyToOne(() => User)
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  presentedAt!: Date | null;

  /** What the meeting learnt from the case ("wat we leerden"), written with the verslag. */
  @Column({ type: 'varchar', length: 2000, default: '' })
  outcome!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
