import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  createSecretMask,
  MASK,
  maskError,
  maskingLogger,
  maskOutput,
} from './secretMask';

describe('createSecretMask', () => {
  const mask = createSecretMask({
    apiToken: 'tok-123',
    longer: 'tok-123-and-more',
    empty: '',
  });

  it.each([
    ['a value', 'token tok-123 here', `token ${MASK} here`],
    ['every occurrence', 'tok-123/tok-123', `${MASK}/${MASK}`],
    ['a value containing another whole', 'x tok-123-and-more', `x ${MASK}`],
    [
      'the base64 form',
      `data: ${Buffer.from('tok-123').toString('base64')}`,
      `data: ${MASK}`,
    ],
    ['nothing else', 'tok-12 and 123', 'tok-12 and 123'],
  ])('masks %s', (_case, text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it('leaves text alone without secrets', () => {
    expect(createSecretMask(undefined)('tok-123')).toBe('tok-123');
  });
});

describe('masking the ways out of an action', () => {
  const mask = createSecretMask({ apiToken: 'tok-123' });

  it('masks log messages, fields and child fields', () => {
    const logger = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const masked = maskingLogger(logger, mask);

    masked.info('sent tok-123', { header: 'Bearer tok-123', n: 1 });
    masked.child({ token: ['tok-123'] }).warn('again tok-123');

    expect(logger.info).toHaveBeenCalledWith(`sent ${MASK}`, {
      header: `Bearer ${MASK}`,
      n: 1,
    });
    expect(logger.child).toHaveBeenCalledWith({ token: [MASK] });
    expect(child.warn).toHaveBeenCalledWith(`again ${MASK}`, undefined);
  });

  it('masks an error, keeping its class', () => {
    const error = maskError(new InputError('bad value tok-123'), mask);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`bad value ${MASK}`);
    expect((error as Error).stack).not.toContain('tok-123');
  });

  it('masks outputs', () => {
    expect(maskOutput(['a/tok-123.yaml', 'b'], mask)).toEqual([
      `a/${MASK}.yaml`,
      'b',
    ]);
  });
});
