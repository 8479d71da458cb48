/** Every currency this runtime formats, named in English, with the common ones first. */
export function currencyOptions() {
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  const common = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR", "BRL"];
  const rest = Intl.supportedValuesOf("currency").filter((code) => !common.includes(code));
  return [...common, ...rest].map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}
