import { KubeConfig, Watch } from '@kubernetes/client-node';

export interface WatchEvent {
  type: string;
  object: any;
}

export interface RecordedWatch {
  events: WatchEvent[];
  /** Set when the stream ended: null for a clean end, the error otherwise. */
  ended: { error: unknown } | undefined;
  stop(): void;
}

/** Starts a client-node Watch and records everything it reports. */
export async function recordWatch(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | number | boolean> = {},
): Promise<RecordedWatch> {
  const recorded: RecordedWatch = {
    events: [],
    ended: undefined,
    stop: () => undefined,
  };
  const controller = await new Watch(kc).watch(
    path,
    query,
    (type, object) => recorded.events.push({ type, object }),
    error => {
      recorded.ended = { error };
    },
  );
  recorded.stop = () => controller.abort();
  return recorded;
}

/** `TYPE name` summaries, handy for comparing event sequences. */
export function summarize(events: WatchEvent[]): string[] {
  return events.map(e => `${e.type} ${e.object?.metadata?.name ?? ''}`.trim());
}
