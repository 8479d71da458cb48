"use client";

import { CheckboxField, FileField, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveSettings } from "@/lib/actions/settings";

type Settings = {
  name: string;
  slug: string;
  accentColor: string;
  currency: string;
  timezone: string;
  approvalWindowDays: number;
  prepayRequired: boolean;
  advertiserMayPause: boolean;
  paymentInstructions: string;
  notificationEmails: string;
};

/**
 * The desk's settings. After a failed save every field keeps what was typed (and the
 * picked logo); after a successful one, shows what was saved.
 */
export function PublisherSettingsForm({
  publisher,
  currencies,
  timeZones,
  appUrl,
  logoUrl,
  readOnly,
}: {
  publisher: Settings;
  currencies: { value: string; label: string }[];
  timeZones: string[];
  appUrl: string;
  /** The current logo's address, if there is one. */
  logoUrl: string | null;
  readOnly: boolean;
}) {
  const { state, onSubmit, errors } = useActionForm(saveSettings, { toast: true });
  // After a failure the browser keeps what was typed (onSubmit); fields start from what is saved.
  const shown = (name: keyof Settings) => String(publisher[name] ?? "");
  const ticked = (name: "prepayRequired" | "advertiserMayPause") => publisher[name];
  // Remount after a save, so the fields show what was saved (a new logo, a cleaned-up list).
  const key = state?.ok ? JSON.stringify(state.data) : "form";
  return (
    <form key={key} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormError state={state} />
      <fieldset disabled={readOnly} className="space-y-6">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-ink">Publication</legend>
          <TextField label="Name" name="name" required defaultValue={shown("name")} error={errors.name} />
          <TextField
            label="Booking address"
            name="slug"
            required
            defaultValue={shown("slug")}
            hint={`${appUrl}/book/… — old links keep working after a change.`}
            error={errors.slug}
          />
          <SelectField
            label="Currency"
            name="currency"
            options={currencies}
            defaultValue={shown("currency")}
            hint="Fixed once the first order exists."
            error={errors.currency}
          />
          <SelectField
            label="Time zone"
            name="timezone"
            options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
            defaultValue={shown("timezone")}
            error={errors.timezone}
          />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-ink">Booking portal</legend>
          <div className="space-y-2">
            <FileField
              label="Logo"
              name="logo"
              accept="image/png,image/jpeg,image/gif,image/webp"
              hint="PNG, JPEG, GIF or WebP, at most 512 KB. Shown at the top of your booking portal."
              error={errors.logo}
            />
            {logoUrl && (
              <div className="flex items-center gap-3">
                {/* biome-ignore lint/performance/noImgElement: a small uploaded logo, served as stored */}
                <img src={logoUrl} alt="Current logo" className="h-10 w-auto max-w-40 object-contain" />
                <CheckboxField label="Remove the logo" name="removeLogo" />
              </div>
            )}
          </div>
          <TextField
            label="Accent colour"
            name="accentColor"
            defaultValue={shown("accentColor")}
            placeholder="#1d4ed8"
            hint="Buttons and links on your media kit; dark enough for white text."
            error={errors.accentColor}
          />
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-ink">Orders and money</legend>
          <TextField
            label="Approval window (days)"
            name="approvalWindowDays"
            inputMode="numeric"
            defaultValue={shown("approvalWindowDays")}
            hint="How long advertisers wait for a decision on a new order."
            error={errors.approvalWindowDays}
          />
          <div className="space-y-2 sm:pt-6">
            <CheckboxField
              label="Advertisers pay before campaigns start"
              name="prepayRequired"
              defaultChecked={ticked("prepayRequired")}
              error={errors.prepayRequired}
            />
            <CheckboxField
              label="Advertisers may pause and resume their own line items"
              name="advertiserMayPause"
              defaultChecked={ticked("advertiserMayPause")}
              error={errors.advertiserMayPause}
            />
          </div>
          <TextareaField
            label="Payment instructions"
            name="paymentInstructions"
            rows={4}
            className="sm:col-span-2"
            defaultValue={shown("paymentInstructions")}
            hint="Shown to advertisers on every order with money due: bank details, what reference to quote."
            error={errors.paymentInstructions}
          />
          <TextField
            label="New-order notifications go to"
            name="notificationEmails"
            className="sm:col-span-2"
            defaultValue={shown("notificationEmails")}
            hint="Addresses separated by commas, for orders without a sales manager. Empty: owners and admins."
            error={errors.notificationEmails}
          />
        </fieldset>
      </fieldset>
      {!readOnly && <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>}
    </form>
  );
}
