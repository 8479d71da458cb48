/**
 * Which creative each newsletter open showed, so the link beside the image sends the
 * click to the same ad. An email is static: its image and link can only share what the
 * publisher's mailing tool writes into both (the recipient's unique id in `o=`), so the
 * open is remembered here, in memory, for `ttlMs`, at most `max` opens (oldest forgotten
 * first): the fast path. StoredOpens keeps them in the database for other instances and
 * restarts; a click whose open neither knows is not counted and lands on the publisher's site.
 */
export class NewsletterOpens<T> {
  private readonly opens = new Map<string, { value: T; at: number }>();
  constructor(
    private readonly ttlMs = 24 * 60 * 60_000,
    private readonly max = 200_000,
  ) {}

  remember(zoneId: number, openId: string, value: T, now: number) {
    const key = `${zoneId}|${openId}`;
    this.opens.delete(key);
    this.opens.set(key, { value, at: now });
    if (this.opens.size > this.max) {
      const oldest = this.opens.keys().next().value;
      if (oldest !== undefined) this.opens.delete(oldest);
    }
  }

  recall(zoneId: number, openId: string, now: number): T | null {
    const entry = this.opens.get(`${zoneId}|${openId}`);
    if (!entry || now - entry.at > this.ttlMs) return null;
    return entry.value;
  }
}

/** The open id from an `o=` query value: what a mailing tool writes (ids, hashes, emails), bounded. */
export function parseOpenId(raw: string | null): string | null {
  if (raw === null) return null;
  return /^[A-Za-z0-9._@+=:-]{1,128}$/.test(raw) ? raw : null;
}
