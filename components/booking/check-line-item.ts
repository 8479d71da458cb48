import { lineItemQuantity, negotiatedRate } from "@/lib/core/validation";
import { formatCount } from "@/lib/format/format-count";
import { countOf, unitOf } from "@/lib/format/units";
import { moneyExample, parseMoneyOrNull } from "@/lib/money/parse-money";
import type { DayAvailability } from "./availability-calendar";

/** What is wrong with the line item being built, by the field it is shown beside. */
export type LineItemProblems = { dates?: string; quantity?: string; rate?: string };

export type LineItemChoice = {
  model: "cpm" | "cpc" | "cpd";
  /** The picked range, or nulls while it is being picked. */
  start: string | null;
  end: string | null;
  /** Live availability of every day of the range, for the chosen countries; null while loading. */
  rangeDays: readonly DayAvailability[] | null;
  /** As typed. */
  quantity: string;
  /** As typed, in major units ("12.50"); blank keeps the rate card's. */
  rate: string;
  /** The order's currency, which says how many minor digits a rate has. */
  currency: string;
};

const listed = 3;

/** "2030-01-10, 2030-01-11 and 2 more" */
function listDays(days: readonly string[]) {
  const shown = days.slice(0, listed).join(", ");
  return days.length > listed ? `${shown} and ${days.length - listed} more` : shown;
}

/** A rate typed in major units (by the one money parser), as minor units; NaN when it is not an amount. */
export function rateInMinorUnits(rate: string, currency: string): number {
  return parseMoneyOrNull(rate, currency) ?? Number.NaN;
}

/**
 * Says no while a line item is built, with the server's own rules: the quantity and
 * rate through the same zod rules as the order verbs, the dates against live
 * availability (a CPM item spreads its impressions evenly over the days, so the
 * fullest day bounds it; CPD takes each day whole; CPC reserves nothing). The server
 * checks everything again on submit and at approval.
 */
export function checkLineItem(choice: LineItemChoice): LineItemProblems {
  const problems: LineItemProblems = {};
  const needsQuantity = choice.model !== "cpd";
  let quantity: number | null = null;
  if (needsQuantity && choice.quantity.trim() !== "") {
    const parsed = lineItemQuantity().safeParse(choice.quantity.trim());
    if (parsed.success) quantity = parsed.data;
    else problems.quantity = parsed.error.issues[0].message;
  }
  if (choice.rate.trim() !== "") {
    // A minus sign is read here so the server's own "cannot be negative" rule can say so.
    const typed = choice.rate.trim();
    const sign = typed.startsWith("-") ? -1 : 1;
    const minor = sign * rateInMinorUnits(typed.replace(/^-/, ""), choice.currency);
    const parsed = negotiatedRate().safeParse(Number.isNaN(minor) ? choice.rate : minor);
    if (!parsed.success)
      problems.rate = Number.isNaN(minor) ? moneyExample(choice.currency) : parsed.error.issues[0].message;
  }
  if (!choice.start || !choice.end || !choice.rangeDays || choice.model === "cpc") return problems;

  const soldOut = choice.rangeDays.filter((d) => d.soldOut).map((d) => d.day);
  if (soldOut.length > 0) {
    problems.dates = `Sold out on ${listDays(soldOut)}: pick days around ${soldOut.length === 1 ? "it" : "them"}.`;
    return problems;
  }
  if (choice.model === "cpm" && quantity !== null && choice.rangeDays.length > 0) {
    const fullest = choice.rangeDays.reduce((min, d) => (d.available < min.available ? d : min));
    const fits = fullest.available * choice.rangeDays.length;
    if (quantity > fits) {
      problems.quantity = `At most ${countOf(fits, unitOf.cpm)} fit on these days: ${fullest.day} has ${formatCount(fullest.available)} left, and impressions are spread evenly over the days.`;
    }
  }
  return problems;
}
