import { mockServices } from '@backstage/backend-test-utils';
import { SignalPayload } from '@backstage/plugin-signals-node';
import { createSignalPublisher } from './createSignalPublisher';

describe('createSignalPublisher', () => {
  function publisherWithLog() {
    const published: SignalPayload[] = [];
    const publisher = createSignalPublisher({
      signals: {
        publish: async signal => void published.push(signal as SignalPayload),
      },
      logger: mockServices.logger.mock(),
      batchMs: 60_000, // flushed by hand: no timing in the assertions
    });
    return { publisher, published };
  }

  it('publishes a burst of changes as one message', async () => {
    const { publisher, published } = publisherWithLog();
    for (let i = 0; i < 100; i++) {
      publisher.changed({
        entityRefs: [`component:default/app-${i % 3}`],
        clusters: ['dev'],
      });
    }
    await publisher.flush();
    expect(published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'gitops:status',
        message: {
          entityRefs: [
            'component:default/app-0',
            'component:default/app-1',
            'component:default/app-2',
          ],
          clusters: ['dev'],
        },
      },
    ]);
    await publisher.stop();
  });

  it('publishes nothing when nothing changed', async () => {
    const { publisher, published } = publisherWithLog();
    await publisher.flush();
    expect(published).toEqual([]);
    await publisher.stop();
  });

  it('starts a new batch after a flush', async () => {
    const { publisher, published } = publisherWithLog();
    publisher.changed({ clusters: ['dev'] });
    await publisher.flush();
    publisher.changed({ clusters: ['prod'] });
    await publisher.stop();
    expect(published.map(p => p.message.clusters)).toEqual([['dev'], ['prod']]);
  });
});
