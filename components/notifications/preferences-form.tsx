"use client";

import { CheckboxField, Fieldset } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveNotificationPreferencesAction } from "@/lib/actions/notifications";
import { notificationCategories, notificationCategoryNames } from "@/lib/notifications/categories";
import type { Preferences } from "@/lib/notifications/notification-preferences";

/** Which order emails this person gets, and whether at once or in one daily digest. */
export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { state, onSubmit, errors } = useActionForm(saveNotificationPreferencesAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Email preferences">
      <FormError state={state} />
      <Fieldset legend="Email me about" error={errors.wanted} hint="Untick what you do not want by email.">
        {notificationCategoryNames.map((category) => (
          <CheckboxField
            key={category}
            label={notificationCategories[category]}
            name="wanted[]"
            value={category}
            defaultChecked={!preferences.muted.includes(category)}
          />
        ))}
      </Fieldset>
      <CheckboxField
        label="Send them in one daily digest instead of one by one"
        name="digest"
        defaultChecked={preferences.digest}
        error={errors.digest}
      />
      <SubmitButton pendingLabel="Saving…">Save preferences</SubmitButton>
    </form>
  );
}
