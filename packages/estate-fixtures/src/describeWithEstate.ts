/* eslint-disable jest/no-export, jest/valid-title, jest/valid-describe-callback, jest/expect-expect -- a describe
 * helper that test files call, not a test file itself */
import { estateDir, missingEstateReason } from './estates';

/**
 * `describe` for tests that read an estate. Without the estate on this machine the block's body is not run (it
 * reads the files); one skipped test stands for it, with the reason in the title, so the run reports it as
 * skipped (scripts/test.sh fails a CI run whose estates are missing before any test).
 */
export function describeWithEstate(
  estate: string,
  name: string,
  body: (dir: string) => void,
) {
  const dir = estateDir(estate);
  if (dir) {
    describe(name, () => body(dir));
    return;
  }
  // eslint-disable-next-line jest/no-disabled-tests -- on purpose: reported as skipped, with the reason in the title
  describe.skip(`${name} (skipped: ${missingEstateReason(estate)})`, () => {
    it('reads the estate', () => {});
  });
}
