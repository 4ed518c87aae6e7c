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
import type { UserRole } from '../domain';
import { Organization } from './organization.entity';

@Index('users_organization_id_idx', ['organizationId'])
@Check(
  'users_roles_check',
  `roles <@ ARRAY['practitioner', 'expert', 'curator', 'admin'] AND cardinality(roles) >= 1`,
)
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{practitioner}'` })
  roles!: UserRole[];

  @Column({ type: 'integer' })
  organizationId!: number;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'text', nullable: true, select: false })
  totpSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** Time step (unix time / 30 s) of the last TOTP code accepted: older or equal codes are refused. */
  @Column({ type: 'integer', nullable: true, select: false })
  totpLastStep!: number | null;

  @Column({ type: 'text', array: true, default: () => `'{}'`, select: false })
  recoveryCodeHashes!: string[];

  @Column({ type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstFailedLoginAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** Set when an admin removed the member: the row stays (as "voormalig lid") without their data. */
  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
