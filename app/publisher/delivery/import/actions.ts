"use server";

import { defineAction } from "@/lib/actions/define-action";
import { staffWriters } from "@/lib/auth/roles";
import { importDeliveryCsv, importDeliveryCsvInput } from "@/lib/delivery/import-delivery-csv";

/** Checks every row against the database; writes nothing. */
export const previewDeliveryImportAction = defineAction({
  input: importDeliveryCsvInput,
  roles: staffWriters,
  run: ({ ctx, input }) => importDeliveryCsv(ctx!, { ...input, mode: "preview" }),
});

/** Writes every row, or nothing when any row has a problem. */
export const commitDeliveryImportAction = defineAction({
  input: importDeliveryCsvInput,
  roles: staffWriters,
  run: ({ ctx, input }) => importDeliveryCsv(ctx!, { ...input, mode: "commit" }),
  revalidate: ["/publisher"],
});
