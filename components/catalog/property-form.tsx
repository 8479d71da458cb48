"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createPropertyAction, updatePropertyAction } from "@/lib/actions/catalog";
import { propertyKinds } from "@/lib/catalog/property-input";

export type PropertyValues = {
  id: number;
  name: string;
  kind: string;
  url: string | null;
  description: string;
  audience: string;
  logoUrl: string | null;
};

const kindOptions = propertyKinds.map((k) => ({ value: k, label: k[0].toUpperCase() + k.slice(1) }));

/** Adds a property, or edits one when `property` is given; after saving it returns to the catalog. */
export function PropertyForm({ property }: { property?: PropertyValues }) {
  const router = useRouter();
  const { state, onSubmit, errors, value } = useActionForm(
    property ? updatePropertyAction : createPropertyAction,
    { toast: true },
  );
  useEffect(() => {
    if (state?.ok) router.push("/publisher/catalog");
  }, [state, router]);
  // After a failure the typed values come back; otherwise the saved ones.
  const field = (name: keyof PropertyValues) =>
    state && !state.ok ? value(name) : property ? String(property[name] ?? "") : undefined;
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {property && <input type="hidden" name="propertyId" value={property.id} />}
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField label="Name" name="name" required error={errors.name} defaultValue={field("name")} />
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        defaultValue={field("kind") ?? "website"}
        error={errors.kind}
      />
      <TextField
        label="URL"
        name="url"
        type="url"
        placeholder="https://"
        error={errors.url}
        defaultValue={field("url")}
      />
      <TextField
        label="Logo URL"
        name="logoUrl"
        type="url"
        placeholder="https://"
        hint="An image address shown on the media kit."
        error={errors.logoUrl}
        defaultValue={field("logoUrl")}
      />
      <TextareaField
        label="Description"
        name="description"
        className="sm:col-span-2"
        error={errors.description}
        defaultValue={field("description")}
      />
      <TextareaField
        label="Audience"
        name="audience"
        className="sm:col-span-2"
        hint="Facts a buyer looks for: readers, listeners, countries, interests."
        error={errors.audience}
        defaultValue={field("audience")}
      />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">{property ? "Save property" : "Add property"}</SubmitButton>
      </div>
    </form>
  );
}
