const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Whether `code` is a two-letter region code the platform knows (US, DE …), not a typo like "XX". */
export function isKnownCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return false;
  try {
    const name = regionNames.of(code);
    return Boolean(name) && name !== code;
  } catch {
    return false;
  }
}

/** "DE" → "Germany", for labels; unknown codes stay as they are. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
