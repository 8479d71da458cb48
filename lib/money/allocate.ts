/**
 * Splits `amount` minor units into parts proportional to `ratios`, exactly: the parts
 * always add up to `amount`. Each part gets its floor share, and the units left over go
 * one each to the parts with the largest remainders (earliest first on ties), so no
 * cent appears or disappears when a payment or refund is spread over several others.
 */
export function allocate(amount: number, ratios: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError("allocate needs a whole number of minor units.");
  if (ratios.length === 0) throw new RangeError("allocate needs at least one part.");
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) {
    throw new RangeError("allocate needs whole, non-negative ratios.");
  }
  const total = ratios.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError("allocate needs at least one ratio above zero.");
  const sign = amount < 0 ? -1n : 1n;
  const whole = BigInt(Math.abs(amount));
  const sum = BigInt(total);
  const shares = ratios.map((r, index) => {
    const exact = whole * BigInt(r);
    return { index, part: exact / sum, remainder: exact % sum };
  });
  let left = whole - shares.reduce((a, s) => a + s.part, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.part += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s.part * sign));
}
