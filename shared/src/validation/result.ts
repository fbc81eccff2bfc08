/**
 * What every validator returns: the normalised value, or one Chinese sentence that tells the user what
 * to fix. Validators never throw, so forms can call them on every keystroke.
 */
export type ValidationResult<T = string> = { ok: true; value: T } | { ok: false; message: string };

export const valid = <T>(value: T): ValidationResult<T> => ({ ok: true, value });

export const invalid = <T = never>(message: string): ValidationResult<T> => ({ ok: false, message });
