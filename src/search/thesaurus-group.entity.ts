import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ThesaurusKind } from '../domain';

/** A group of terms search treats as one (migration Thesaurus1796120000000); terms are normalised. */
@Entity('thesaurus_groups')
export class ThesaurusGroup {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: ThesaurusKind;

  @Column({ type: 'text', array: true })
  terms!: string[];

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'integer', nullable: true })
  createdById!: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  updatedById!: number | null;
}
