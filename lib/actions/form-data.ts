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
