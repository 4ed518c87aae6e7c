import {
  Check,
  Column,
  Index,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../accounts/user.entity';

/** What a notification is about (its wording and link are stored with it). */
export type NotificationKind =
  | 'reflection'
  | 'nomination_decided'
  | 'agenda_set'
  | 'reaction'
  | 'reaction_reply'
  | 'reaction_followed'
  | 'reaction_helpful'
  | 'reaction_hidden'
  | 'signup_promoted'
  | 'meeting_report'
  | 'privacy_change_requested'
  | 'privacy_attachment'
  | 'draft_retention'
  | 'followed_case_new'
  | 'followed_reflection'
  | 'followed_agenda';

/** An in-app message; event_key makes "once per event" a database rule (unique per user). */
@Unique(['userId', 'eventKey'])
@Index('notifications_undigested_idx', { synchronize: false }) // partial: in the migration
@Check('notifications_delivery_check', `delivery IN ('inapp', 'instant', 'digest')`)
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  @Column({ type: 'varchar', length: 300, default: '/' })
  url!: string;

  @Column({ type: 'varchar', length: 200 })
  eventKey!: string;

  /** Why the member gets it ("Thema: Incasso"); digests group by it. */
  @Column({ type: 'varchar', length: 300, default: '' })
  reason!: string;

  /** How it reaches the member: 'inapp', 'instant' (mailed at once) or 'digest'. */
  @Column({ type: 'varchar', length: 10, default: 'inapp' })
  delivery!: 'inapp' | 'instant' | 'digest';

  /** The digest it went out in. */
  @Column({ type: 'integer', nullable: true })
  digestId!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
