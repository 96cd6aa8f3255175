import type { GitopsSignal } from '@gitops-portal/plugin-gitops-common';
import { TestSignalApi } from '../__testUtils__/TestSignalApi';
import {
  ECHO_RETRY_MS,
  ECHO_TIMEOUT_MS,
  FALLBACK_POLL_MS,
  HEARTBEAT_MS,
  RECENT_MS,
  SignalHub,
  type SignalWatcher,
} from './signalHub';

const ORDERS = 'component:default/orders';
const BILLING = 'component:default/billing';
const CHANNEL = 'gitops:status';
const BACKEND = 'backend-1';

/** A hub over a pushable SignalApi; the test decides when (and whether) each echo asked for comes back. */
function hubWithEchoes(options: { echoFails?: boolean } = {}) {
  const signals = new TestSignalApi();
  const asked: string[] = [];
  const hub = new SignalHub(signals, async token => {
    asked.push(token);
    if (options.echoFails) throw new Error('503');
  });
  const broadcast = (refs: string[], seq: number, publisher = BACKEND) =>
    signals.publish(CHANNEL, {
      entityRefs: refs,
      clusters: [],
      publisher,
      seq,
    } satisfies GitopsSignal);
  /** The last echo asked for comes back, carrying `seq`. */
  const echoBack = (seq: number, publisher = BACKEND) =>
    signals.publish(CHANNEL, {
      entityRefs: [],
      clusters: [],
      publisher,
      seq,
      echo: asked[asked.length - 1],
    } satisfies GitopsSignal);
  const watch = (
    refs: string[],
    since = Date.now(),
    position?: { publisher: string; seq: number },
  ) => {
    const watcher: SignalWatcher & { notify: jest.Mock } = {
      refs: () => refs,
      since,
      notify: jest.fn(),
      position: () => position,
    };
    const stop = hub.watch(watcher);
    return { watcher, stop };
  };
  return { hub, signals, asked, broadcast, echoBack, watch };
}

