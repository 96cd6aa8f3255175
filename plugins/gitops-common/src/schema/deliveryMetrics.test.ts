import { deliveryMetricsQuerySchema } from './deliveryMetrics';

describe('deliveryMetricsQuerySchema', () => {
  it.each([
    [{}, { window: 30, format: 'json' }],
    [{ window: '90' }, { window: 90, format: 'json' }],
    [
      { window: '30', bucket: 'week', environment: 'prod', format: 'csv' },
      { window: 30, bucket: 'week', environment: 'prod', format: 'csv' },
    ],
  ])('reads %j', (query, expected) => {
    expect(deliveryMetricsQuerySchema.parse(query)).toEqual(expected);
  });

  it.each([
    ['window', { window: '7' }],
    ['bucket', { bucket: 'month' }],
    ['environment', { environment: 'Prod!' }],
    ['format', { format: 'xml' }],
  ])('refuses a bad %s', (field, query) => {
    const result = deliveryMetricsQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });
});
