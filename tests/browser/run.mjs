// tests/browser/run.mjs - the generated site in a real browser (Debian's
// Chromium driven by playwright-core) and through the Nu HTML Checker:
//   - vnu reports no error on any page (HTML, the CSS and the SVG favicon);
//   - every relative link and #fragment of every page leads somewhere;
//   - axe-core finds no violation on each page type, light and dark;
//   - no page scrolls sideways at 320, 360, 768 or 1280 px (screenshots of
//     the index, an event and an article at 360, 768 and 1280 px);
//   - search finds an event by the name of a person in it, with JavaScript;
//     without it, the timeline and its chart are all there;
//   - prefers-color-scheme: dark gives a dark page; print shows the chart;
//   - events.ics parses as iCalendar, timelinejs.json has TimelineJS 3's
//     shape, events.csv is RFC 4180 without formula cells.
//
//   node tests/browser/run.mjs SITE_DIR [SHOTS_DIR]
//
// Ends with the line "N passed, N failed"; exits 1 on any failure.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const site = resolve(process.argv[2] || "");
if (!process.argv[2] || !existsSync(join(site, "index.html"))) {
	console.error("usage: node tests/browser/run.mjs SITE_DIR [SHOTS_DIR]  (SITE_DIR/index.html must exist)");
	process.exit(2);
}
const shots = resolve(process.argv[3] || mkdtempSync(join(tmpdir(), "annals-shots-")));
mkdirSync(shots, { recursive: true });

let passed = 0, failed = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function fail(name, detail) {
	failed++;
	console.log(`FAIL - ${name}`);
	if (detail) console.log(String(detail).split("\n").map((l) => "    " + l).join("\n"));
}
async function test(name, fn) {
	try {
		const r = await fn();
		if (r === undefined || r === true) ok(name); else fail(name, r);
	} catch (err) {
		fail(name, err && err.stack ? err.stack : err);
	}
}

function walk(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p)); else out.push(p);
	}
	return out.sort();
}
const files = walk(site);
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const rel = (f) => relative(site, f);
const url = (path) => pathToFileURL(join(site, path)).href;

// Pages of each type: the first of each folder is enough for axe and
// layout; vnu and the link check see all of them.
const firstIn = (folder) => htmlFiles.map(rel).find((p) => p.startsWith(folder + "/"));
const eventPage = firstIn("events");
const articlePage = firstIn("articles");
const entityPage = firstIn("entities");
const periodPage = firstIn("timeline");
const mainPages = ["index.html", "sources.html", "search.html", eventPage, articlePage,
	existsSync(join(site, "entities.html")) ? "entities.html" : null, entityPage, periodPage].filter(Boolean);

// ---- Nu HTML Checker ------------------------------------------------------

await test(`vnu: 0 errors on ${htmlFiles.length} pages, style.css and favicon.svg`, () => {
	const jar = join(here, "node_modules/vnu-jar/build/dist/vnu.jar");
	const targets = [...htmlFiles, join(site, "style.css"), join(site, "favicon.svg")].filter(existsSync);
	// vnu writes its JSON report to stderr and exits 1 when it found errors.
	const r = spawnSync("java", ["-Xss2m", "-jar", jar, "--format", "json", "--errors-only",
		"--also-check-css", "--also-check-svg", ...targets],
	{ encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
	if (r.error) throw r.error;
	const out = r.stderr;
	if (out.indexOf("{") < 0) return `vnu printed no report (exit ${r.status}): ${out}${r.stdout}`;
	const json = JSON.parse(out.slice(out.indexOf("{")));
	const errors = json.messages.filter((m) => m.type === "error" || m.subType === "fatal");
	console.log(`    vnu: ${errors.length} errors`);
	if (errors.length) {
		return errors.slice(0, 30).map((m) => `${relative(site, fileURLToPath(m.url))}:${m.lastLine}: ${m.message}`).join("\n");
	}
});

// ---- links ----------------------------------------------------------------

await test("every relative link and #fragment resolves", () => {
	const ids = new Map();
	const idsOf = (file) => {
		if (!ids.has(file)) {
			const html = readFileSync(file, "utf8");
			ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
		}
		return ids.get(file);
	};
	const broken = [];
	for (const file of htmlFiles) {
		const html = readFileSync(file, "utf8");
		for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
			const href = m[1].replace(/&amp;/g, "&");
			if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
			const [path, frag] = href.split("#");
			const target = path === "" ? file : resolve(dirname(file), path.split("?")[0]);
			if (!existsSync(target)) broken.push(`${rel(file)}: ${href}`);
			else if (frag && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(frag)))
				broken.push(`${rel(file)}: ${href} (no id ${frag})`);
		}
	}
	if (broken.length) return broken.slice(0, 20).join("\n");
});

