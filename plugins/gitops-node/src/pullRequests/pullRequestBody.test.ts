import { MAX_BODY_CHARS, pullRequestBody } from './pullRequestBody';

describe('pullRequestBody', () => {
  it('joins the caller text and the validation section', () => {
    expect(pullRequestBody(' Hello \n', '### Validation\n')).toBe(
      'Hello\n\n### Validation\n',
    );
  });

  it('uses the validation section alone when there is no caller text', () => {
    expect(pullRequestBody(undefined, '### Validation\n')).toBe(
      '### Validation\n',
    );
  });

  it('cuts an oversized validation section at a line break, with a note', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| row ${i} |`).join(
      '\n',
    );
    const body = pullRequestBody('Intro', `### Validation\n${rows}\n`);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(body).toMatch(/\| row \d+ \|\n\n\n_Validation details truncated/);
  });
});
