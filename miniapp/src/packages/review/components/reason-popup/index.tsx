import { Button, Popup } from '@nutui/nutui-react-taro';
import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { LengthCounter } from '@/components/form-field';
import { useFocusWhen, useKeys } from '@/hooks/use-keys';
import './index.scss';

export interface FieldChoice {
  value: string;
  label: string;
}

export interface ReasonPopupProps {
  visible: boolean;
  title: string;
  /** Label of the text box, e.g. 退回理由. */
  label: string;
  placeholder: string;
  /** Optional text (an approval comment) may be left empty. */
  optional?: boolean;
  confirmText: string;
  danger?: boolean;
  /** Fields the applicant must fix (return only). */
  fieldChoices?: readonly FieldChoice[];
  /** Offers a second box for officials only (a review decision), apart from what the applicant reads. */
  internalNote?: boolean;
  /** Chinese message when the input cannot be sent (from the shared schema), or undefined. */
  validate: (text: string, fields: string[], note: string) => string | undefined;
  /** Puts the cursor in the text box at once (a desktop, where the popup was opened with a key). */
  autoFocus?: boolean;
  onConfirm: (text: string, fields: string[], note: string) => Promise<void>;
  onClose: () => void;
}

/** The schemas' limit for a reason, a comment and an internal note. */
const maxText = 500;

/** A bottom sheet that asks why (return, reject, revoke) or for an optional comment (approve). */
export function ReasonPopup(props: ReasonPopupProps) {
  const { visible, title, label, placeholder, optional, confirmText, danger, fieldChoices, internalNote, validate } =
    props;
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (visible) {
      setText('');
      setNote('');
      setFields([]);
      setTried(false);
    }
  }, [visible]);

  const problem = validate(text.trim(), fields, note.trim());
  const toggle = (value: string) =>
    setFields((current) => (current.includes(value) ? current.filter((f) => f !== value) : [...current, value]));

  const confirm = async () => {
    setTried(true);
    if (problem || busy) return;
    setBusy(true);
    try {
      await props.onConfirm(text.trim(), fields, note.trim());
    } finally {
      setBusy(false);
    }
  };

  // Keyboard (desktop browser): Ctrl/⌘+Enter confirms, Esc cancels.
  useKeys(({ key, command }) => {
    if (key === 'Escape') props.onClose();
    else if (key === 'Enter' && command) confirm();
    else return false;
    return true;
  }, visible);
  useFocusWhen('.reason-popup textarea', visible && Boolean(props.autoFocus));

  return (
    <Popup
      visible={visible}
      position='bottom'
      round
      title={title}
      closeable
      className='reason-sheet'
      onClose={props.onClose}
    >
      <View className='reason-popup' data-testid='reason-popup'>
        <Text className='reason-popup__label'>
          {label}
          {optional ? '（选填）' : ''}
        </Text>
        <View className={`reason-popup__box ${tried && problem ? 'reason-popup__box--invalid' : ''}`}>
          <Textarea
            className='reason-popup__input'
            value={text}
            // No cut: over the limit the schema's message says so and nothing is sent.
            maxlength={-1}
            placeholder={placeholder}
            placeholderClass='reason-popup__placeholder'
            focus={props.autoFocus}
            fixed
            onInput={(event) => setText(event.detail.value)}
            data-testid='reason-input'
          />
        </View>
        <LengthCounter length={text.trim().length} max={maxText} testId='reason-counter' />
        {internalNote && (
          <>
            <Text className='reason-popup__label'>内部意见（选填，仅审核人员可见，申请人看不到）</Text>
            <View className='reason-popup__box reason-popup__box--internal'>
              <Textarea
                className='reason-popup__input reason-popup__input--short'
                value={note}
                maxlength={-1}
                placeholder='写给上级或其他审核人员的说明'
                placeholderClass='reason-popup__placeholder'
                fixed
                onInput={(event) => setNote(event.detail.value)}
                data-testid='internal-note-input'
              />
            </View>
            <LengthCounter length={note.trim().length} max={maxText} testId='internal-note-counter' />
          </>
        )}
        {fieldChoices && (
          <View className='reason-popup__fields'>
            <Text className='reason-popup__label'>需修改的项目（选填，申请人会看到标记）</Text>
            <View className='reason-popup__chips' data-testid='fields-to-fix'>
              {fieldChoices.map((choice) => {
                const on = fields.includes(choice.value);
                return (
                  <View
                    key={choice.value}
                    role='checkbox'
                    aria-role='checkbox'
                    aria-checked={on}
                    className={`reason-popup__chip ${on ? 'reason-popup__chip--on' : ''}`}
                    onClick={() => toggle(choice.value)}
                  >
                    <Text>{choice.label}</Text>
                  </View>
                );
              })}
            </View>
          </View>
        )}
        {tried && problem && (
          <Text className='error-text' data-testid='reason-error'>
            {problem}
          </Text>
        )}
        <View className='reason-popup__actions'>
          <Button size='large' disabled={busy} onClick={props.onClose}>
            取消
          </Button>
          <Button
            size='large'
            type={danger ? 'danger' : 'primary'}
            loading={busy}
            disabled={busy}
            onClick={confirm}
            data-testid='reason-confirm'
          >
            {confirmText}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
