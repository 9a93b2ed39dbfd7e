// Builds Assets/rich-editor.js and .css from src/ with esbuild. The first line of the script records a
// SHA-256 over the sources, package.json, package-lock.json and this file; a test recomputes it (without
// Node) and fails when the committed bundle was not rebuilt after a change.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

export function sourceHash() {
  const files = ['build.mjs', 'package.json', 'package-lock.json', ...readdirSync('src').sort().map((f) => 'src/' + f)];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file + '\n');
    hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\n');
  }
  return hash.digest('hex');
}

const header = `/*! rich-editor sources-sha256=${sourceHash()} — bundled from src/ by build.sh; TipTap and ProseMirror are MIT-licensed (notices at the end) */\n`;
const result = await build({
  entryPoints: ['src/editor.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'eof',
  write: false,
  charset: 'utf8',
});
writeFileSync('Assets/rich-editor.js', header + result.outputFiles[0].text);
const css = await build({ entryPoints: ['src/editor.css'], bundle: true, minify: true, write: false, charset: 'utf8' });
writeFileSync('Assets/rich-editor.css', css.outputFiles[0].text);
console.log('rich-editor.js', Buffer.byteLength(header + result.outputFiles[0].text), 'bytes');
