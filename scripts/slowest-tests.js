// Prints the slowest test files of a jest JSON report (argv[2]; how many: argv[3], default ten) with their wall-clock
// times, so a file creeping towards the timeout shows up in every run of scripts/test.sh.
const { readFileSync } = require('node:fs');
const { relative } = require('node:path');

function slowest(report, count) {
  return report.testResults
    .map(file => ({
      file: relative(process.cwd(), file.name),
      seconds: (file.endTime - file.startTime) / 1000,
    }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count);
}

const [file, count = '10'] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
process.stdout.write(`slowest ${count} test files:\n`);
for (const { file: name, seconds } of slowest(report, Number(count))) {
  process.stdout.write(`${seconds.toFixed(1).padStart(8)} s  ${name}\n`);
}
