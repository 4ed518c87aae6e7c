import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../accounts/user.entity';

/** A digest made for a member and period ('week:2026-W49'): unique, so it is never made (or sent) twice. */
@Unique('digests_user_period_key', ['userId', 'period'])
@Entity('digests')
export class Digest {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  period!: string;

  @Column({ type: 'integer', default: 0 })
  items!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
