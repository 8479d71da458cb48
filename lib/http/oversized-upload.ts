import { actionBodyLimitBytes, actionBodyLimitLabel, megabytes } from "@/lib/core/request-limits";
import { submittedValues } from "./form-data";
import type { ActionFailure } from "./result";

/**
 * A form whose files add up to more than a server action accepts, refused in the browser
 * before it is sent and named on the largest file's field: past the limit Next.js would
 * answer with an error page instead of the form's message.
 */
export function oversizedUpload(form: FormData): ActionFailure | null {
  const files = [...form.entries()].filter((entry): entry is [string, File] => typeof entry[1] !== "string");
  const total = files.reduce((sum, [, file]) => sum + file.size, 0);
  if (total <= actionBodyLimitBytes) return null;
  const [field, largest] = files.reduce((a, b) => (b[1].size > a[1].size ? b : a));
  const message =
    files.length === 1
      ? `The file is ${megabytes(largest.size)}; an upload can be at most ${actionBodyLimitLabel}.`
      : `The files add up to ${megabytes(total)}; an upload can be at most ${actionBodyLimitLabel}.`;
  return {
    ok: false,
    code: "invalid",
    error: message,
    fieldErrors: { [field]: [message] },
    values: submittedValues(form),
  };
}