// ---- exports --------------------------------------------------------------

await test("events.ics parses as iCalendar (RFC 5545)", () => {
	const raw = readFileSync(join(site, "events.ics"));
	const text = raw.toString("utf8");
	const problems = [];
	if (!text.endsWith("\r\n")) problems.push("does not end in CRLF");
	const physical = text.split("\r\n").slice(0, -1);
	physical.forEach((l, i) => {
		if (Buffer.byteLength(l) > 75) problems.push(`line ${i + 1} has ${Buffer.byteLength(l)} octets`);
		if (/[\n\r]/.test(l)) problems.push(`line ${i + 1} has a bare CR or LF`);
	});
	const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").slice(0, -1);
	const stack = [], uids = new Set();
	let ev = null, n = 0;
	for (const line of lines) {
		const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
		if (!m) { problems.push(`not a content line: ${line}`); continue; }
		const [, name, params, value] = m;
		if (name === "BEGIN") { stack.push(value); if (value === "VEVENT") ev = {}; continue; }
		if (name === "END") {
			if (stack.pop() !== value) problems.push(`END:${value} does not close its BEGIN`);
			if (value === "VEVENT") {
				n++;
				for (const p of ["UID", "DTSTAMP", "DTSTART", "SUMMARY"]) if (!ev[p]) problems.push(`a VEVENT has no ${p}`);
				if (uids.has(ev.UID)) problems.push(`UID ${ev.UID} twice`);
				uids.add(ev.UID);
				if (ev.DTEND && ev.DTEND.value <= ev.DTSTART.value) problems.push(`DTEND not after DTSTART in ${ev.UID}`);
				ev = null;
			}
			continue;
		}
		if (ev) {
			ev[name] = { params, value };
			if ((name === "DTSTART" || name === "DTEND") && !(params === ";VALUE=DATE" && /^\d{8}$/.test(value)))
				problems.push(`${name} is not an all-day date: ${line}`);
			if (name === "SUMMARY" || name === "DESCRIPTION") {
				// TEXT: , ; and \ only escaped
				if (/(^|[^\\])(\\\\)*[,;]/.test(value)) problems.push(`unescaped , or ; in ${name}: ${value}`);
			}
		}
	}
	if (stack.length) problems.push(`unclosed ${stack.join(", ")}`);
	if (!lines[0] || lines[0] !== "BEGIN:VCALENDAR") problems.push("does not start with BEGIN:VCALENDAR");
	if (!lines.includes("VERSION:2.0") || !lines.some((l) => l.startsWith("PRODID:"))) problems.push("no VERSION or PRODID");
	const timeline = JSON.parse(readFileSync(join(site, "timeline.json"), "utf8"));
	if (n !== timeline.events.length) problems.push(`${n} VEVENTs for ${timeline.events.length} events`);
	if (problems.length) return problems.slice(0, 20).join("\n");
});

