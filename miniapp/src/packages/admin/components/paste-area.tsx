import { Textarea, View } from '@tarojs/components';

/** A signed document's JSON pasted whole. */
export const signedDocumentPlaceholder = '{"body":"…","kid":"…","signature":"…"}';

/**
 * A full-width box for text an admin pastes whole (a CSV list, a signed document): no length limit,
 * the test id on a wrapper (the textarea inside is what tests fill).
 */
export function PasteArea({
  testId,
  value,
  onChange,
  placeholder,
  minHeight,
}: {
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  minHeight: number;
}) {
  return (
    <View data-testid={testId}>
      <Textarea
        className='text-field__input'
        style={{ width: '100%', minHeight: `${minHeight}px` }}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}
