import type { ComponentProps } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink shadow-sm " +
  "placeholder:text-slate-400 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 " +
  "aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** A text-like input. Give it a label: wrap it in Field, or use TextField. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(control, "h-9", className)} {...props} />;
}

/** A file picker styled like the other controls, its button included. */
export function FileInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="file"
      className={cn(
        control,
        "py-1.5 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

/** A native select: `options`, or <option> children. `placeholder` adds an empty first option. */
export function Select({
  className,
  options,
  placeholder,
  children,
  ...props
}: ComponentProps<"select"> & { options?: readonly SelectOption[]; placeholder?: string }) {
  return (
    <select className={cn(control, "h-9 pr-8", className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(control, "py-2", className)} {...props} />;
}

/** A bare checkbox; CheckboxField gives it a label, hint and error. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn(
        "size-4 shrink-0 rounded border-line-strong accent-brand-600 disabled:cursor-not-allowed",
        className,
      )}
      {...props}
    />
  );
}