await test("timelinejs.json has TimelineJS 3's shape", () => {
	const tl = JSON.parse(readFileSync(join(site, "timelinejs.json"), "utf8"));
	const problems = [];
	const isInt = (v) => (typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && /^-?\d+$/.test(v));
	const checkDate = (d, where) => {
		if (!d || typeof d !== "object") return problems.push(`${where}: not a date object`);
		if (!isInt(d.year)) problems.push(`${where}: year ${d.year}`);
		if (d.month !== undefined && !(isInt(d.month) && +d.month >= 1 && +d.month <= 12)) problems.push(`${where}: month ${d.month}`);
		if (d.day !== undefined && !(isInt(d.day) && +d.day >= 1 && +d.day <= 31)) problems.push(`${where}: day ${d.day}`);
		if (d.day !== undefined && d.month === undefined) problems.push(`${where}: day without month`);
	};
	if (!Array.isArray(tl.events) || tl.events.length === 0) problems.push("no events list");
	if (tl.title && (!tl.title.text || typeof tl.title.text.headline !== "string")) problems.push("title slide without text.headline");
	const ids = new Set();
	for (const [i, e] of (tl.events || []).entries()) {
		checkDate(e.start_date, `event ${i} start_date`);
		if (e.end_date) checkDate(e.end_date, `event ${i} end_date`);
		if (!e.text || typeof e.text.headline !== "string" || typeof e.text.text !== "string") problems.push(`event ${i}: text.headline and text.text`);
		if (e.unique_id !== undefined && (typeof e.unique_id !== "string" || ids.has(e.unique_id))) problems.push(`event ${i}: unique_id`);
		ids.add(e.unique_id);
		const known = new Set(["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"]);
		for (const k of Object.keys(e)) if (!known.has(k)) problems.push(`event ${i}: unknown field ${k}`);
	}
	if (problems.length) return problems.slice(0, 20).join("\n");
});

await test("events.csv is RFC 4180 with no formula cells", () => {
	const text = readFileSync(join(site, "events.csv"), "utf8");
	const rows = [];
	let row = [], cell = "", i = 0, quoted = false;
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
			if (c === '"') { quoted = false; i++; continue; }
			cell += c; i++; continue;
		}
		if (c === '"' && cell === "") { quoted = true; i++; continue; }
		if (c === ",") { row.push(cell); cell = ""; i++; continue; }
		if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 2; continue; }
		if (c === "\n" || c === "\r" || c === '"') return `bare ${JSON.stringify(c)} at offset ${i}`;
		cell += c; i++;
	}
	if (cell !== "" || row.length) return "last record does not end in CRLF";
	const width = rows[0].length;
	const bad = rows.findIndex((r) => r.length !== width);
	if (bad >= 0) return `row ${bad + 1} has ${rows[bad].length} cells, the header ${width}`;
	const formula = rows.flat().find((c) => /^[=+\-@\t\r]/.test(c));
	if (formula) return `formula-like cell: ${formula}`;
	const timeline = JSON.parse(readFileSync(join(site, "timeline.json"), "utf8"));
	if (rows.length - 1 !== timeline.events.length + timeline.undated.length) return `${rows.length - 1} rows`;
});

// ---- in the browser ------------------------------------------------------

const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const profile = mkdtempSync(join(tmpdir(), "annals-chromium-"));
const ctx = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	headless: true,
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync"],
	viewport: { width: 1280, height: 900 },
});
// No request may leave the machine: the site is self-contained.
const external = [];
await ctx.route(/^(?!file:|data:|about:)/, (route) => { external.push(route.request().url()); route.abort(); });

