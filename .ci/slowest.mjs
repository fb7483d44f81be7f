// Prints the slowest test files of a run from Vitest's JSON report, so a CI log that shows only its
// tail still says where the time went.
import { readFileSync } from 'node:fs';

const [report = '.ci/last-run.json', count = '15'] = process.argv.slice(2);
let run;
try {
  run = JSON.parse(readFileSync(report, 'utf8'));
} catch (err) {
  console.log(`no test report at ${report}: ${err.message}`);
  process.exit(0);
}
const files = run.testResults
  .map((f) => ({ name: f.name.replace(`${process.cwd()}/`, ''), ms: f.endTime - f.startTime, status: f.status }))
  .sort((a, b) => b.ms - a.ms);
const total = files.reduce((sum, f) => sum + f.ms, 0);
console.log(`\n== slowest test files (of ${files.length}, ${(total / 1000).toFixed(0)} s summed over both workers)`);
for (const f of files.slice(0, Number(count))) {
  console.log(`${(f.ms / 1000).toFixed(1).padStart(7)} s  ${f.status.padEnd(6)} ${f.name}`);
}
