import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import type { CorporationRole, MeetingStatus } from '../domain';

@Index('meetings_starts_at_idx', ['startsAt'])
@Check(
  'meetings_focus_role_check',
  `focus_role IS NULL OR focus_role IN ('verhuurder', 'samenwerkingspartner', 'opdrachtgever', 'ontwikkelaar')`,
)
@Check('meetings_status_check', `status IN ('planned', 'nominations_open', 'agenda_set', 'held')`)
@Check('meetings_capacity_check', `capacity > 0`)
@Check('meetings_max_guests_per_organization_check', `max_guests_per_organization >= 0`)
@Check('meetings_non_member_seats_check', `non_member_seats >= 0`)
@Entity('meetings')
export class Meeting {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  locationName!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  locationAddress!: string;

  @Column({ type: 'integer', nullable: true })
  hostOrganizationId!: number | null;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'host_organization_id' })
  hostOrganization?: Organization | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  focusRole!: CorporationRole | null;

  @Column({ type: 'timestamptz', nullable: true })
  nominationDeadline!: Date | null;

  @Column({ type: 'varchar', length: 30, default: 'planned' })
  status!: MeetingStatus;

  @Column({ type: 'varchar', length: 7, default: '' })
  locationPostcode!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  locationCity!: string;

  /** Seats for members and guests together; null: no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'integer', default: 2 })
  maxGuestsPerOrganization!: number;

  /** Seats for guests of organisations that are not members; null: no separate limit. */
  @Column({ type: 'integer', nullable: true })
  nonMemberSeats!: number | null;

  /** Signing up and cancelling close at the end of this day. */
  @Column({ type: 'timestamptz', nullable: true })
  signupDeadline!: Date | null;

  /** The calendar entry's SEQUENCE: bumped when time or place change, and on a cancellation. */
  @Column({ type: 'integer', default: 0 })
  calendarSequence!: number;

  /** Bumped on every agenda change, so a reorder from a stale page is refused (409). */
  @Column({ type: 'integer', default: 1 })
  agendaVersion!: number;

  @Column({ type: 'integer', nullable: true })
  createdById!: number | null;
  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