try {
	const page = ctx.pages()[0] || await ctx.newPage();
	const consoleErrors = [];
	page.on("pageerror", (err) => consoleErrors.push(String(err)));
	page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });

	async function axe(path, scheme, width = 1280) {
		await page.setViewportSize({ width, height: 900 });
		await page.emulateMedia({ colorScheme: scheme, media: "screen" });
		await page.goto(url(path));
		await page.evaluate(axeSource);
		// preload: false, or axe fetches the stylesheets with XHR, which
		// file:// refuses.
		const result = await page.evaluate(() => window.axe.run(document, {
			resultTypes: ["violations"], preload: false,
			runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
		}));
		return result.violations;
	}
	const counts = {};
	for (const scheme of ["light", "dark"]) {
		for (const path of mainPages) {
			await test(`axe: no violations on ${path} (${scheme})`, async () => {
				const v = await axe(path, scheme);
				for (const x of v) counts[x.impact] = (counts[x.impact] || 0) + 1;
				if (v.length) {
					return v.map((x) => `${x.impact} ${x.id}: ${x.help}\n  ${x.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\n/g, " ")).join("\n  ")}`).join("\n");
				}
			});
		}
	}
	// Narrow: what scrolls sideways must be reachable from the keyboard.
	for (const path of mainPages) {
		await test(`axe: no violations on ${path} (360 px)`, async () => {
			const v = await axe(path, "light", 360);
			for (const x of v) counts[x.impact] = (counts[x.impact] || 0) + 1;
			if (v.length) return v.map((x) => `${x.impact} ${x.id}: ${x.help}`).join("\n");
		});
	}
	console.log(`    axe: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ") || "0 violations"}`);

	for (const width of [320, 360, 768, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.emulateMedia({ colorScheme: "light", media: "screen" });
		for (const path of mainPages) {
			await test(`layout: ${path} at ${width}px has no horizontal scroll`, async () => {
				await page.goto(url(path));
				const m = await page.evaluate(() => ({
					scroll: document.documentElement.scrollWidth,
					client: document.documentElement.clientWidth,
					wide: [...document.querySelectorAll("body *")]
						.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
							&& !el.closest(".chart-scroll, .table-scroll, .visually-hidden, .skip-link"))
						.slice(0, 3).map((el) => el.tagName.toLowerCase() + "." + el.className),
				}));
				if (m.scroll > m.client || m.wide.length) return `scrollWidth ${m.scroll} > ${m.client}: ${m.wide.join(", ")}`;
			});
			const shot = { "index.html": "index", [eventPage]: "event", [articlePage]: "article" }[path];
			if (shot && width !== 320) {
				await page.screenshot({ path: join(shots, `${shot}-${width}.png`) });
			}
		}
	}

	await page.setViewportSize({ width: 1280, height: 900 });
	await test("search finds an event by a person's name (with JavaScript)", async () => {
		// A name from the data: the first entity if the core gives them,
		// else a capitalised word of the first event's sentences.
		const index = await page.goto(url("search-index.js")).then((r) => r.text());
		const entries = JSON.parse(index.slice(index.indexOf("["), index.lastIndexOf("]") + 1));
		const entity = entries.find((e) => e.k === "entity");
		const name = entity ? entity.t : "Maduro";
		await page.goto(url("search.html"));
		await page.waitForSelector("#search-form:not([hidden])");
		await page.fill("#search-input", name);
		await page.waitForSelector("#search-results li");
		const results = await page.$$eval("#search-results li", (lis) => lis.map((li) => ({
			kind: li.querySelector(".label").textContent, href: li.querySelector("a").getAttribute("href"),
		})));
		const status = await page.textContent("#search-status");
		if (!results.some((r) => r.kind === "Event" && /^events\/.+\.html$/.test(r.href)))
			return `no event among the results for ${name}: ${JSON.stringify(results)}`;
		if (!/\d+ results?/.test(status)) return `status: ${status}`;
		// The link leads to the event page.
		await page.click("#search-results li a >> nth=0");
		await page.waitForLoadState();
		if (!/\/(events|entities|articles)\//.test(page.url())) return `followed to ${page.url()}`;
		// A ?q= link opens with its results.
		await page.goto(url("search.html") + "?q=" + encodeURIComponent(name));
		await page.waitForSelector("#search-results li");
	});

	await test("dark mode: prefers-color-scheme: dark gives a dark page", async () => {
		const lum = async (scheme) => {
			await page.emulateMedia({ colorScheme: scheme, media: "screen" });
			await page.goto(url("index.html"));
			return page.evaluate(() => {
				const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
				return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
			});
		};
		const dark = await lum("dark"), light = await lum("light");
		if (!(dark < 0.2 && light > 0.8)) return `background luminance dark ${dark}, light ${light}`;
		await page.emulateMedia({ colorScheme: "dark", media: "screen" });
		for (const p of ["index.html", eventPage]) {
			await page.goto(url(p));
			await page.screenshot({ path: join(shots, `${p === "index.html" ? "index" : "event"}-dark.png`) });
		}
	});

	// The page with the chart and the list of events: the home page, or on
	// a timeline split by period, the page that "jump to the latest event"
	// leads to.
	async function chartPage(p) {
		await p.goto(url("index.html"));
		const r = await p.evaluate(() => ({ chart: !!document.querySelector(".tl-chart"),
			jump: document.querySelector(".jump") && document.querySelector(".jump").getAttribute("href") }));
		return r.chart || !r.jump ? "index.html" : r.jump.replace(/#.*/, "");
	}

	await test("print: the timeline prints with its chart, without navigation", async () => {
		await page.emulateMedia({ colorScheme: "light", media: "print" });
		await page.goto(url(await chartPage(page)));
		const r = await page.evaluate(() => {
			const chart = document.querySelector(".tl-chart");
			const box = chart && chart.getBoundingClientRect();
			const shown = (sel) => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).display !== "none"; };
			return { chart: !!box && box.width > 300 && box.height > 50 && getComputedStyle(chart).display !== "none",
				nav: shown(".site-nav"), items: document.querySelectorAll(".timeline > li").length,
				list: shown(".timeline") };
		});
		if (!r.chart || r.nav || !r.list || r.items === 0) return JSON.stringify(r);
		const pdf = await page.pdf({ format: "A4", printBackground: true });
		if (pdf.length < 5000) return `PDF of ${pdf.length} bytes`;
	});

	await test("without JavaScript: the timeline, its chart and links work; search says why not", async () => {
		const p2 = await ctx.newPage();
		await p2.route("**/*.js", (route) => route.abort());
		const where = await chartPage(p2);
		await p2.goto(url(where));
		const idx = await p2.evaluate(() => ({
			items: document.querySelectorAll(".timeline > li").length,
			markers: document.querySelectorAll(".tl-chart a").length,
		}));
		if (idx.items === 0 || idx.markers !== idx.items) return `${where}: ${JSON.stringify(idx)}`;
		await p2.click(".tl-chart a >> nth=0", { force: true });
		await p2.waitForLoadState();
		if (!/\/events\//.test(p2.url())) return `chart marker led to ${p2.url()}`;
		await p2.goto(url("index.html"));
		const latest = await p2.evaluate(() => document.querySelector(".jump") && document.querySelector(".jump").getAttribute("href"));
		await p2.goto(new URL(latest, url("index.html")).href);
		const target = await p2.evaluate(() => !!document.querySelector(":target"));
		if (!target) return `"jump to latest" (${latest}) has no target`;
		await p2.close();
	});

	await test("the search page without JavaScript shows a note, not a dead form", async () => {
		const nprofile = mkdtempSync(join(tmpdir(), "annals-chromium-nojs-"));
		const nctx = await chromium.launchPersistentContext(nprofile, {
			executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, javaScriptEnabled: false,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync"],
		});
		try {
			const p = nctx.pages()[0] || await nctx.newPage();
			await p.goto(url("search.html"));
			const formVisible = await p.isVisible("#search-form");
			const note = await p.textContent("main");
			if (formVisible || !/needs JavaScript/.test(note)) return `form visible ${formVisible}; text: ${note.slice(0, 200)}`;
		} finally {
			await nctx.close();
			rmSync(nprofile, { recursive: true, force: true });
		}
	});

	await test("no script errors and no network requests", () => {
		if (consoleErrors.length) return consoleErrors.slice(0, 5).join("\n");
		if (external.length) return external.slice(0, 5).join("\n");
	});
} finally {
	await ctx.close();
	rmSync(profile, { recursive: true, force: true });
}

console.log(`screenshots in ${shots}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
