// Screenshots from the e2e suites go to dist/screenshots/<browser>-<name>.png.
import fs from "node:fs";
import path from "node:path";
import { DIST } from "./common.mjs";

export const SHOTS = path.join(DIST, "screenshots");

export function saveScreenshot(browser, name, png) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${browser}-${name}.png`);
  fs.writeFileSync(file, png);
  return file;
}
