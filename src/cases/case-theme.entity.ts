import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Case } from './case.entity';
import { Theme } from './theme.entity';

/** The themes of a case. */
@Entity('case_themes')
@Index('case_themes_theme_id_idx', ['themeId'])
export class CaseTheme {
  @PrimaryColumn({ type: 'integer' })
  caseId!: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_themes_case' })
  case?: Case;

  @PrimaryColumn({ type: 'integer' })
  themeId!: number;

  @ManyToOne(() => Theme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_id', foreignKeyConstraintName: 'fk_case_themes_theme' })
  theme?: Theme;
}
