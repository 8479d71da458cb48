"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { setUp, signUpWorkspace } from "@/lib/actions/auth";

type Option = { value: string; label: string };

/** "Harbour Weekly" → "harbour-weekly": a suggestion the person can still edit. */
const slugFrom = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);

/**
 * A new publisher and its owner: the first-run setup and (where open) publisher sign-up.
 * The time zone starts as the browser's own; the address follows the name until edited.
 */
export function WorkspaceForm({
  mode,
  currencies,
  timeZones,
  appUrl,
  submitLabel,
}: {
  /** "setup": the first publisher of an empty AdDesk; "signup": one more, where sign-up is open. */
  mode: "setup" | "signup";
  currencies: Option[];
  timeZones: string[];
  appUrl: string;
  submitLabel: string;
}) {
  const { state, onSubmit, errors } = useActionForm(mode === "setup" ? setUp : signUpWorkspace);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [timezone, setTimezone] = useState("UTC");
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZones.includes(browserZone)) setTimezone(browserZone);
  }, [timeZones]);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError state={state} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-ink">Your publication</legend>
        <TextField
          label="Publication or company name"
          name="publisherName"
          autoComplete="organization"
          required
          error={errors.publisherName}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugFrom(e.target.value));
          }}
        />
        <TextField
          label="Booking address"
          name="slug"
          required
          hint={`Advertisers book at ${appUrl}/book/${slug || "your-name"}`}
          error={errors.slug}
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Currency"
            name="currency"
            options={currencies}
            defaultValue="USD"
            hint="Prices, invoices and payments use it."
            error={errors.currency}
          />
          <SelectField
            label="Time zone"
            name="timezone"
            options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
            value={timezone}
            onChange={(e) => setTimezone(e.target.value)}
            hint="Campaign days start and end at midnight here."
            error={errors.timezone}
          />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-ink">You, the owner</legend>
        <TextField label="Your name" name="ownerName" autoComplete="name" required error={errors.ownerName} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          required
          error={errors.password}
        />
      </fieldset>
      <SubmitButton className="w-full" pendingLabel="Creating your desk…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
