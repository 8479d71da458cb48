import { type FieldError, FileField } from "@/components/ui/field";

/** The optional file on a message, a draft or a proof: the types and size checkAttachment accepts. */
export function AttachmentField({ label, error }: { label: string; error?: FieldError }) {
  return (
    <FileField
      label={label}
      name="attachment"
      error={error}
      hint="PNG, JPEG, GIF, WebP or PDF up to 2 MB."
      accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
    />
  );
}