/** A hub whose subscription an echo has proven, with `seq` broadcasts of BACKEND received. */
function provenHub(seq = 0) {
  const setup = hubWithEchoes();
  const first = setup.watch([]);
  setup.echoBack(seq);
  first.stop();
  return setup;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SignalHub', () => {
  it('tells a view that listened before the subscription was proven once the echo comes back (a change it may have missed)', () => {
    const { watch, echoBack, asked } = hubWithEchoes();
    const { watcher } = watch([ORDERS]);
    expect(asked).toHaveLength(1);
    expect(watcher.notify).not.toHaveBeenCalled();
    echoBack(0);
    expect(watcher.notify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['names the entity tells the view', [ORDERS], 1],
    ['names only other entities does not', [BILLING], 0],
    ['names it among others tells the view', [BILLING, ORDERS], 1],
  ])('a broadcast that %s', (_case, refs, calls) => {
    const { watch, broadcast } = provenHub(4);
    const { watcher } = watch([ORDERS]);
    broadcast(refs, 5);
    expect(watcher.notify).toHaveBeenCalledTimes(calls);
  });

  it.each([
    [
      'told: its entity changed after its data was requested',
      ORDERS,
      -1_000,
      1,
    ],
    [
      'not told: its entity changed before its data was requested',
      ORDERS,
      +1_000,
      0,
    ],
    ['not told: another entity changed after', BILLING, -1_000, 0],
  ])(
    'a view that starts listening after a broadcast is %s',
    (_case, changed, sinceOffset, calls) => {
      const { watch, broadcast } = provenHub(4);
      jest.advanceTimersByTime(5_000);
      const receivedAt = Date.now();
      broadcast([changed], 5);
      const { watcher } = watch([ORDERS], receivedAt + sinceOffset);
      expect(watcher.notify).toHaveBeenCalledTimes(calls);
    },
  );

  it('tells a view whose data was requested before the subscription was proven, when it starts listening', () => {
    const { watch, echoBack } = hubWithEchoes();
    const requestedAt = Date.now();
    jest.advanceTimersByTime(500);
    const first = watch([BILLING]);
    echoBack(0);
    first.stop();
    const { watcher } = watch([ORDERS], requestedAt);
    expect(watcher.notify).toHaveBeenCalledTimes(1);
  });

  it('tells a view whose data is older than the broadcasts it keeps', () => {
    const { watch } = provenHub(4);
    jest.advanceTimersByTime(RECENT_MS + 5_000);
    const { watcher } = watch([ORDERS], Date.now() - RECENT_MS - 1_000);
    expect(watcher.notify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the next number tells only the views of its entities', 5, [0, 1]],
    ['a number skipped (one was missed) tells every view', 6, [1, 1]],
  ])('a broadcast with %s', (_case, seq, [billingCalls, ordersCalls]) => {
    const { watch, broadcast } = provenHub(4);
    const billing = watch([BILLING]).watcher;
    const orders = watch([ORDERS]).watcher;
    broadcast([ORDERS], seq);
    expect([
      billing.notify.mock.calls.length,
      orders.notify.mock.calls.length,
    ]).toEqual([billingCalls, ordersCalls]);
  });

  it.each([
    ['the last number received tells no view', 4, 0],
    ['a number beyond it (a broadcast was missed) tells every view', 5, 1],
  ])('a heartbeat echo carrying %s', (_case, seq, calls) => {
    const { watch, echoBack, asked } = provenHub(4);
    const { watcher } = watch([ORDERS]);
    echoBack(4);
    jest.advanceTimersByTime(HEARTBEAT_MS);
    expect(asked).toHaveLength(3);
    echoBack(seq);
    expect(watcher.notify).toHaveBeenCalledTimes(calls);
  });

  it.each([
    ['its first broadcast tells only the views of its entities', 1, 0],
    [
      'a later broadcast (a restarted backend published before this page listened again) tells every view',
      3,
      1,
    ],
  ])('a publisher not heard from yet, with %s', (_case, seq, calls) => {
    const { watch, broadcast } = provenHub(4);
    const { watcher } = watch([BILLING]);
    broadcast([ORDERS], seq, 'backend-2');
    expect(watcher.notify).toHaveBeenCalledTimes(calls);
  });

  it('takes the subscription as broken when an echo is not back in time, and tells the views when one comes back', () => {
    const { watch, echoBack, broadcast, asked } = provenHub(4);
    const { watcher } = watch([BILLING]);
    echoBack(4);
    jest.advanceTimersByTime(HEARTBEAT_MS + ECHO_TIMEOUT_MS);
    // Broken: a view that starts listening now is not told of the old broadcast log (there is none it can trust).
    broadcast([ORDERS], 5);
    const late = watch([ORDERS], Date.now() - 1_000).watcher;
    expect(late.notify).not.toHaveBeenCalled();
    jest.advanceTimersByTime(ECHO_RETRY_MS[0]);
    expect(asked).toHaveLength(4);
    echoBack(5);
    expect(watcher.notify).toHaveBeenCalledTimes(1);
    expect(late.notify).toHaveBeenCalledTimes(1);
  });

  it('ignores the echo of another browser tab of the same user', () => {
    const { watch, signals } = hubWithEchoes();
    const { watcher } = watch([ORDERS]);
    signals.publish(CHANNEL, {
      entityRefs: [],
      clusters: [],
      publisher: BACKEND,
      seq: 9,
      echo: 'someone-elses-token',
    });
    expect(watcher.notify).not.toHaveBeenCalled();
  });

  it('tells a view of a ref it learnt from its answer that changed since its data was requested, once', () => {
    const { hub, watch, broadcast } = provenHub(4);
    const requestedAt = Date.now();
    const { watcher } = watch(['group:default/payments'], requestedAt);
    jest.advanceTimersByTime(100);
    broadcast([ORDERS], 5);
    hub.added(watcher, [BILLING]);
    expect(watcher.notify).not.toHaveBeenCalled();
    hub.added(watcher, [ORDERS]);
    expect(watcher.notify).toHaveBeenCalledTimes(1);
  });

  it('asks for an echo again, waiting longer each time, while the request fails', async () => {
    const { watch, asked } = hubWithEchoes({ echoFails: true });
    watch([ORDERS]);
    const askedAfter = async (ms: number) => {
      await jest.advanceTimersByTimeAsync(ms);
      return asked.length;
    };
    expect(await askedAfter(ECHO_RETRY_MS[0] - 1)).toBe(1);
    expect(await askedAfter(1)).toBe(2);
    expect(await askedAfter(ECHO_RETRY_MS[1] - 1)).toBe(2);
    expect(await askedAfter(1)).toBe(3);
  });

  it('stops asking for echoes when no view listens', () => {
    const { watch, echoBack, asked } = hubWithEchoes();
    const { stop } = watch([ORDERS]);
    echoBack(0);
    stop();
    jest.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(asked).toHaveLength(1);
  });

  describe('whether live updates reach the page', () => {
    it('is connecting until the first echo, then live', () => {
      const { hub, watch, echoBack } = hubWithEchoes();
      watch([ORDERS]);
      expect(hub.liveUpdates()).toEqual({ state: 'connecting' });
      echoBack(0);
      expect(hub.liveUpdates()).toEqual({ state: 'live' });
    });

    it('is broken since the last echo when a heartbeat echo is not back in time, and live again when one is', () => {
      const { hub, watch, echoBack } = hubWithEchoes();
      const seen: string[] = [];
      hub.onLiveUpdates(live => seen.push(live.state));
      watch([ORDERS]);
      echoBack(0);
      const provenAt = Date.now();
      jest.advanceTimersByTime(HEARTBEAT_MS + ECHO_TIMEOUT_MS);
      expect(hub.liveUpdates()).toEqual({ state: 'broken', since: provenAt });
      jest.advanceTimersByTime(ECHO_RETRY_MS[0]);
      echoBack(0);
      expect(seen).toEqual(['live', 'broken', 'live']);
    });

    it('is broken at once when the backend refuses the echo request', async () => {
      const { hub, watch } = hubWithEchoes({ echoFails: true });
      watch([ORDERS]);
      await jest.advanceTimersByTimeAsync(0);
      expect(hub.liveUpdates().state).toBe('broken');
    });

    it('tells every view to fetch again on a timer while broken, and stops once an echo is back', async () => {
      const { watch, echoBack } = hubWithEchoes();
      const { watcher } = watch([ORDERS]);
      await jest.advanceTimersByTimeAsync(ECHO_TIMEOUT_MS);
      await jest.advanceTimersByTimeAsync(FALLBACK_POLL_MS * 2);
      expect(watcher.notify).toHaveBeenCalledTimes(2);
      echoBack(0); // proven: one more, for what it may have missed
      await jest.advanceTimersByTimeAsync(FALLBACK_POLL_MS * 2);
      expect(watcher.notify).toHaveBeenCalledTimes(3);
    });
  });

  describe('sparing views whose data includes what the proving echo names', () => {
    it.each([
      ['includes the broadcast the echo names: not told', BACKEND, 7, 0],
      ['includes a later one: not told', BACKEND, 8, 0],
      ['is from before it: told', BACKEND, 6, 1],
      ['is from another publisher: told', 'backend-2', 9, 1],
    ])(
      'a view listening before the echo whose data %s',
      (_case, publisher, seq, calls) => {
        const { watch, echoBack } = hubWithEchoes();
        const { watcher } = watch([ORDERS], Date.now(), { publisher, seq });
        echoBack(7);
        expect(watcher.notify).toHaveBeenCalledTimes(calls);
      },
    );

    it('a view that starts listening after the echo, with data requested before it: told only when its data is from before the broadcast the echo named', () => {
      const { watch, echoBack } = hubWithEchoes();
      const requestedAt = Date.now();
      jest.advanceTimersByTime(500);
      watch([BILLING]);
      echoBack(7);
      const current = watch([ORDERS], requestedAt, {
        publisher: BACKEND,
        seq: 7,
      }).watcher;
      const behind = watch([ORDERS], requestedAt, {
        publisher: BACKEND,
        seq: 6,
      }).watcher;
      expect([
        current.notify.mock.calls.length,
        behind.notify.mock.calls.length,
      ]).toEqual([0, 1]);
    });

    it.each([
      ['from before the broadcast: told', 5, 1],
      ['including the broadcast: not told', 6, 0],
    ])(
      'a number skipped: a view of another entity whose data is %s',
      (_case, seq, calls) => {
        const { watch, broadcast } = provenHub(4);
        const { watcher } = watch([BILLING], Date.now(), {
          publisher: BACKEND,
          seq,
        });
        broadcast([ORDERS], 6);
        expect(watcher.notify).toHaveBeenCalledTimes(calls);
      },
    );
  });
});
