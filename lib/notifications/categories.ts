/** The kinds of order email a person may mute, with the words the preferences page shows. */
export const notificationCategories = {
  status: "Order status changes (submitted, approved, started, completed …)",
  messages: "New messages",
  feedback: "Drafts and feedback",
  changes: "Change requests",
  proofs: "Proof of delivery",
} as const;

export type NotificationCategory = keyof typeof notificationCategories;
export const notificationCategoryNames = Object.keys(notificationCategories) as NotificationCategory[];
