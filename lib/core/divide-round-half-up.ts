/**
 * numerator / denominator rounded half up, for non-negative operands. Money is
 * rounded exactly once, at the end, so the intermediate product stays a BigInt
 * (rate × impressions passes 2^53 long before the amount does).
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError("divideRoundHalfUp needs n >= 0 and d > 0");
  return (numerator * 2n + denominator) / (denominator * 2n);
}
