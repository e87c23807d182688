// tests/browser/serve.mjs - live reload of `annals serve` in headless
// Chromium, as a writer sees it:
//   - an article page is open; the article file is edited; the page reloads
//     by itself (a marker set on the old page is gone) and shows the edit;
//   - a front matter error appears as the overlay on the open page, without
//     a reload, naming the file; the page under it is still the good one;
//   - fixing the error reloads the page without the overlay.
// Every wait is bounded (10 s).
//
//   node tests/browser/serve.mjs URL SITE_DIR   (serve.sh starts the server)
//
// Ends with "N passed, N failed"; exits 1 on any failure.

import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const [url, site] = process.argv.slice(2);
if (!url || !site) {
	console.error("usage: node tests/browser/serve.mjs URL SITE_DIR");
	process.exit(2);
}
const WAIT = 10000;
let passed = 0, failed = 0;
function check(ok, what) {
	if (ok) passed++; else failed++;
	console.log(`${ok ? "ok  " : "FAIL"} serve: ${what}`);
}

const { chromium } = require("playwright-core");
const profile = mkdtempSync(join(tmpdir(), "annals-chromium-serve-"));
const ctx = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	headless: true,
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const local = new URL(url).origin;
// Nothing but the preview server.
await ctx.route((u) => u.origin !== local, (route) => route.abort());

const article = join(site, "content", readdirSync(join(site, "content")).find((f) => f.endsWith("-welcome.md")));
const broken = join(site, "content", "broken.md");
const ok = (p) => p.then(() => true, () => false);

try {
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [];
	page.on("pageerror", (err) => errors.push(String(err)));
	await page.goto(`${url}/articles/welcome.html`);
	check(await ok(page.waitForFunction(() => !!document.querySelector('script[src="/__annals/live.js"]'),
		null, { timeout: WAIT })), "the live-reload script is on the page");
	// the stream is open before anything changes
	await page.waitForTimeout(300);
	await page.evaluate(() => { window.__annalsMarker = 1; });

	appendFileSync(article, "\nThe okapi came on 2 January 2026.\n");
	check(await ok(page.waitForFunction(() => document.body.textContent.includes("okapi") &&
		window.__annalsMarker === undefined, null, { timeout: WAIT })),
		"an edit reloads the open page, which shows it");

	await page.evaluate(() => { window.__annalsMarker = 2; });
	writeFileSync(broken, "---\ntitle: [unclosed\n---\n");
	check(await ok(page.waitForFunction(() => {
		const o = document.getElementById("annals-error");
		return o && o.textContent.includes("content/broken.md") && window.__annalsMarker === 2;
	}, null, { timeout: WAIT })), "a build error shows as an overlay on the open page, without a reload");
	const overlay = await page.evaluate(() => {
		const o = document.getElementById("annals-error");
		const s = getComputedStyle(o);
		return { fixed: s.position === "fixed", role: o.getAttribute("role"), okapi: document.body.textContent.includes("okapi") };
	});
	check(overlay.fixed && overlay.role === "alert", "the overlay is fixed over the page, role=alert");
	check(overlay.okapi, "the last good page is still under the overlay");

	rmSync(broken);
	check(await ok(page.waitForFunction(() => !document.getElementById("annals-error") &&
		window.__annalsMarker === undefined, null, { timeout: WAIT })),
		"fixing the error reloads the page without the overlay");
	check(errors.length === 0, `no page errors${errors.length ? ": " + errors.join("; ") : ""}`);
} catch (e) {
	check(false, `unexpected: ${e}`);
} finally {
	await ctx.close();
	rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
