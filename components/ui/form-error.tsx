import type { ActionState } from "@/lib/http/result";

/**
 * The form-level message of a failed action, announced to screen readers. Messages
 * that belong to one field are shown next to that field instead.
 */
export function FormError({ state }: { state: ActionState }) {
  if (!state || state.ok) return null;
  const onAField = Object.values(state.fieldErrors).some((list) => list.includes(state.error));
  if (onAField) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.error}
    </div>
  );
}
