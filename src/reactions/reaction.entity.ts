import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';

export type ReactionStatus = 'active' | 'deleted' | 'hidden';

/** A member's reaction on a case (meedenken), or a reply to one (parentId: one level only). */
@Entity('reactions')
export class Reaction {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  caseId!: number;

  @Column({ type: 'integer' })
  authorId!: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;

  @Column({ type: 'integer', nullable: true })
  linkedCaseId!: number | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: ReactionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  hiddenById!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  /** Set while the case's author marks it "Dit hielp mij". */
  @Column({ type: 'timestamptz', nullable: true })
  helpfulAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
