import { checkJsonSchema, JsonSchema } from './jsonSchemaSubset';

const schema: JsonSchema = {
  type: 'object',
  required: ['size'],
  additionalProperties: false,
  properties: {
    size: { type: 'integer', minimum: 1, maximum: 10 },
    ratio: { type: 'number' },
    tier: { type: 'string', enum: ['small', 'large'] },
    zones: { type: 'array', items: { type: 'string' } },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

describe('checkJsonSchema', () => {
  it('accepts a value that satisfies every supported keyword', () => {
    expect(
      checkJsonSchema(
        { size: 3, ratio: 1, tier: 'small', zones: ['a'], tags: { a: 'b' } },
        schema,
        'parameters',
      ),
    ).toEqual([]);
  });

  it.each([
    [{}, 'parameters.size is required'],
    [{ size: 2.5 }, 'parameters.size must be of type integer, not number'],
    [{ size: 0 }, 'parameters.size must be at least 1'],
    [{ size: 11 }, 'parameters.size must be at most 10'],
    [
      { size: 1, tier: 'medium' },
      'parameters.tier must be one of small, large',
    ],
    [
      { size: 1, zones: ['a', 2] },
      'parameters.zones[1] must be of type string, not integer',
    ],
    [{ size: 1, colour: 'red' }, 'parameters.colour is not a known parameter'],
    [
      { size: 1, tags: { a: 1 } },
      'parameters.tags.a must be of type string, not integer',
    ],
    [[], 'parameters must be of type object, not array'],
  ])('reports %j as "%s"', (value, problem) => {
    expect(checkJsonSchema(value, schema, 'parameters')).toEqual([problem]);
  });
});
