export { currencyMinorDigits } from "./currency-digits";
export type { DateInput } from "./date-input";
export { formatCount } from "./format-count";
export { type FormatDateOptions, formatDate } from "./format-date";
export { formatDateRange } from "./format-date-range";
export { formatMoney, type MinorUnits } from "./format-money";
export { formatRelativeTime } from "./format-relative-time";
export { type CsvValue, toCsv } from "./to-csv";
