import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "./cn";
import { Checkbox, FileInput, Input, Select, Textarea } from "./controls";

/** One message or several, as in `fieldErrors[name]` from an action result. */
export type FieldError = string | readonly string[] | null | undefined;

/** Spread onto the control so its label, hint and error are wired to it. */
export type ControlProps = {
  id: string;
  name?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

function messages(error: FieldError): string[] {
  if (!error) return [];
  return typeof error === "string" ? [error] : [...error];
}

function useFieldIds(id: string | undefined, error: FieldError, hint: ReactNode) {
  const generated = useId();
  const controlId = id ?? generated;
  const errors = messages(error);
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = [errors.length > 0 && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return { controlId, errors, errorId, hintId, describedBy };
}

function ErrorText({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  );
}

function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-red-700">
      *
    </span>
  );
}

export type FieldProps = {
  label: ReactNode;
  name?: string;
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * A label, a control, a hint and an error, wired with htmlFor, aria-describedby and
 * aria-invalid so tests and screen readers find the control by its label.
 *
 *   <Field label="Budget" name="budget" error={errors?.budget}>
 *     {(control) => <Input {...control} inputMode="decimal" />}
 *   </Field>
 */
export function Field({ label, name, id, hint, error, required, className, children }: FieldProps) {
  const { controlId, errors, errorId, hintId, describedBy } = useFieldIds(id, error, hint);
  return (
    <div className={cn("space-y-1.5", className)}>
      <div className="flex items-baseline">
        {/* Labels carry people's names and emails: a long address wraps instead of widening the page. */}
        <label htmlFor={controlId} className="min-w-0 text-sm font-medium text-ink wrap-anywhere">
          {label}
        </label>
        {required && <RequiredMark />}
      </div>
      {children({
        id: controlId,
        name,
        required,
        "aria-describedby": describedBy,
        "aria-invalid": errors.length > 0 ? true : undefined,
      })}
      <ErrorText id={errorId} errors={errors} />
      {hint && (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

type FieldOwnProps = Pick<FieldProps, "label" | "hint" | "error" | "className">;

/**
 * Wraps a bare control in Field: label, hint and error go to the Field, every other prop to
 * the control, and the control gets the wiring (id, aria-describedby, aria-invalid).
 */
function withField<P extends { id?: string; name?: string; required?: boolean; className?: string }>(
  Control: (props: P) => ReactNode,
) {
  return function LabelledControl({
    label,
    hint,
    error,
    className,
    ...props
  }: FieldOwnProps & Omit<P, "className">) {
    return (
      <Field
        label={label}
        hint={hint}
        error={error}
        className={className}
        id={props.id}
        name={props.name}
        required={props.required}
      >
        {(control) => <Control {...(props as unknown as P)} {...control} />}
      </Field>
    );
  };
}

/** Field + Input. Other props go to the <input>. */
export const TextField = withField(Input);

/** Field + Textarea. Other props go to the <textarea>. */
export const TextareaField = withField(Textarea);

/** Field + FileInput. Other props (accept, multiple) go to the <input type="file">. */
export const FileField = withField(FileInput);

/** Field + Select: `options`, or <option> children; other props go to the <select>. */
export const SelectField = withField(Select);

/** A checkbox with its label beside it, and hint and error below. */
export function CheckboxField({
  label,
  hint,
  error,
  className,
  id,
  ...props
}: FieldOwnProps & Omit<ComponentProps<"input">, "className" | "type">) {
  const { controlId, errors, errorId, hintId, describedBy } = useFieldIds(id, error, hint);
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-start gap-2">
        <Checkbox
          {...props}
          id={controlId}
          aria-describedby={describedBy}
          aria-invalid={errors.length > 0 ? true : undefined}
          className="mt-0.5"
        />
        <label htmlFor={controlId} className="min-w-0 text-sm font-medium text-ink wrap-anywhere">
          {label}
        </label>
      </div>
      <div className="space-y-1 pl-6">
        <ErrorText id={errorId} errors={errors} />
        {hint && (
          <p id={hintId} className="text-sm text-ink-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * A group of controls under one legend (radio buttons, a set of checkboxes). Give each
 * control inside its own label; the hint and error are announced with the group.
 */
export function Fieldset({
  legend,
  hint,
  error,
  className,
  children,
}: Pick<FieldProps, "hint" | "error" | "className"> & { legend: ReactNode; children: ReactNode }) {
  const { controlId, errors, errorId, hintId, describedBy } = useFieldIds(undefined, error, hint);
  return (
    <fieldset id={controlId} aria-describedby={describedBy} className={cn("space-y-2", className)}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
      <div className="space-y-2">{children}</div>
      <ErrorText id={errorId} errors={errors} />
    </fieldset>
  );
}
