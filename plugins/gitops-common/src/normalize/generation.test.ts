import { k8s } from '../__fixtures__/objects';
import { generationLag, staleGenerationHealth } from './generation';

const obj = (generation: unknown, status: unknown) =>
  k8s('example.org/v1', 'Thing', { metadata: { generation }, status });

describe('generationLag', () => {
  it.each([
    [
      'status.observedGeneration behind',
      obj(3, { observedGeneration: 2 }),
      { generation: 3, observedGeneration: 2 },
    ],
    [
      'status.observedGeneration equal',
      obj(3, { observedGeneration: 3 }),
      undefined,
    ],
    [
      'status.observedGeneration ahead',
      obj(3, { observedGeneration: 4 }),
      undefined,
    ],
    [
      'oldest condition behind (Crossplane)',
      obj(3, {
        conditions: [
          { type: 'Ready', status: 'True', observedGeneration: 3 },
          { type: 'Synced', status: 'True', observedGeneration: 2 },
        ],
      }),
      { generation: 3, observedGeneration: 2 },
    ],
    [
      'conditions current',
      obj(3, {
        conditions: [{ type: 'Ready', status: 'True', observedGeneration: 3 }],
      }),
      undefined,
    ],
    [
      'status field preferred over conditions',
      obj(3, {
        observedGeneration: 3,
        conditions: [{ type: 'Ready', status: 'True', observedGeneration: 1 }],
      }),
      undefined,
    ],
    ['nothing observed', obj(3, {}), undefined],
    ['no generation', obj(undefined, { observedGeneration: 1 }), undefined],
    [
      'generation of the wrong type',
      obj('3', { observedGeneration: 1 }),
      undefined,
    ],
    [
      'observedGeneration of the wrong type',
      obj(3, { observedGeneration: '1' }),
      undefined,
    ],
  ])('%s', (_name, o, expected) => {
    expect(generationLag(o)).toEqual(expected);
  });
});

describe('staleGenerationHealth', () => {
  it('is Progressing with both generations in the message', () => {
    expect(staleGenerationHealth(obj(7, { observedGeneration: 6 }))).toEqual({
      status: 'Progressing',
      message:
        'Waiting for the controller to observe generation 7 (observed 6)',
    });
  });

  it('is undefined when current', () => {
    expect(
      staleGenerationHealth(obj(7, { observedGeneration: 7 })),
    ).toBeUndefined();
  });
});
