// Finds the project's own folders whether running from TypeScript sources or from dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Spotlight project folder');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const srcDir = join(projectRoot, 'src');
export const publicDir = join(projectRoot, 'public');
export const nodeModulesDir = join(projectRoot, 'node_modules');
