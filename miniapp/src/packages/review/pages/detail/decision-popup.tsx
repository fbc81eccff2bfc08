import { ReasonPopup } from '../../components/reason-popup';
import { type DecisionKind, decisionProblem, decisionTexts, fieldChoices } from './decision';

export interface DecisionPopupProps {
  kind: DecisionKind;
  /** The cursor in the text box at once (a desktop, the popup opened with a key). */
  autoFocus?: boolean;
  /** What the applicant reads, the fields to fix (a return), and the note for officials only. */
  onConfirm: (text: string, fields: string[], note: string) => Promise<void>;
  onClose: () => void;
}

/** The reason popup of one decision (approve, return, reject), worded and checked for it. */
export function DecisionPopup({ kind, autoFocus, onConfirm, onClose }: DecisionPopupProps) {
  const texts = decisionTexts[kind];
  return (
    <ReasonPopup
      visible
      title={texts.title}
      label={texts.label}
      placeholder={texts.placeholder}
      optional={texts.optional}
      danger={texts.danger}
      confirmText={texts.confirm}
      fieldChoices={kind === 'return' ? fieldChoices : undefined}
      autoFocus={autoFocus}
      internalNote
      validate={(text, fields, note) => decisionProblem(kind, text, fields, note)}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
