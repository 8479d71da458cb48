/**
 * ISO 4217 minor-unit exponents. Money is stored in minor units using these, so display
 * must use the same table: ICU's display digits differ for some currencies (it shows
 * HUF, IDR, PKR… without decimals), which would misplace the decimal point by 100×.
 */
const ZERO = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const THREE = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
const FOUR = new Set(["CLF", "UYW"]);

export function currencyMinorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO.has(code)) return 0;
  if (THREE.has(code)) return 3;
  if (FOUR.has(code)) return 4;
  return 2;
}
