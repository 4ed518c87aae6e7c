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
import { User } from '../accounts/user.entity';
import type { ThesaurusKind } from '../domain';

/** A group of terms search treats as one (migration Thesaurus1796120000000); terms are normalised. */
@Check('thesaurus_groups_kind_check', `kind IN ('synoniem', 'afkorting', 'spelling')`)
@Check('thesaurus_groups_terms_check', `cardinality(terms) >= 2 AND cardinality(terms) <= 20`)
@Entity('thesaurus_groups')
export class ThesaurusGroup {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: ThesaurusKind;

  @Index('thesaurus_groups_terms_idx', { synchronize: false }) // ordering or GIN: in the migration
  @Column({ type: 'text', array: true })
  terms!: string[];

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', nullable: true })
  createdById!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  updatedById!: number | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: User;
}
