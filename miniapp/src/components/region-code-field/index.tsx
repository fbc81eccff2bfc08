import { regionFullName } from '@pass/shared';
import { type PresetFieldProps, TextField } from '../text-field';

/**
 * A six-digit region code; once complete, the hint names the region it stands for. A module of its own:
 * the region table it names codes with is large, and pages with text boxes but no region code (the login
 * page) should not load it.
 */
export function RegionCodeField({ hint = '6位代码，如 320115（江宁区）', ...props }: PresetFieldProps) {
  const name = props.value.length === 6 ? regionFullName(props.value) : undefined;
  return <TextField {...props} type='number' hint={name ?? hint} maxlength={6} counter={false} />;
}
