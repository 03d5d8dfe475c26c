import { useId, type ReactNode } from 'react';

interface Props {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: ReactNode;
  /** One line under the label; read as the option's description, not its name. */
  description?: ReactNode;
  /** Smaller print: the paper it reproduces, the parameter count. */
  source?: ReactNode;
  /** Native tooltip: the full explanation for a mouse user. */
  title?: string;
}

/**
 * A radio option as a large clickable card. The option's accessible name is its short label; the
 * description and source are attached with aria-describedby, so a screen reader says "Replace,
 * radio button" first and the sentence after, and tests can find options by name.
 */
export function Choice({ name, value, checked, onChange, label, description, source, title }: Props) {
  const id = useId();
  const described = [
    description !== undefined ? `${id}-desc` : null,
    source !== undefined ? `${id}-src` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <label className="cl-choice" title={title}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-labelledby={`${id}-label`}
        aria-describedby={described || undefined}
      />
      <span className="cl-choice-text">
        <span id={`${id}-label`} className="cl-choice-label">
          {label}
        </span>
        {description !== undefined && (
          <span id={`${id}-desc`} className="cl-choice-desc">
            {description}
          </span>
        )}
        {source !== undefined && (
          <span id={`${id}-src`} className="cl-choice-source">
            {source}
          </span>
        )}
      </span>
    </label>
  );
}
