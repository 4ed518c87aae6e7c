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
import { Case } from '../cases/case.entity';
import { User } from '../accounts/user.entity';

export type ReactionStatus = 'active' | 'deleted' | 'hidden';

/** A member's reaction on a case (meedenken), or a reply to one (parentId: one level only). */
@Index('reactions_case_id_idx', ['caseId', 'createdAt'])
@Index('reactions_parent_id_idx', ['parentId'])
@Check('reactions_body_check', `length(body) <= 4000`)
@Check('reactions_status_check', `status IN ('active', 'deleted', 'hidden')`)
@Entity('reactions')
export class Reaction {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  caseId!: number;
  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ type: 'integer' })
  authorId!: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;
  @ManyToOne(() => Reaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Reaction;

  @Column({ type: 'integer', nullable: true })
  linkedCaseId!: number | null;
  @ManyToOne(() => Case, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'linked_case_id' })
  linkedCase?: Case;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: ReactionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  hiddenById!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hidden_by_id' })
  hiddenBy?: User;

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
