import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled input with its hint and its error tied to it for screen readers. `control` renders
 * another control (a select) in the input's place with the same wiring.
 */
export function Field({
  label,
  hint,
  error,
  control,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  control?: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const wiring: ControlProps = { id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control ? control(wiring) : <input {...wiring} {...input} />}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
