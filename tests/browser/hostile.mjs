// tests/browser/hostile.mjs - the hostile site (tests/hostile/) in headless
// Chromium: no script from the content runs and no dialog opens.
//   - every HTML page is loaded; any alert/confirm/prompt fails the test,
//     as does a page error;
//   - in the DOM: no inline script and no script but the theme's own, no
//     on* attribute on any element (an onmouseover would wait for a
//     reader's mouse), no javascript:, vbscript: or data: URL in a link,
//     image, frame or form, no iframe/object/embed/base, no meta refresh;
//   - search.html is searched for the hostile words, so its results (built
//     with DOM calls from search-index.js) are on the page when checked.
// A second site, the same content with `markdown: { unsafe: true }`, must
// open dialogs: that proves the detector sees a script when one runs.
//
//   node tests/browser/hostile.mjs SAFE_SITE UNSAFE_SITE
//
// Ends with the line "N passed, N failed"; exits 1 on any failure.

import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [safe, unsafe] = process.argv.slice(2).map((p) => resolve(p));
if (!safe || !unsafe) {
	console.error("usage: node tests/browser/hostile.mjs SAFE_SITE UNSAFE_SITE");
	process.exit(2);
}

let passed = 0, failed = 0;
function report(name, problems) {
	if (!problems.length) { passed++; console.log(`ok - ${name}`); return; }
	failed++;
	console.log(`FAIL - ${name}`);
	console.log(problems.slice(0, 30).map((l) => "    " + l).join("\n"));
}

function walk(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p)); else out.push(p);
	}
	return out.sort();
}

// What the theme itself may load; anything else came from content.
const THEME_SCRIPTS = new Set(["search-index.js", "search.js"]);
const SEARCHES = ["script", "alert", "onload", "img", "cmd", "committee"];

// Runs in the page: everything that could carry a script, as text.
function domProblems(themeScripts) {
	const bad = [];
	const urlAttrs = ["href", "src", "action", "formaction", "data", "poster", "srcdoc",
		"xlink:href", "background", "ping", "srcset"];
	for (const el of document.querySelectorAll("*")) {
		const tag = el.tagName.toLowerCase();
		for (const a of el.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith("on")) bad.push(`<${tag} ${n}="${a.value}">`);
			if (urlAttrs.includes(n) && /^\s*(javascript|vbscript|data)\s*:/i.test(a.value.replace(/[\s\u0000-\u001f]/g, "")))
				bad.push(`<${tag} ${n}="${a.value}">`);
		}
		if (["iframe", "object", "embed", "base", "frame", "frameset", "applet"].includes(tag))
			bad.push(`<${tag}> element`);
		if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh")
			bad.push("<meta http-equiv=refresh>");
		if (tag === "script") {
			const src = el.getAttribute("src") || "";
			const name = src.split("/").pop();
			if (!src || el.textContent.trim() || !themeScripts.includes(name))
				bad.push(`<script src="${src}">${el.textContent.slice(0, 60)}`);
		}
		if ((tag === "a" || tag === "area") && el.href && /^(javascript|vbscript|data):/i.test(el.protocol))
			bad.push(`<${tag} href> resolves to ${el.protocol}`);
	}
	return bad;
}

async function visit(page, site, dialogs, errors) {
	const pages = walk(site).filter((f) => f.endsWith(".html"));
	const problems = [];
	for (const file of pages) {
		const rel = relative(site, file);
		dialogs.where = rel;
		await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
		if (rel === "search.html") {
			for (const q of SEARCHES) {
				await page.fill("input[type=search], input", q);
				await page.waitForTimeout(150);
				for (const p of await page.evaluate(domProblems, [...THEME_SCRIPTS]))
					problems.push(`${rel} (search "${q}"): ${p}`);
			}
		}
		await page.waitForTimeout(50); // onload, ontoggle and friends fire late
		for (const p of await page.evaluate(domProblems, [...THEME_SCRIPTS]))
			problems.push(`${rel}: ${p}`);
	}
	return { pages: pages.length, problems };
}

const { chromium } = require("playwright-core");
// A profile of its own, removed at the end: every run would leave one in /tmp.
const profile = mkdtempSync(join(tmpdir(), "annals-chromium-hostile-"));
const ctx = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	headless: true,
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync"],
	viewport: { width: 1280, height: 900 },
});
// No request may leave the machine.
await ctx.route(/^(?!file:|data:|about:)/, (route) => route.abort());

try {
	const page = ctx.pages()[0] || await ctx.newPage();
	const dialogs = [], errors = [];
	dialogs.where = "";
	page.on("dialog", async (d) => { dialogs.push(`${dialogs.where}: ${d.type()}(${d.message()})`); await d.dismiss(); });
	page.on("pageerror", (err) => errors.push(`${dialogs.where}: ${err}`));

	const s = await visit(page, safe, dialogs, errors);
	report(`hostile site: no dialog on ${s.pages} pages`, [...dialogs]);
	report("hostile site: no page error", errors);
	report(`hostile site: no script, handler or script URL in the DOM of ${s.pages} pages`, s.problems);

	dialogs.length = 0;
	errors.length = 0;
	const u = await visit(page, unsafe, dialogs, errors);
	report(`control: with markdown.unsafe the raw <script> runs (${dialogs.length} dialogs on ${u.pages} pages)`,
		dialogs.some((d) => d.includes("block-script")) ? [] : ["no dialog: the detector is blind", ...dialogs]);
	report("control: with markdown.unsafe the DOM check sees the raw HTML",
		u.problems.some((p) => p.includes("onerror")) ? [] : ["no problem found: the DOM check is blind"]);
} finally {
	await ctx.close();
	rmSync(profile, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
