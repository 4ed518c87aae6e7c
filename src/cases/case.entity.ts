import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import type { CaseStatus, CorporationRole } from '../domain';
import { Theme } from './theme.entity';

@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 600 })
  summary!: string;

  @Column({ type: 'text', default: '' })
  context!: string;

  @Column({ type: 'text', default: '' })
  approach!: string;

  @Column({ type: 'text', default: '' })
  results!: string;

  @Column({ type: 'text', default: '' })
  lessons!: string;

  @Column({ type: 'text', default: '' })
  question!: string;

  @Column({ type: 'text', array: true })
  roles!: CorporationRole[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ type: 'integer' })
  organizationId!: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @ManyToMany(() => Theme)
  @JoinTable({
    name: 'case_themes',
    joinColumn: {
      name: 'case_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_case_themes_case',
    },
    inverseJoinColumn: {
      name: 'theme_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_case_themes_theme',
    },
  })
  themes?: Theme[];

  @Column({ type: 'varchar', length: 500, default: '' })
  partners!: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  region!: string;

  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  contact!: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: CaseStatus;

  @Column({ type: 'integer' })
  authorId!: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** Optimistic lock: the form posts the version it was loaded with; a mismatch is a 409. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
