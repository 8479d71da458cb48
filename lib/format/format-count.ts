const formatters = new Map<string, Intl.NumberFormat>();

/** formatCount(1234567) === "1,234,567". */
export function formatCount(value: number | bigint, locale = "en-US"): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}
