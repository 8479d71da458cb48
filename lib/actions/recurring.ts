"use server";

import { allStaff } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import {
  changeRecurringSchedule,
  changeRecurringScheduleInput,
} from "@/lib/recurring/change-recurring-schedule";
import {
  scheduleRecurringOrder,
  scheduleRecurringOrderInput,
} from "@/lib/recurring/schedule-recurring-order";

const revalidate = ["/publisher", "/advertiser"];

// Every staff role may call these; the verbs themselves require the manage_recurring permission.

export const scheduleRecurringOrderAction = defineAction({
  input: scheduleRecurringOrderInput,
  roles: allStaff,
  run: ({ ctx, input }) => scheduleRecurringOrder(ctx, input),
  message: (s) => `Order #${s.templateOrderId} now recurs ${s.interval} for ${s.paymentsTotal} periods.`,
  revalidate,
});

export const changeRecurringScheduleAction = defineAction({
  input: changeRecurringScheduleInput,
  roles: allStaff,
  run: ({ ctx, input }) => changeRecurringSchedule(ctx, input),
  message: (s) => `Recurring schedule #${s.id} is ${s.status}.`,
  revalidate,
});
