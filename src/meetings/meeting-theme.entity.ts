import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Theme } from '../cases/theme.entity';
import { Meeting } from './meeting.entity';

/** The themes of a meeting. */
@Entity('meeting_themes')
export class MeetingTheme {
  @PrimaryColumn({ type: 'integer' })
  meetingId!: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_themes_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ type: 'integer' })
  themeId!: number;

  @ManyToOne(() => Theme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_id', foreignKeyConstraintName: 'fk_meeting_themes_theme' })
  theme?: Theme;
}
