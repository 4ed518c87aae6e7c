import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import { Meeting } from './meeting.entity';
import { Nomination } from './nomination.entity';
import type { SignupStatus } from './signups.queries';

/** A member's sign-up for a meeting (one per member and meeting; a cancelled one is kept). */
@Index('meeting_signups_meeting_status', ['meetingId', 'status', 'queuedAt'])
@Unique(['meetingId', 'userId'])
@Check('meeting_signups_status_check', `status IN ('aangemeld', 'wachtlijst', 'geannuleerd')`)
@Entity('meeting_signups')
export class MeetingSignup {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  meetingId!: number;
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  userId!: number;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The member's organisation when they signed up: the guest limit counts per organisation. */
  @Column({ type: 'integer' })
  organizationId!: number;
  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

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
@Index('meeting_signup_guests_signup', ['signupId'])
@Entity('meeting_signup_guests')
export class MeetingSignupGuest {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  signupId!: number;
  @ManyToOne(() => MeetingSignup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signup_id' })
  signup?: MeetingSignup;

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
@Index('meeting_programme_items_meeting', ['meetingId', 'position'])
@Entity('meeting_programme_items')
export class MeetingProgrammeItem {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  meetingId!: number;
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

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
  @ManyToOne(() => Nomination, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: Nomination | null;

  @Column({ type: 'integer', nullable: true })
  presenterId!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: User | null;

  @Column({ type: 'integer', nullable: true })
  expertId!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'expert_id' })
  expert?: User | null;
}

/** The verslag of a held meeting (Markdown). */
@Entity('meeting_reports')
export class MeetingReport {
  @PrimaryColumn({ type: 'integer' })
  meetingId!: number;
  @OneToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'integer', nullable: true })
  authorId!: number | null;
  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
