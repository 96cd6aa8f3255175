// Totals jest's and Playwright's JSON reports (and whole-repo checks given as check:pass|fail) into one line,
// "N passed, N failed, N skipped", after naming each skipped jest suite (its title carries the reason, e.g. the
// PostgreSQL-only suites without a connection string). A missing report counts as one failure, so a suite that never
// ran cannot look green.
const { existsSync, readFileSync } = require('node:fs');

const none = { passed: 0, failed: 0, skipped: 0, skippedSuites: [] };

/**
 * The distinct titles of jest's skipped suites, one line each: the block whose title gives the reason ("(skipped:
 * ...)", which may be nested in a describe of its own), else the outermost one.
 */
function skippedSuites(report) {
  const titles = report.testResults.flatMap(file =>
    file.assertionResults
      .filter(test => test.status === 'pending' || test.status === 'todo')
      .map(
        test =>
          test.ancestorTitles.find(title => title.includes('(skipped:')) ??
          test.ancestorTitles[0] ??
          test.title,
      ),
  );
  return [...new Set(titles)];
}

function count(arg) {
  // "check:pass" / "check:fail": a whole-repo check (type-check, lint) counts as one test
  if (arg.startsWith('check:')) {
    return arg === 'check:pass'
      ? { ...none, passed: 1 }
      : { ...none, failed: 1 };
  }
  const file = arg;
  if (!existsSync(file)) {
    process.stdout.write(`test-summary: missing report ${file}\n`);
    return { ...none, failed: 1 };
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    // jest: a suite that failed to run has no test results but counts as a failure
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
      skipped: report.numPendingTests + report.numTodoTests,
      skippedSuites: skippedSuites(report),
    };
  }
  const {
    expected = 0,
    unexpected = 0,
    flaky = 0,
    skipped = 0,
  } = report.stats ?? {};
  return {
    ...none,
    passed: expected + flaky,
    failed: unexpected,
    skipped,
  };
}

const totals = process.argv.slice(2).map(count);
const sum = key => totals.reduce((total, t) => total + t[key], 0);
for (const suite of totals.flatMap(t => t.skippedSuites)) {
  process.stdout.write(`skipped: ${suite}\n`);
}
process.stdout.write(
  `${sum('passed')} passed, ${sum('failed')} failed, ${sum(
    'skipped',
  )} skipped\n`,
);
