"use client";

import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { invite } from "@/lib/actions/team";
import { permissionOptions, roleOptions } from "./role-options";

export function InviteForm() {
  const { state, onSubmit, errors, value, checked } = useActionForm(invite, { toast: true });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        error={errors.email}
        defaultValue={value("email")}
      />
      <SelectField
        label="Role"
        name="role"
        options={roleOptions}
        defaultValue={value("role") ?? "sales_manager"}
        error={errors.role}
      />
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium">Permissions</legend>
        {permissionOptions.map((p) => (
          <CheckboxField
            key={p.value}
            label={p.label}
            name="permissions[]"
            value={p.value}
            defaultChecked={checked("permissions", p.value)}
          />
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
    </form>
  );
}
