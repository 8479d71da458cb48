/** "sales manager (can confirm sales)": a role and its extra permissions, in words. */
export function describeMembership(role: string, permissions: readonly string[]) {
  const words = role.replace("_", " ");
  if (permissions.length === 0) return words;
  return `${words} (${permissions.map((p) => p.replaceAll("_", " ")).join(", ")})`;
}
