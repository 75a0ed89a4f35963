// Loads the very module the page uses (build/wasm/site/ccredits.js, built for web,worker) under node by
// handing it the .wasm bytes, so the node tests exercise the shipped artifact.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.CCREDITS_SITE_DIR ?? path.join(repoRoot, 'build/wasm/site');

export async function loadSiteModule() {
  const { default: createCcredits } = await import(pathToFileURL(path.join(siteDir, 'ccredits.js')).href);
  const wasmBinary = await readFile(path.join(siteDir, 'ccredits.wasm'));
  return createCcredits({ wasmBinary });
}

// The usage importer's module (build/wasm/site/ccredits-import.js), which the page's import worker loads.
export async function loadImportModule() {
  const { default: create } = await import(pathToFileURL(path.join(siteDir, 'ccredits-import.js')).href);
  return create({ wasmBinary: await readFile(path.join(siteDir, 'ccredits-import.wasm')) });
}

// The page's façade (web/ccredits-client.js) as the site ships it, next to the module it imports.
export const importSiteClient = () => import(pathToFileURL(path.join(siteDir, 'ccredits-client.js')).href);

export async function loadCalculator() {
  const { loadCalculatorFrom } = await importSiteClient();
  return loadCalculatorFrom(await loadSiteModule());
}

export const readRepoFile = (relative) => readFile(path.join(repoRoot, relative), 'utf8');
