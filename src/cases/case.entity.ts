import {
  Check,
  Column,
  type ColumnOptions,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../accounts/organization.entity';
import { User } from '../accounts/user.entity';
import type { CaseStatus } from '../domain';
import { CASE_FIELDS, type CaseContent } from './case-fields';

@Index('cases_tags_idx', { synchronize: false }) // GIN on tags: in the migration
@Index('cases_drafts_by_age', { synchronize: false }) // partial (drafts only, for retention): in the migration
@Index('cases_author_id_idx', ['authorId'])
@Index('cases_organization_id_idx', ['organizationId'])
@Check(
  'cases_roles_check',
  // A draft may have no role yet (migration DraftsNeedTitleOnly); publishing needs one.
  `roles <@ ARRAY['verhuurder', 'samenwerkingspartner', 'opdrachtgever', 'ontwikkelaar'] AND (cardinality(roles) >= 1 OR status = 'draft')`,
)
@Check('cases_year_check', `year IS NULL OR (year >= 1990 AND year <= 2100)`)
@Check('cases_status_check', `status IN ('draft', 'published', 'archived')`)
@Check('cases_visibility_check', `visibility IN ('vakgemeenschap', 'kerngroep-experts', 'organisatie')`)
@Entity('cases')
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the content columns are added below
export class Case {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'integer' })
  organizationId!: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Index('cases_status_updated_idx', { synchronize: false }) // ordering or GIN: in the migration
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: CaseStatus;

  /** When the author of this draft was told it will be removed (retention); cleared by an edit. */
  @Column({ type: 'timestamptz', nullable: true })
  retentionRemindedAt!: Date | null;

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

/** The content columns come from the one case-field table (case-fields.ts), not from a second list. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- see above
export interface Case extends Omit<CaseContent, 'themes'> {}

const COLUMN_OF_KIND = {
  line: (limit?: number, required?: boolean): ColumnOptions => ({
    type: 'varchar',
    length: limit,
    ...(required ? {} : { default: '' }),
  }),
  markdown: (): ColumnOptions => ({ type: 'text', default: '' }),
  email: (limit?: number): ColumnOptions => ({ type: 'varchar', length: limit, default: '' }),
  phone: (limit?: number): ColumnOptions => ({ type: 'varchar', length: limit, default: '' }),
  roles: (): ColumnOptions => ({ type: 'text', array: true }),
  tags: (): ColumnOptions => ({ type: 'text', array: true, default: () => `'{}'` }),
  year: (): ColumnOptions => ({ type: 'integer', nullable: true }),
  visibility: (): ColumnOptions => ({ type: 'varchar', length: 20, default: 'vakgemeenschap' }),
  themes: null, // the case_themes table (CaseTheme)
};
for (const [name, field] of Object.entries(CASE_FIELDS)) {
  const spec = field as { kind: keyof typeof COLUMN_OF_KIND; limit?: number; required?: boolean };
  const options = COLUMN_OF_KIND[spec.kind]?.(spec.limit, spec.required);
  if (options) Column(options)(Case.prototype, name);
}
