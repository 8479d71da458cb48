/**
 * The domain's error hierarchy. Verbs throw these; lib/http/error-map.ts maps them
 * to action results and HTTP statuses in one place. Anything else is a bug and its
 * message never reaches the user.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly status: number = 400;
  readonly code: string = "invalid";
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends DomainError {
  override readonly status = 422;
  override readonly code = "invalid";
}

/** A request that cannot be read at all (malformed body, unknown field, bad query value): the REST API's 400. */
export class BadRequest extends DomainError {
  override readonly status = 400;
  override readonly code = "bad_request";
}

export class Unauthenticated extends DomainError {
  override readonly status = 401;
  override readonly code = "unauthenticated";
  constructor(message = "Please sign in to continue.") {
    super(message);
  }
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  override readonly code = "forbidden";
  constructor(message = "You are not allowed to do that.") {
    super(message);
  }
}

export class NotFound extends DomainError {
  override readonly status = 404;
  override readonly code = "not_found";
  constructor(what = "That item") {
    super(`${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  override readonly status = 409;
  override readonly code = "conflict";
}

export class RateLimited extends DomainError {
  override readonly status = 429;
  override readonly code = "rate_limited";
  constructor(
    message: string,
    /** Seconds until a retry can succeed, for a `Retry-After` header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type Shortfall = { day: string; country: string; requested: number; available: number };

export class InsufficientInventory extends DomainError {
  override readonly status = 409;
  override readonly code = "insufficient_inventory";
  constructor(
    readonly shortfalls: Shortfall[],
    message = "Not enough inventory is available for the selected days and countries.",
  ) {
    super(message);
  }
}

/** An `Invalid` whose message also sits on the field, so forms and the API show it in place. */
export function invalidField(field: string, message: string): Invalid {
  return new Invalid(message, { [field]: [message] });
}
