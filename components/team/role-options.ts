/** The roles and extra permissions a team member can hold, as the team forms offer them. */
export const roleOptions = [
  { value: "viewer", label: "Viewer (read only)" },
  { value: "sales_manager", label: "Sales manager" },
  { value: "admin", label: "Admin" },
  { value: "owner", label: "Owner" },
];

export const permissionOptions = [
  { value: "confirm_sales", label: "Can confirm sales" },
  { value: "manage_recurring", label: "Can manage recurring order statuses" },
  { value: "overbook", label: "Can overbook inventory" },
];
