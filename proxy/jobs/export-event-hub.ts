import type { ExportEvent } from '../../shared/export-events.ts';
import type { StoredExportEvent } from '../store/export-jobs.ts';

type Listener = (event: StoredExportEvent | 'closed') => void;

/**
 * Tells live listeners (SSE streams) about events as they are stored. Storing comes first,
 * so a stream that reads the stored events and then listens misses nothing; `close()` (relay
 * shutdown) tells every listener to end its stream.
 */
export class ExportEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  publish(jobId: string, id: number, event: ExportEvent): void {
    for (const listener of this.listeners.get(jobId) ?? []) listener({ id, event });
  }

  subscribe(jobId: string, listener: Listener): () => void {
    let set = this.listeners.get(jobId);
    if (!set) {
      set = new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(jobId);
    };
  }

  close(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener('closed');
    this.listeners.clear();
  }
}
