import { computeDeliveryMetrics } from './computeDeliveryMetrics';
import { deliveryMetricsCsv } from './deliveryMetricsCsv';

const metrics = (ref: string) =>
  computeDeliveryMetrics({
    subject: { kind: 'entity', ref },
    entityRefs: [ref],
    deployments: [],
    incidents: [],
    leadTimes: [],
    now: new Date('2026-12-07T12:00:00Z'),
    days: 30,
    bucket: 'week',
    failureWindowMs: 0,
  });

describe('deliveryMetricsCsv', () => {
  it('writes a header and one CRLF-ended row per bucket, empty cells for undefined numbers', () => {
    const lines = deliveryMetricsCsv(metrics('component:default/shop')).split(
      '\r\n',
    );
    expect(lines[0]).toBe(
      'subject,environment,bucketStart,deployments,failedDeployments,changeFailureRate,leadTimeSamples,leadTimeMedianSeconds,incidents,restoredIncidents,timeToRestoreMedianSeconds',
    );
    expect(lines[1]).toBe(
      'component:default/shop,,2026-11-08T00:00:00.000Z,0,0,,0,,0,0,',
    );
    expect(lines).toHaveLength(1 + 5 + 1);
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'a\nb', '"a\nb"'],
  ])('quotes a field with %s', (_case, ref, quoted) => {
    const csv = deliveryMetricsCsv(metrics(ref));
    expect(csv.split('\r\n')[1].startsWith(`${quoted},`)).toBe(true);
  });
});
