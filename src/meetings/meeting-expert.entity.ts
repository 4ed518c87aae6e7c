import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Meeting } from './meeting.entity';

/** The experts invited to a meeting. */
@Entity('meeting_experts')
export class MeetingExpert {
  @PrimaryColumn({ type: 'integer' })
  meetingId!: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_experts_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_meeting_experts_user' })
  user?: User;
}
