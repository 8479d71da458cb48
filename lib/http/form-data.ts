/**
 * Turns FormData into a plain object for zod. A key sent more than once (checkbox
 * groups, bulk-selected ids) becomes an array; keys ending in [] are always arrays.
 * Empty file inputs are dropped so optional uploads stay optional.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    if (typeof value !== "string" && value.size === 0 && !value.name) continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

const secret = /password|token|secret/i;

/** The text a person submitted, minus anything secret, for re-filling the form after an error. */
export function submittedValues(raw: unknown): Record<string, string | string[]> | undefined {
  if (!(raw instanceof FormData)) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(formDataToObject(raw))) {
    if (secret.test(key)) continue;
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) out[key] = value;
  }
  return out;
}
