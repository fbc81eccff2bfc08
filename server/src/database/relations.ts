import { JoinColumn, ManyToOne, type ObjectType } from 'typeorm';

/**
 * A foreign key to another module's table, as every migration creates them: `NO ACTION` on delete and
 * update (a referenced row is never removed under its referrers), with the constraint's given name.
 * The key is the property's name with `_id` (`enterprise` → `enterprise_id`), and that id column itself
 * stays declared with its own column decorator, so the entity reads like its table.
 */
export function References<T>(
  target: () => ObjectType<T>,
  constraintName: string,
  options: { nullable?: true } = {},
): PropertyDecorator {
  const relation = ManyToOne(target, { ...options, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
  return (prototype, property) => {
    const name = `${String(property).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_id`;
    JoinColumn({ name, foreignKeyConstraintName: constraintName })(prototype, property);
    relation(prototype, property);
  };
}
