// Shared by the Firefox suites (selenium-webdriver + geckodriver --allow-system-access).
import firefox from "selenium-webdriver/firefox.js";

/** Runs `fn` in the browser's chrome (privileged) context, then returns to the page. */
export async function inChromeContext(driver, fn) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await fn();
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

/** The extension's `_execute_action` shortcut (= the toolbar action, with the activeTab grant). */
export const pressShortcut = (driver, widget) =>
  inChromeContext(driver, () => driver.executeScript(`document.querySelector('#ext-keyset-id-${widget} > key').doCommand()`));

/** The system clipboard, every type, read from the chrome context (headless Firefox has its own). */
export const readClipboard = (driver) =>
  inChromeContext(driver, () =>
    driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      (async () => {
        const out = {};
        for (const item of await navigator.clipboard.read()) {
          for (const type of item.types) out[type] = await (await item.getType(type)).text();
        }
        return out;
      })().then(done, (e) => done({ error: String(e) }));`));
