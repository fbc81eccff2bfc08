import type { z } from '@pass/shared';
import { useMemo, useState } from 'react';
import { ApiError } from '@/services/request';

/** Dotted field path (`consignor.name`) → the first Chinese message for it. */
export type FieldErrors = Record<string, string>;

export function issuesByPath(error: z.ZodError): FieldErrors {
  const byPath: FieldErrors = {};
  for (const issue of error.issues) byPath[issue.path.map(String).join('.')] ??= issue.message;
  return byPath;
}

export interface SchemaFormOptions<Values, Schema extends z.ZodType> {
  schema: Schema;
  initial: Values;
  /** From what the inputs hold (strings) to what the schema takes: '' → undefined, '30' → 30. */
  toInput?: (values: Values) => unknown;
  /** Where the checked input sits in the request body (`{ version, settings }`: 'settings'), so the server's field paths are the form's. */
  bodyPath?: string;
}

/**
 * Form state checked by a shared zod schema on every change. A field's message shows once the user
 * has left it (or tried to submit), then follows every keystroke; the server's `details` show until
 * the field is changed.
 */
export function useSchemaForm<Values extends Record<string, unknown>, Schema extends z.ZodType>({
  schema,
  initial,
  toInput,
  bodyPath,
}: SchemaFormOptions<Values, Schema>) {
  const [values, setValues] = useState<Values>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: toInput is fixed for a form's life; the schema may follow settings
  const parsed = useMemo(() => schema.safeParse(toInput ? toInput(values) : values), [values, schema]);
  const errors: FieldErrors = parsed.success ? {} : issuesByPath(parsed.error);

  const errorOf = (path: string): string | undefined =>
    serverErrors[path] ?? (submitted || touched[path] ? errors[path] : undefined);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => {
      const prefix = String(key);
      const kept = Object.entries(current).filter(([path]) => path !== prefix && !path.startsWith(`${prefix}.`));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  };

  const blur = (path: string) => setTouched((current) => (current[path] ? current : { ...current, [path]: true }));

  /** Shows every message; returns the parsed output when the form is valid. */
  const validate = (): z.output<Schema> | null => {
    setSubmitted(true);
    return parsed.success ? (parsed.data as z.output<Schema>) : null;
  };

  /** Puts the server's field messages under their fields; true when there were any. */
  const showServerErrors = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.details.length === 0) return false;
    const prefix = bodyPath ? `${bodyPath}.` : '';
    const paths = Object.entries(error.fieldErrors).map(([path, message]) => [
      path.startsWith(prefix) ? path.slice(prefix.length) : path,
      message,
    ]);
    setServerErrors(Object.fromEntries(paths));
    setSubmitted(true);
    return true;
  };

  /** Back to `next` with no message shown, as after a successful submit. */
  const reset = (next: Values) => {
    setValues(next);
    setTouched({});
    setSubmitted(false);
    setServerErrors({});
  };

  /** What a picker needs for `key`: `<RegionField label='始发地' {...bind('originCode')} />`. */
  const bind = <K extends keyof Values & string>(key: K) => ({
    value: values[key],
    onChange: (value: Values[K]) => set(key, value),
    error: errorOf(key),
  });

  /** What a text field needs for `key`: `<TextField label='姓名' {...field('name')} />`. */
  const field = <K extends keyof Values & string>(key: K) => ({ ...bind(key), onBlur: () => blur(key) });

  return {
    values,
    setValues,
    reset,
    set,
    blur,
    bind,
    field,
    errorOf,
    errors,
    submitted,
    validate,
    showServerErrors,
    setServerErrors,
  };
}
