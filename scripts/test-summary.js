// Totals jest's and Playwright's JSON reports (and whole-repo checks given as check:pass|fail) into one line,
// "N passed, N failed". A missing report counts as one failure, so a suite that never ran cannot look green.
const { existsSync, readFileSync } = require('node:fs');

function count(arg) {
  // "check:pass" / "check:fail": a whole-repo check (type-check, lint) counts as one test
  if (arg.startsWith('check:')) {
    return arg === 'check:pass'
      ? { passed: 1, failed: 0 }
      : { passed: 0, failed: 1 };
  }
  const file = arg;
  if (!existsSync(file)) {
    process.stdout.write(`test-summary: missing report ${file}\n`);
    return { passed: 0, failed: 1 };
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    // jest: a suite that failed to run has no test results but counts as a failure
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    };
  }
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  return { passed: expected + flaky, failed: unexpected };
}

const totals = process.argv.slice(2).map(count);
const passed = totals.reduce((sum, t) => sum + t.passed, 0);
const failed = totals.reduce((sum, t) => sum + t.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
