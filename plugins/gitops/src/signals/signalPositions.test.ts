import {
  carrySignalPosition,
  recordSignalPosition,
  signalPositionOf,
} from './signalPositions';

const answer = (header: string | null) => {
  const body = {};
  recordSignalPosition(body, header);
  return body;
};

describe('signal positions', () => {
  it.each([
    ['a publisher and number', 'b1f0-4c:17', { publisher: 'b1f0-4c', seq: 17 }],
    ['number 0 (nothing broadcast yet)', 'b1:0', { publisher: 'b1', seq: 0 }],
    ['no header (another origin, an older backend)', null, undefined],
    ['no publisher', ':17', undefined],
    ['no number', 'b1:', undefined],
    ['a number that is none', 'b1:x7', undefined],
  ])('reads %s', (_case, header, position) => {
    expect(signalPositionOf(answer(header))).toEqual(position);
  });

  it.each([
    [
      'the least of one publisher',
      ['b1:4', 'b1:2', 'b1:9'],
      { publisher: 'b1', seq: 2 },
    ],
    ['nothing when publishers differ', ['b1:4', 'b2:9'], undefined],
    ['nothing when one answer has none', ['b1:4', null], undefined],
  ])('of several answers: %s', (_case, headers, position) => {
    expect(signalPositionOf(...headers.map(answer))).toEqual(position);
  });

  it('carries what its sources include to an answer built from them', () => {
    const merged = carrySignalPosition({}, [answer('b1:5'), answer('b1:3')]);
    expect(signalPositionOf(merged)).toEqual({ publisher: 'b1', seq: 3 });
  });

  it('says nothing of an answer it was not told of', () => {
    expect(signalPositionOf({}, undefined)).toBeUndefined();
  });
});
