// shots.js takes screenshots of EPUB pages in headless Chromium, laid out
// the way paginated reading systems lay them out (Readium CSS: the
// document cut into columns one viewport wide), at e-reader sizes.
//
//   node tools/readers/shots.js DIR OUT WxH FILE[#SELECTOR] NAME ...
//
// DIR is an unzipped EPUB, OUT the directory for NAME-WxH.png. With
// #SELECTOR the page that holds the first match is shot (#:portrait: the
// first figure whose image is taller than wide), else the first page. Vertical-rl documents are not cut into columns (reading systems
// scroll them or page them along the lines); their first screen is shot.
// Puppeteer is the one DAISY Ace brings (npm root -g); the browser is
// Debian's chromium.
const path = require('path');
const fs = require('fs');
const { execSync } = require('child_process');
const root = execSync('npm root -g').toString().trim();
const puppeteer = require(path.join(root, '@daisy/ace-cli/node_modules/puppeteer'));

const [dir, out, size, ...jobs] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);

// paginate cuts the document into pages of the viewport's size and
// returns the page that holds sel (0 without one).
function paginate(sel) {
  const html = document.documentElement;
  const vertical = getComputedStyle(html).writingMode.startsWith('vertical');
  if (!vertical) {
    Object.assign(html.style, {
      height: innerHeight + 'px', columnWidth: innerWidth + 'px', columnGap: '0px',
      columnFill: 'auto', overflow: 'hidden', margin: '0', padding: '0',
    });
    Object.assign(document.body.style, { padding: '0 1em', boxSizing: 'border-box' });
  }
  if (!sel) return 0;
  const el = sel === ':portrait'
    ? [...document.querySelectorAll('figure')].find((f) => {
      const img = f.querySelector('img');
      return img && img.naturalHeight > img.naturalWidth;
    })
    : document.querySelector(sel);
  if (!el) throw new Error('no ' + sel);
  if (vertical) { el.scrollIntoView({ inline: 'start', block: 'start' }); return -1; }
  const page = Math.floor((el.getBoundingClientRect().left + html.scrollLeft) / innerWidth);
  html.scrollLeft = page * innerWidth;
  return page;
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--allow-file-access-from-files'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  fs.mkdirSync(out, { recursive: true });
  for (let i = 0; i + 1 < jobs.length; i += 2) {
    const [file, sel] = jobs[i].split('#');
    const name = jobs[i + 1];
    await page.goto('file://' + path.resolve(dir, file), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const n = await page.evaluate(paginate, sel ? decodeURIComponent(sel) : '');
    const png = path.join(out, `${name}-${width}x${height}.png`);
    await page.screenshot({ path: png });
    console.log(`${png}: ${file}${sel ? ' ' + sel : ''}, page ${n + 1}`);
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
