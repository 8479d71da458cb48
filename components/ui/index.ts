export { actionResultToast } from "./action-toast";
export { Badge, type BadgeTone } from "./badge";
export { Button, type ButtonProps, LinkButton, type LinkButtonProps } from "./button";
export { type ButtonSize, type ButtonVariant, buttonClasses } from "./button-classes";
export { Card } from "./card";
export { cn } from "./cn";
export { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";
export { Checkbox, Input, Select, type SelectOption, Textarea } from "./controls";
export { EmptyState } from "./empty-state";
export {
  CheckboxField,
  type ControlProps,
  Field,
  type FieldError,
  type FieldProps,
  Fieldset,
  SelectField,
  TextareaField,
  TextField,
} from "./field";
export { type LinkTab, LinkTabs } from "./link-tabs";
export { PageHeader } from "./page-header";
export { ProgressBar } from "./progress-bar";
export {
  firstParam,
  hrefWith,
  type SearchParams,
  type SearchParamsInput,
  toURLSearchParams,
} from "./search-params";
export { StatCard, StatGrid } from "./stat-card";
export { FAMILY_TONES, type StatusFamily, statusFamily, statusLabel } from "./status";
export { StatusBadge } from "./status-badge";
export { SubmitButton } from "./submit-button";
export { type ToastInput, ToastOnMount, ToastProvider, type ToastTone, useToast } from "./toast";
