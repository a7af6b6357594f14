/** What the queue needs to know of a job to place it. */
export interface QueuedJob {
  id: string;
  workspaceId: string;
  adAccountId: string;
}

export interface ExportQueueOptions<Job extends QueuedJob> {
  run(job: Job, signal: AbortSignal): Promise<void>;
  /** Exports running at once per workspace. */
  perWorkspace?: number;
  /** Exports running at once per ad account: Meta's quota is per ad account (reference §7). */
  perAdAccount?: number;
  onError?: (job: Job, error: unknown) => void;
}

/** Why a running job was stopped: the job marks `cancel` as cancelled, keeps `shutdown` resumable. */
export type StopReason = 'cancel' | 'shutdown';

/**
 * Runs export jobs with bounded concurrency per workspace and per ad account, first come
 * first served among the jobs that may start; the rest wait their turn.
 */
export class ExportQueue<Job extends QueuedJob> {
  private readonly waiting: Job[] = [];
  private readonly running = new Map<
    string,
    { job: Job; stop: AbortController; done: Promise<void> }
  >();
  private readonly options: Required<Omit<ExportQueueOptions<Job>, 'onError'>> &
    Pick<ExportQueueOptions<Job>, 'onError'>;
  private closed = false;

  constructor({ perWorkspace = 2, perAdAccount = 1, ...rest }: ExportQueueOptions<Job>) {
    this.options = { perWorkspace, perAdAccount, ...rest };
  }

  enqueue(job: Job): void {
    if (this.closed || this.has(job.id)) return;
    this.waiting.push(job);
    this.startWhatMay();
  }

  has(id: string): boolean {
    return this.running.has(id) || this.waiting.some((job) => job.id === id);
  }

  /** Takes a waiting job off the queue (true), or stops a running one. */
  stop(id: string, reason: StopReason): boolean {
    const index = this.waiting.findIndex((job) => job.id === id);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      return true;
    }
    this.running.get(id)?.stop.abort(reason);
    return false;
  }

  /** Stops every running job as `shutdown` (they resume at the next start) and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.splice(0);
    const running = [...this.running.values()];
    for (const { stop } of running) stop.abort('shutdown' satisfies StopReason);
    await Promise.allSettled(running.map(({ done }) => done));
  }

  private count(match: (job: Job) => boolean): number {
    let n = 0;
    for (const { job } of this.running.values()) if (match(job)) n++;
    return n;
  }

  private startWhatMay(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const job = this.waiting[i] as Job;
      const mayStart =
        this.count((other) => other.workspaceId === job.workspaceId) < this.options.perWorkspace &&
        this.count((other) => other.adAccountId === job.adAccountId) < this.options.perAdAccount;
      if (!mayStart) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      const stop = new AbortController();
      const done = this.options
        .run(job, stop.signal)
        .catch((error: unknown) => this.options.onError?.(job, error))
        .finally(() => {
          this.running.delete(job.id);
          if (!this.closed) this.startWhatMay();
        });
      this.running.set(job.id, { job, stop, done });
    }
  }
}
