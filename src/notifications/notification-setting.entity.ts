import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { EmailFrequency, NotificationSettings } from './notification-settings';

/** A member's notification settings (none stored = the defaults). */
@Check('notification_settings_email_check', `email IN ('instant', 'daily', 'weekly', 'never')`)
@Entity('notification_settings')
export class NotificationSetting {
  @PrimaryColumn({ type: 'integer' })
  userId!: number;
  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 10, default: 'weekly' })
  email!: EmailFrequency;

  @Column({ type: 'jsonb', default: {} })
  channels!: NotificationSettings['channels'];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
