import { Invalid } from "@/lib/core/errors";

/** An `Invalid` whose message also sits on the field, so forms and the API show it in place. */
export function invalidField(field: string, message: string): Invalid {
  return new Invalid(message, { [field]: [message] });
}
