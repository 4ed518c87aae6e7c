import { DefaultNamingStrategy, Table, type NamingStrategyInterface } from 'typeorm';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** camelCase properties ↔ snake_case columns, matching the hand-written SQL migrations. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snake(className);
  }
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake(prefixes.concat('').join('_')) + (customName ?? snake(propertyName));
  }
  override relationName(propertyName: string): string {
    return snake(propertyName);
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }
  // Constraint names as PostgreSQL gives them to the migrations' inline REFERENCES and UNIQUE,
  // so the entities describe the migrated schema exactly (test/integration/schema-drift.test.ts).
  override foreignKeyName(table: Table | string, columns: string[]): string {
    return `${bareName(table)}_${columns.join('_')}_fkey`;
  }
  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return `${bareName(table)}_${columns.join('_')}_key`;
  }
}

function bareName(table: Table | string): string {
  const name = table instanceof Table ? table.name : table;
  return name.split('.').pop()!.replace(/"/g, '');
}
