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
} from 'typeorm';
import { User } from '../accounts/user.entity';
import type { FollowKind } from './follows.queries';

/** What a member follows: a theme (slug), a corporation role, a case (id) or a search (query string). */
@Index('follows_kind_value_idx', ['kind', 'value'])
@Unique('follows_user_kind_value_key', ['userId', 'kind', 'value'])
@Check('follows_kind_check', `kind IN ('theme', 'role', 'case', 'search')`)
@Entity('follows')
export class Follow {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 10 })
  kind!: FollowKind;

  @Column({ type: 'varchar', length: 1000 })
  value!: string;

  @Column({ type: 'varchar', length: 300 })
  label!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
