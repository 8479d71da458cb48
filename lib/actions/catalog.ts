"use server";

import { archiveProperty, archivePropertyInput } from "@/lib/catalog/archive-property";
import { archiveZone, archiveZoneInput } from "@/lib/catalog/archive-zone";
import { createProperty, createPropertyInput } from "@/lib/catalog/create-property";
import { createZone, createZoneInput } from "@/lib/catalog/create-zone";
import { deleteProperty, deletePropertyInput } from "@/lib/catalog/delete-property";
import { pausePropertyAds, pausePropertyAdsInput } from "@/lib/catalog/pause-property-ads";
import { updateProperty, updatePropertyInput } from "@/lib/catalog/update-property";
import { updateZone, updateZoneInput } from "@/lib/catalog/update-zone";
import { staffWriters } from "@/lib/core/roles";
import { defineAction } from "@/lib/http/define-action";
import { editCapacity, editCapacityInput } from "@/lib/inventory/edit-capacity";

// The media kit and booking pages read the catalog too, so they are revalidated with it.
const revalidate = ["/publisher/catalog", "/publisher/inventory", "/book"];

export const createPropertyAction = defineAction({
  input: createPropertyInput,
  roles: staffWriters,
  run: ({ ctx, input }) => createProperty(ctx, input),
  message: (p) => `${p.name} was added.`,
  revalidate,
});

export const updatePropertyAction = defineAction({
  input: updatePropertyInput,
  roles: staffWriters,
  run: ({ ctx, input }) => updateProperty(ctx, input),
  message: (p) => `${p.name} was saved.`,
  revalidate,
});

export const archivePropertyAction = defineAction({
  input: archivePropertyInput,
  roles: staffWriters,
  run: ({ ctx, input }) => archiveProperty(ctx, input),
  message: (p) =>
    p.archivedAt
      ? `${p.name} was archived: it left the media kit; its orders run on.`
      : `${p.name} is back on sale.`,
  revalidate,
});

export const pausePropertyAdsAction = defineAction({
  input: pausePropertyAdsInput,
  roles: staffWriters,
  run: ({ ctx, input }) => pausePropertyAds(ctx, input),
  message: (p) =>
    p.servingPausedAt
      ? `Ads on ${p.name} are paused: its zone tags show nothing until you resume them.`
      : `Ads on ${p.name} serve again.`,
  revalidate,
});

export const deletePropertyAction = defineAction({
  input: deletePropertyInput,
  roles: staffWriters,
  run: ({ ctx, input }) => deleteProperty(ctx, input),
  message: (p) => `${p.name} was deleted.`,
  revalidate,
});

export const createZoneAction = defineAction({
  input: createZoneInput,
  roles: staffWriters,
  run: ({ ctx, input }) => createZone(ctx, input),
  message: (r) =>
    `${r.zone.name} was added with ${r.inventoryDays.toLocaleString("en-US")} days of inventory.`,
  revalidate,
});

export const updateZoneAction = defineAction({
  input: updateZoneInput,
  roles: staffWriters,
  run: ({ ctx, input }) => updateZone(ctx, input),
  message: (r) =>
    r.regenerated > 0
      ? `${r.zone.name} was saved; future inventory follows the new estimate.`
      : `${r.zone.name} was saved. Existing orders keep their prices.`,
  revalidate,
});

export const archiveZoneAction = defineAction({
  input: archiveZoneInput,
  roles: staffWriters,
  run: ({ ctx, input }) => archiveZone(ctx, input),
  message: (z) =>
    z.archivedAt
      ? `${z.name} was archived: it left the media kit; its orders run on.`
      : `${z.name} is back on sale.`,
  revalidate,
});

export const editCapacityAction = defineAction({
  input: editCapacityInput,
  roles: staffWriters,
  run: ({ ctx, input }) => editCapacity(ctx, input),
  message: (r) =>
    `Capacity set for ${r.days} day${r.days === 1 ? "" : "s"} (${r.from} to ${r.to}) in ${r.countries.join(", ")}.`,
  revalidate,
});
