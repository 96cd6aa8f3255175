/** Pushes "these entities / clusters changed" to browsers, batched. */
export interface SignalPublisher {
  changed(change: { entityRefs?: string[]; clusters?: string[] }): void;
  /** Publishes what is pending now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** The signals channel the frontend subscribes to. */
export const GITOPS_SIGNAL_CHANNEL = 'gitops:status';
