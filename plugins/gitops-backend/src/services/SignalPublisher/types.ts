/** Pushes "these entities / clusters changed" to browsers, batched. */
export interface SignalPublisher {
  changed(change: { entityRefs?: string[]; clusters?: string[] }): void;
  /**
   * Sends `token` back to `userEntityRef`'s browsers on the status channel with this publisher's last sequence
   * number: the browser learns that its subscription is live and whether it missed a broadcast.
   */
  echo(userEntityRef: string, token: string): Promise<void>;
  /** `<publisher>:<seq>`: this process's id and its last broadcast number (`GITOPS_SIGNAL_POSITION_HEADER`). */
  position(): string;
  /** Publishes what is pending now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}
