// Opens a notebook in JupyterLab 4 or the classic Notebook in Debian's Chromium, runs all its cells as a
// person would, and reports what the page showed as one JSON line on stdout; BrowserNotebookIT asserts on it.
//   node notebook-browser.mjs --ui lab|classic --base http://127.0.0.1:PORT --token T --notebook NAME.ipynb
//        --run-cell INDEX --complete PREFIX --screenshots DIR [--chromium /usr/bin/chromium]
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const ui = args.ui;
const runCell = Number(args['run-cell']);
const shots = args.screenshots;
mkdirSync(shots, { recursive: true });

// Each front end names its parts differently; everything else is shared.
const FRONT_ENDS = {
  lab: {
    url: `${args.base}/lab/tree/${args.notebook}?token=${args.token}`,
    ready: async (page) => {
      await page.waitForFunction(() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel, null, { timeout: 120_000 });
      await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle', null, { timeout: 120_000 });
    },
    // not awaited: the command's promise settles only once every cell has run
    runAll: (page) => page.evaluate(() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }),
    busy: (page) => page.evaluate(() => {
      const panel = window.jupyterapp.shell.currentWidget;
      const cells = panel.content.widgets.filter(c => c.model.type === 'code');
      return panel.sessionContext.session.kernel.status !== 'idle' || cells.some(c => c.promptNode?.textContent?.includes('*'));
    }),
    notebook: (page) => page.evaluate(() => window.jupyterapp.shell.currentWidget.context.model.toJSON()),
    cell: (page, i) => page.locator('.jp-NotebookPanel .jp-Notebook .jp-Cell').nth(i),
    output: '.jp-OutputArea-output',
    completer: '.jp-Completer-item',
    lastCellText: (page) => page.evaluate(() => window.jupyterapp.shell.currentWidget.content.widgets.at(-1).model.sharedModel.getSource()),
    typeInNewCell: async (page, text) => {
      await page.evaluate(async () => {
        const notebook = window.jupyterapp.shell.currentWidget.content;
        notebook.activeCellIndex = notebook.widgets.length - 1;
        await window.jupyterapp.commands.execute('notebook:insert-cell-below');
      });
      await page.locator('.jp-NotebookPanel .jp-Cell').last().locator('.cm-content').click();
      await page.keyboard.type(text);
    },
  },
  classic: {
    url: `${args.base}/notebooks/${args.notebook}?token=${args.token}`,
    ready: async (page) => {
      await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 120_000 });
      await page.waitForFunction(() => document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon'), null, { timeout: 120_000 });
    },
    runAll: (page) => page.evaluate(() => window.Jupyter.notebook.execute_all_cells()),
    busy: (page) => page.evaluate(() =>
      !document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')
      || window.Jupyter.notebook.get_cells().some(c => c.cell_type === 'code' && c.input_prompt_number === '*')),
    notebook: (page) => page.evaluate(() => window.Jupyter.notebook.toJSON()),
    cell: (page, i) => page.locator('#notebook-container .cell').nth(i),
    output: '.output_area',
    completer: '#complete select option',
    lastCellText: (page) => page.evaluate(() => window.Jupyter.notebook.get_cell(-1).get_text()),
    typeInNewCell: async (page, text) => {
      await page.evaluate(() => window.Jupyter.notebook.insert_cell_at_bottom('code'));
      await page.locator('#notebook-container .cell').last().locator('.CodeMirror').click();
      await page.keyboard.type(text);
    },
  },
};
const fe = FRONT_ENDS[ui];
if (!fe) throw new Error(`--ui must be lab or classic, not [${ui}]`);

const browser = await chromium.launch({ executablePath: args.chromium ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const report = { ui, pageErrors: [], liveStates: [], maxRunViews: 0, completions: [], completedText: '' };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', e => report.pageErrors.push(String(e)));
  await page.goto(fe.url);
  await fe.ready(page);
  await page.screenshot({ path: join(shots, `${ui}-opened.png`) });

  // While the cells run, watch the live run view of one cell: the text of its node-state table, and how many
  // run views the cell holds (an update in place keeps one; an appended display would add another).
  await fe.runAll(page);
  const started = Date.now();
  let shotWhileRunning = false;
  while (Date.now() - started < 300_000) {
    const cell = fe.cell(page, runCell);
    const views = await cell.locator('.flyte-run').count();
    report.maxRunViews = Math.max(report.maxRunViews, views);
    if (views > 0) {
      const text = await cell.locator('.flyte-run table').first().innerText().catch(() => '');
      if (text && report.liveStates.at(-1) !== text) report.liveStates.push(text);
      if (!shotWhileRunning && /running/.test(text)) {
        shotWhileRunning = true;
        await cell.scrollIntoViewIfNeeded();
        await cell.screenshot({ path: join(shots, `${ui}-run-in-progress.png`) });
      }
    }
    if (!(await fe.busy(page)) && Date.now() - started > 2000) break;
    await page.waitForTimeout(40);
  }
  report.secondsToRunAll = (Date.now() - started) / 1000;
  report.busyAtEnd = await fe.busy(page);

  report.taskCards = await page.locator(`${fe.output} .flyte-card`).count();
  report.dagSvgNodes = await page.locator(`${fe.output} svg g.node`).count();
  const dag = page.locator(`${fe.output} svg`).filter({ has: page.locator('g.node') }).first();
  if (await dag.count()) {
    await dag.scrollIntoViewIfNeeded();
    await dag.screenshot({ path: join(shots, `${ui}-dag.png`) });
  }
  const finished = fe.cell(page, runCell);
  await finished.scrollIntoViewIfNeeded();
  await finished.screenshot({ path: join(shots, `${ui}-run-finished.png`) });
  writeFileSync(join(shots, `${ui}-executed.ipynb`), JSON.stringify(await fe.notebook(page), null, 1));

  // Tab completion in a fresh cell, as a person types it.
  await fe.typeInNewCell(page, args.complete);
  await page.keyboard.press('Tab');
  // several matches open a list; a single one is inserted into the cell (the classic Notebook does that)
  for (const until = Date.now() + 30_000; Date.now() < until; await page.waitForTimeout(100)) {
    report.completions = await page.locator(fe.completer).allInnerTexts();
    report.completedText = await fe.lastCellText(page);
    if (report.completions.length || report.completedText !== args.complete) break;
  }
  await page.screenshot({ path: join(shots, `${ui}-completion.png`) });
  await page.screenshot({ path: join(shots, `${ui}-notebook.png`), fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
