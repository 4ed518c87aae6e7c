import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SignupStatus } from './signups.queries';

/** A member's sign-up for a meeting (one per member and meeting; a cancelled one is kept). */
@Entity('meeting_signups')
export class MeetingSignup {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  meetingId!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** The member's organisation when they signed up: the guest limit counts per organisation. */
  @Column({ type: 'integer' })
  organizationId!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: SignupStatus;

  /** The presence check on the day: true, false or not recorded. */
  @Column({ type: 'boolean', nullable: true })
  present!: boolean | null;

  /** The waiting list's order: when the member (last) asked for a seat. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A guest a member brings (never an account). */
@Entity('meeting_signup_guests')
export class MeetingSignupGuest {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  signupId!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  organization!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** Not of a member organisation: takes one of the meeting's seats for non-members. */
  @Column({ type: 'boolean' })
  nonMember!: boolean;

  @Column({ type: 'boolean', nullable: true })
  present!: boolean | null;

  @Column({ type: 'integer' })
  position!: number;
}

/** One slot of a meeting's programme, in Dutch local time on the meeting's day. */
@Entity('meeting_programme_items')
export class MeetingProgrammeItem {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  meetingId!: number;

  @Column({ type: 'integer' })
  position!: number;

  /** "HH:MM" */
  @Column({ type: 'char', length: 5 })
  startsAt!: string;

  @Column({ type: 'char', length: 5, nullable: true })
  endsAt!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The agenda case presented in this slot. */
  @Column({ type: 'integer', nullable: true })
  nominationId!: number | null;

  @Column({ type: 'integer', nullable: true })
  presenterId!: number | null;

  @Column({ type: 'integer', nullable: true })
  expertId!: number | null;
}

/** The verslag of a held meeting (Markdown). */
@Entity('meeting_reports')
export class MeetingReport {
  @PrimaryColumn({ type: 'integer' })
  meetingId!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'integer', nullable: true })
  authorId!: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
