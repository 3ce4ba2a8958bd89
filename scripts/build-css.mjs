// Compiles the Sass to public/stylesheets/application.css. Run by `npm start` and `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'stylesheets', 'application.css');
const result = sass.compile(join(root, 'src', 'styles', 'application.scss'), {
  loadPaths: [root, join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin'],
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.css);
process.stdout.write(
  `Built ${out.slice(root.length + 1)} (${Math.round(result.css.length / 1024)} KB)\n`,
);
