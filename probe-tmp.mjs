import { chromium } from "playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ baseURL: "http://localhost:3200", viewport: { width: Number(process.env.W ?? 390), height: 844 } })).newPage();
page.setDefaultTimeout(60000);
await page.goto("/login");
await page.getByLabel("Email").fill("admin@northwind.test");
await page.getByLabel("Password").fill("demo-password-1");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const q of (process.argv[2] ?? "?tab=payments,?,?tab=recurring,?tab=reports").split(",")) {
  await page.goto(`/publisher/sales${q}`);
  await page.waitForLoadState("load");
  const out = await page.evaluate(() => {
    const root = document.scrollingElement;
    const w = window.innerWidth;
    const bad = []; for (const s of document.querySelectorAll("main section[aria-label]")) bad.push(`REGION ${s.getAttribute("aria-label")} scroll=${s.scrollWidth} client=${s.clientWidth}`);
    for (const el of document.querySelectorAll("main *")) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 0.5 && r.width > 0) {
        const parentBad = el.parentElement && el.parentElement.getBoundingClientRect().right > root.clientWidth + 0.5;
        if (!parentBad || el.children.length === 0) bad.push(`${el.tagName}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} text=${(el.textContent || "").slice(0, 40)}`);
      }
    }
    return { scroll: root.scrollWidth, client: root.clientWidth, w, bad: bad.slice(0, 12) };
  });
  console.log(q, JSON.stringify(out, null, 1));
}
await browser.close();
