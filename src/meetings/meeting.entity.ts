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
import { Theme } from '../cases/theme.entity';
import type { CorporationRole, MeetingStatus } from '../domain';

@Entity('meetings')
export class Meeting {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  locationName!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  locationAddress!: string;

  @Column({ type: 'integer', nullable: true })
  hostOrganizationId!: number | null;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'host_organization_id' })
  hostOrganization?: Organization | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  focusRole!: CorporationRole | null;

  @Column({ type: 'timestamptz', nullable: true })
  nominationDeadline!: Date | null;

  @Column({ type: 'varchar', length: 30, default: 'planned' })
  status!: MeetingStatus;

  /** Bumped on every agenda change, so a reorder from a stale page is refused (409). */
  @Column({ type: 'integer', default: 1 })
  agendaVersion!: number;

  @ManyToMany(() => Theme)
  @JoinTable({
    name: 'meeting_themes',
    joinColumn: {
      name: 'meeting_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_meeting_themes_meeting',
    },
    inverseJoinColumn: {
      name: 'theme_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_meeting_themes_theme',
    },
  })
  themes?: Theme[];

  @ManyToMany(() => User)
  @JoinTable({
    name: 'meeting_experts',
    joinColumn: {
      name: 'meeting_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_meeting_experts_meeting',
    },
    inverseJoinColumn: {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_meeting_experts_user',
    },
  })
  experts?: User[];

  @Column({ type: 'integer', nullable: true })
  createdById!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
