// End-to-end test of `cchc serve` in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; no browser is downloaded). Imports ../shared/seeds into a temporary store, starts
// the server on a free loopback port and drives the page like an analyst. Prints one line per check
// and a final line "N passed, N failed"; exit status 1 when a check failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const seeds = path.resolve(process.env.CCHC_SHARED || path.join(repo, "..", "shared"), "seeds");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const outDir = path.join(here, "out");

if (!fs.existsSync(seeds)) {
  console.log(`skipped: ${seeds} is absent (the seed plans live in ../shared beside the checkout)`);
  console.log("0 passed, 0 failed");
  process.exit(0);
}

let passed = 0, failed = 0;
// Watchdog: the whole run stays under three minutes even if the browser or server hangs.
setTimeout(() => {
  console.log("FAIL the run exceeded 170 s");
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, 170000).unref();
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split("\n")[0] : e}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

/** Reads one entry of a zip archive (enough of the format for .xlsx files). */
function unzipEntry(buf, name) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert(eocd >= 0, "not a zip file (no end of central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert(buf.readUInt32LE(p) === 0x02014b50, "bad central directory");
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entry = buf.toString("utf8", p + 46, p + 46 + nlen);
    names.push(entry);
    if (entry === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + nlen + xlen + clen;
  }
  throw new Error(`${name} not in the archive (has ${names.join(", ")})`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-e2e-"));
const db = path.join(tmp, "e2e.db");
fs.mkdirSync(outDir, { recursive: true });

// Build (./cchc rebuilds only when sources changed) and import the seeds.
const imp = spawnSync(path.join(repo, "cchc"), ["--db", db, "import", "-q", seeds], { cwd: repo, encoding: "utf8" });
if (imp.status !== 0) {
  console.log(imp.stdout, imp.stderr);
  console.log("FAIL import of the seeds");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const server = spawn(path.join(repo, "cchc"), ["--db", db, "serve", "--port", "0"], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
let serverErr = "";
server.stderr.on("data", d => { serverErr += d; });
const base = await new Promise((resolve, reject) => {
  let out = "";
  const timer = setTimeout(() => reject(new Error("server did not start in 90 s: " + serverErr)), 90000);
  server.stdout.on("data", d => {
    out += d;
    const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on("exit", code => reject(new Error(`server exited with ${code}: ${serverErr}`)));
});
console.log(`server at ${base}`);

const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
const pageErrors = [];
page.on("pageerror", e => pageErrors.push(e.message));
page.setDefaultTimeout(15000);

async function searchFor(text) {
  await page.fill("#q", text);
  const reply = page.waitForResponse(r => r.url().includes("/api/search"));
  await page.press("#q", "Enter");
  await reply;
}
async function total() {
  const t = await page.textContent("#total");
  return parseInt(t, 10);
}

try {
  await page.goto(base + "/");

  await check("page loads with Vietnamese interface", async () => {
    assert((await page.title()).includes("cải cách hành chính"), "title: " + (await page.title()));
    assert(await page.isVisible("#q"), "no search box");
  });

  let before = 0;
  await check("'khao sat su hai long' shows a group containing Đại Sơn", async () => {
    await searchFor("khao sat su hai long");
    await page.waitForSelector(".group");
    const groups = await page.$$eval(".group", gs => gs.map(g => g.innerText));
    assert(groups.some(g => g.includes("Đại Sơn")), "groups: " + groups.map(g => g.slice(0, 80)).join(" | "));
    before = await total();
    assert(before >= 2, "total " + before);
  });

  await page.screenshot({ path: path.join(outDir, "search.png"), fullPage: false });

  await check("clicking a facet narrows the result", async () => {
    const button = page.locator('.facet[data-name="commune"] button[data-value="Đại Sơn"]');
    const reply = page.waitForResponse(r => r.url().includes("/api/search") && r.url().includes("commune="));
    await button.click();
    await reply;
    await page.waitForSelector(".chip");
    const after = await total();
    assert(after > 0 && after < before, `total ${before} → ${after}`);
    const communes = await page.$$eval("td.commune", tds => tds.map(td => td.innerText.split("\n")[0]));
    assert(communes.length > 0 && communes.every(c => c === "Đại Sơn"), "communes: " + communes.join(", "));
  });

  await check("the .xlsx export opens and holds the rows", async () => {
    const expected = await total();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-xlsx")]);
    const file = path.join(tmp, "export.xlsx");
    await download.saveAs(file);
    const buf = fs.readFileSync(file);
    const sheet = unzipEntry(buf, "xl/worksheets/sheet1.xml");
    unzipEntry(buf, "xl/workbook.xml");
    const rows = (sheet.match(/<(x:)?row[ >]/g) || []).length;
    assert(rows === expected + 1, `sheet has ${rows} rows, expected header + ${expected}`);
    assert(sheet.includes("Đại Sơn"), "sheet lacks 'Đại Sơn'");
    assert(/khảo sát/i.test(sheet), "sheet lacks the task text");
    assert(/autoFilter/.test(sheet), "no autofilter");
  });

  await check("a task's source opens the document view with metadata, outline and the task", async () => {
    await page.click("a.src");
    await page.waitForSelector("#doc.open");
    const text = await page.innerText("#doc");
    assert(text.includes("Đề mục") && text.includes("Đại Sơn"), "document view: " + text.slice(0, 200));
    assert(await page.locator("#doc tr.focus").count() === 1, "the clicked task is not highlighted");
    await page.screenshot({ path: path.join(outDir, "document.png") });
    await page.click("#doc button.close");
  });

  for (const bad of ['"unbalanced', "OR OR", "*"]) {
    await check(`malformed query ${bad} shows a message`, async () => {
      await searchFor(bad);
      await page.waitForSelector("#message.error");
      const msg = await page.textContent("#message");
      assert(msg.startsWith("Truy vấn không hợp lệ:") && msg.length > 30, "message: " + msg);
      assert(await page.locator(".group").count() === 0, "results still shown");
    });
  }
  await page.screenshot({ path: path.join(outDir, "error.png") });

  await check("a typo gets a 'did you mean' suggestion", async () => {
    await searchFor("khao sat su hai lon");
    await page.waitForSelector("#suggestion");
    const s = await page.textContent("#suggestion");
    assert(s.includes("hài lòng"), "suggestion: " + s);
  });

  await check("no script errors on the page", async () => {
    assert(pageErrors.length === 0, pageErrors.join("; "));
  });
} finally {
  await browser.close();
  server.kill("SIGTERM");
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
