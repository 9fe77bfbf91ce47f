import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * The portal's own small components (ADR 0103): plain elements styled by portal.theme.ts, so a phone
 * on a slow line loads no component library.
 */
export function Button(props: ButtonHTMLAttributes<HTMLButtonElement> & { primary?: boolean; big?: boolean; busy?: boolean }) {
  const { primary, big, busy, className, type = 'button', disabled, ...rest } = props;
  const classes = ['p-btn', primary && 'p-btn-primary', big && 'p-btn-big', className].filter(Boolean).join(' ');
  return <button {...rest} type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} />;
}

/** A labelled field with its hint, its counter and its error, tied to the input for screen readers. */
export function Field(props: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  aside?: ReactNode;
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const describedBy = `${id}-hint ${id}-error`;
  return (
    <div className={`p-field${props.error ? ' p-field-error' : ''}`}>
      <label htmlFor={id} className="p-label">
        {props.label}
      </label>
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
      <div className="p-below">
        <span id={`${id}-hint`} className="p-hint">
          {props.hint}
        </span>
        {props.aside}
      </div>
      {props.error && (
        <div id={`${id}-error`} className="p-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

type FieldFrame = { label: ReactNode; error?: string | null; hint?: ReactNode; aside?: ReactNode };
type TextAttrs = Pick<InputHTMLAttributes<HTMLInputElement>, 'placeholder' | 'inputMode' | 'autoComplete' | 'maxLength'>;

/** A Field holding one text input (or, given rows, a textarea) wired to its label, hint and error. */
export function TextField(
  props: FieldFrame & TextAttrs & { value: string; onChange: (value: string) => void; testId: string; rows?: number },
) {
  const { label, error, hint, aside, value, onChange, testId, rows, ...attrs } = props;
  return (
    <Field label={label} error={error} hint={hint} aside={aside}>
      {(a) => {
        const common = {
          ...attrs,
          className: 'p-input',
          id: a.id,
          'aria-describedby': a.describedBy,
          'aria-invalid': a.invalid,
          value,
          'data-testid': testId,
        };
        return rows ? (
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </Field>
  );
}

/** Buttons that behave as one radio group: the choice shows, and arrow keys move between them. */
export function Choice<V extends string>(props: {
  label: string;
  value: V | undefined;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
  error?: string | null;
  testId?: string;
}) {
  const name = useId();
  return (
    <fieldset className={`p-field p-choice${props.error ? ' p-field-error' : ''}`} data-testid={props.testId}>
      <legend className="p-label">{props.label}</legend>
      {props.options.map((o) => (
        <label key={o.value} className={`p-choice-item${props.value === o.value ? ' p-checked' : ''}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {props.error && (
        <div className="p-error" role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

export function Card(props: { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="p-card" data-testid={props.testId}>
      {(props.title || props.extra) && (
        <div className="p-card-head">
          <h3>{props.title}</h3>
          {props.extra}
        </div>
      )}
      <div className="p-card-body">{props.children}</div>
    </section>
  );
}

export function Notice(props: { kind: 'error' | 'warning' | 'success' | 'info'; children: ReactNode; testId?: string }) {
  return (
    <div
      className={`p-notice p-notice-${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </div>
  );
}

export const Tag = (props: { children: ReactNode; tone?: 'blue' | 'green' | 'orange' }) => (
  <span className={`p-tag p-tag-${props.tone ?? 'blue'}`}>{props.children}</span>
);

/** "n / max" under a text field, red with a sentence once over: pasted text is never cut silently. */
export function Counter(props: { n: number; max: number; text: string }) {
  return (
    <span className={`p-counter${props.n > props.max ? ' p-over' : ''}`} aria-live="polite" data-testid="portal-counter">
      {props.text}
    </span>
  );
}
