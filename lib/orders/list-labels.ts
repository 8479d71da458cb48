import type { orderSource } from "@/db/schema/enums";
import type { OrderListSort } from "./list-orders-input";

export type OrderSource = (typeof orderSource.enumValues)[number];

export const orderSourceLabels: Record<OrderSource, string> = {
  manual: "Manual",
  self_serve: "Self-serve",
  api: "API",
  recurring: "Recurring",
};

export const orderListSortLabels: Record<OrderListSort, string> = {
  createdAt: "Created",
  lastActivityAt: "Last activity",
  startDate: "Start date",
  total: "Value",
};
