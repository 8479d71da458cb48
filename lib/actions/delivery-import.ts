"use server";

import { staffWriters } from "@/lib/core/roles";
import { importDeliveryCsv, importDeliveryCsvInput } from "@/lib/delivery/import-delivery-csv";
import { defineAction } from "@/lib/http/define-action";

/** Checks every row against the database; writes nothing. */
export const previewDeliveryImportAction = defineAction({
  input: importDeliveryCsvInput,
  roles: staffWriters,
  run: ({ ctx, input }) => importDeliveryCsv(ctx, { ...input, mode: "preview" }),
});

/** Writes every row, or nothing when any row has a problem. */
export const commitDeliveryImportAction = defineAction({
  input: importDeliveryCsvInput,
  roles: staffWriters,
  run: ({ ctx, input }) => importDeliveryCsv(ctx, { ...input, mode: "commit" }),
  revalidate: ["/publisher"],
});
