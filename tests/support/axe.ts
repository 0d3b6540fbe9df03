// axe-core in happy-dom. Colour contrast needs real layout and paint: the e2e run checks it in
// Chromium, in light and dark mode.
import axe from 'axe-core';

export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
