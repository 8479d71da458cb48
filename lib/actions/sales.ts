"use server";

import { allStaff } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { confirmSale, confirmSaleInput } from "@/lib/sales/confirm-sale";

// Every staff role may call this; the verb itself requires the confirm_sales permission.
export const confirmSaleAction = defineAction({
  input: confirmSaleInput,
  roles: allStaff,
  run: ({ ctx, input }) => confirmSale(ctx, input),
  message: ({ paymentId, managerName }) =>
    `Sale confirmed: payment #${paymentId} was made by ${managerName}.`,
  revalidate: ["/publisher"],
});
