// End-to-end test of the lede-server web page: paste HTML, submit, check the reader view,
// then ask for a refused URL and check the error is shown; saves a screenshot.
// Usage: node e2e.mjs BASE_URL SCREENSHOT_PATH   (run by tests/it/browser.rs)
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, screenshot] = process.argv.slice(2);
const executablePath = process.env.LEDE_CHROMIUM || "/usr/bin/chromium";

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Rain returns to the valley | Daily Bugle</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Rain returns to the valley</h1>
<figure><img src="/images/rain.jpg" alt="Rain over fields" width="800" height="500"><figcaption>Rain over the valley on Tuesday. <span class="credit">Photo: John Lens</span></figcaption></figure>
<p>After a dry month, the city woke to steady rain on Tuesday, and forecasters expect more of it through the weekend.</p>
<p>Farmers, who had warned of failing crops for weeks, welcomed the change in the weather and said the timing could still save the harvest.</p>
<p>"We had almost given up," said one grower, standing at the edge of a field that had turned from brown to green in two days.</p>
</article></body></html>`;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const profile = mkdtempSync(join(tmpdir(), "lede-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1100, height: 900 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(base + "/", { waitUntil: "load", timeout: 20000 });

  // Paste HTML and submit.
  // Relative image addresses resolve against this URL: the local server, never elsewhere.
  await page.fill("#url", base + "/rain");
  await page.fill("#html", ARTICLE);
  await page.click("#submit");
  await page.waitForSelector("#article-title", { timeout: 20000 });
  const title = await page.textContent("#article-title");
  const body = await page.textContent("#article-body");
  check(title.startsWith("Rain returns to the valley"), `title rendered as ${JSON.stringify(title)}`);
  check(body.includes("After a dry month"), `body rendered as ${JSON.stringify(body.slice(0, 200))}`);
  check(body.includes("save the harvest"), "the second paragraph is missing");
  const figures = await page.locator("#article-body figure img").count();
  check(figures === 1, `expected the figure's image in the reader view, found ${figures}`);
  const caption = await page.textContent("#article-body figcaption");
  check(caption.includes("Rain over the valley"), `caption rendered as ${JSON.stringify(caption)}`);
  await page.click("[data-tab=json]");
  const raw = await page.textContent("#raw-json");
  check(JSON.parse(raw).text.includes("After a dry month"), "the JSON tab does not hold the article");
  await page.click("[data-tab=reader]");
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`reader view ok: title=${JSON.stringify(title)}; screenshot ${screenshot}`);

  // A refused URL shows a readable error (no new page load).
  await page.check("input[name=mode][value=url]");
  await page.fill("#url", "http://127.0.0.1:1/");
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])", { timeout: 20000 });
  const error = await page.textContent("#error");
  check(error.includes("403") && error.includes("target_refused"), `error shown as ${JSON.stringify(error)}`);
  console.log(`error view ok: ${JSON.stringify(error.slice(0, 120))}`);
  check(pageErrors.length === 0, `script errors: ${pageErrors.join("; ")}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
