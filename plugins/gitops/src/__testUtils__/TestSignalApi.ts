import type {
  SignalApi,
  SignalSubscriber,
} from '@backstage/plugin-signals-react';

/** The message type of SignalApi (`@backstage/types` JsonObject, not a direct dependency). */
type JsonObject = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/** A SignalApi the test pushes messages into, as the signals backend would. */
export class TestSignalApi implements SignalApi {
  private readonly listeners = new Map<
    string,
    Set<(message: JsonObject) => void>
  >();

  subscribe<TMessage extends JsonObject = JsonObject>(
    channel: string,
    onMessage: (message: TMessage) => void,
  ): SignalSubscriber {
    const listener = onMessage as (message: JsonObject) => void;
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return { unsubscribe: () => set.delete(listener) };
  }

  publish(channel: string, message: JsonObject): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      listener(message);
    }
  }
}
