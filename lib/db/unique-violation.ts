/** True when a database error (possibly wrapped by drizzle) is a unique-key violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === "23505") return !constraint || e.constraint === constraint;
    current = e.cause;
  }
  return false;
}
