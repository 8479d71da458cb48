/**
 * Where advertisers' online payments go. A real provider (Stripe, Adyen …) plugs in
 * behind the same interface; AdDesk ships one test provider so the whole flow runs end
 * to end without an outside service.
 */
export type ChargeRequest = {
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  cardNumber: string;
  /** The payment's own key: the provider treats the same key as the same charge. */
  idempotencyKey: string;
  /** 1 for the first try of this payment, 2 for the advertiser's retry, … */
  attempt: number;
};

export type ChargeResult =
  | { outcome: "completed"; fee: number; reference: string }
  | { outcome: "declined"; message: string }
  /** The provider could not answer yet; the payment stays processing and may be tried again. */
  | { outcome: "retry"; message: string };

export type PaymentProvider = {
  /** Shown to staff as the payment system. */
  name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /**
   * The final word on a charge left processing (the provider did not answer, or the
   * advertiser went away before retrying), by its key. "retry" means the provider does not
   * know yet. A provider without it has its processing payments declined after a timeout.
   */
  status?(request: Pick<ChargeRequest, "amount" | "currency" | "idempotencyKey">): Promise<ChargeResult>;
};

/** Test cards (README "Paying online"): any other number is declined as unknown. */
export const testCards = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
  needsRetry: "4000000000009995",
} as const;

/** The test provider's commission: 2.9 % plus 30 minor units, like a typical card processor. */
export const testProviderFee = (amount: number) => Math.round((amount * 290) / 10_000) + 30;

export const testPaymentProvider: PaymentProvider = {
  name: "test",
  async charge({ amount, cardNumber, idempotencyKey, attempt }) {
    const card = cardNumber.replace(/[\s-]/g, "");
    if (card === testCards.succeeds || (card === testCards.needsRetry && attempt > 1)) {
      return {
        outcome: "completed",
        fee: Math.min(amount, testProviderFee(amount)),
        reference: `test_${idempotencyKey.slice(0, 24)}`,
      };
    }
    if (card === testCards.needsRetry) {
      return { outcome: "retry", message: "The card's bank did not answer in time. Try again." };
    }
    if (card === testCards.declined) return { outcome: "declined", message: "The card was declined." };
    return { outcome: "declined", message: "The test provider does not know this card number." };
  },
  // The test provider keeps nothing: a charge it answered "retry" to was never taken.
  async status() {
    return { outcome: "declined", message: "The payment provider never completed this charge." };
  },
};

/** The provider online payments use; tests and a real integration may swap it. */
export function paymentProvider(): PaymentProvider {
  return testPaymentProvider;
}
