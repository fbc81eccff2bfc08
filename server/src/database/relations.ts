import { JoinColumn, ManyToOne, type ObjectType } from 'typeorm';

/**
 * A foreign key to another module's table, as every migration creates them: `NO ACTION` on delete and
 * update (a referenced row is never removed under its referrers), with the constraint's given name.
 * The id column itself stays declared with `@Column`, so the entity reads like its table.
 */
export function References<T>(
  target: () => ObjectType<T>,
  column: string,
  constraintName: string,
  options: { nullable?: true } = {},
): PropertyDecorator {
  const relation = ManyToOne(target, { ...options, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
  const join = JoinColumn({ name: column, foreignKeyConstraintName: constraintName });
  return (prototype, property) => {
    join(prototype, property);
    relation(prototype, property);
  };
}
