// Runs once before the e2e suite: builds the practice pages and checks the extension is built.
import { buildFixtures } from '../fixtures/build';
import { assertExtensionBuilt, defaultExtensionPath } from './extension';

export default async function globalSetup() {
  const extensionPath = defaultExtensionPath();
  if (extensionPath) assertExtensionBuilt(extensionPath);
  const { ms } = await buildFixtures();
  console.log(`practice pages built in ${ms} ms`);
}
