/**
 * The tax an invoice names: its rate (the order's, else the publisher's default) and the
 * part of the amount that is tax, since prices include it (amount × rate / (1 + rate)).
 */
export function invoiceTax(
  amount: number,
  order: { taxRateBasisPoints: number | null; taxId: string | null },
  publisher: { taxRateBasisPoints: number; taxId: string },
) {
  const basisPoints = order.taxRateBasisPoints ?? publisher.taxRateBasisPoints;
  const included = Number(
    (BigInt(amount) * BigInt(basisPoints) * 2n + BigInt(10_000 + basisPoints)) /
      (BigInt(10_000 + basisPoints) * 2n),
  );
  return { percent: basisPoints / 100, included, taxId: order.taxId ?? (publisher.taxId || null) };
}
