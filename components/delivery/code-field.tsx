import { Input, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { CopyButton } from "./copy-button";

/** A read-only code (a URL, a tag, a snippet) to paste elsewhere, with its Copy button. */
export function CodeField({ label, value, rows }: { label: string; value: string; rows?: number }) {
  return (
    <Field label={label}>
      {(control) => (
        <div className="flex items-start gap-2">
          {rows ? (
            <Textarea {...control} readOnly value={value} rows={rows} className="font-mono text-xs" />
          ) : (
            <Input {...control} readOnly value={value} className="font-mono text-xs" />
          )}
          <CopyButton text={value} label={label.replace(/^./, (c) => c.toLowerCase())} />
        </div>
      )}
    </Field>
  );
}
