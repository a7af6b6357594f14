/**
 * Failures tests switch on through the control API. Each fault applies to the next `count`
 * requests or downloads, then clears itself.
 */
export interface Faults {
  /** The next REST or download requests answer this 5xx status. */
  failNext: { count: number; status: number } | null;
  /** The next downloads end cleanly after this many bytes: a truncated archive. */
  truncateArchive: { count: number; afterBytes: number } | null;
  /** The next downloads write every `every`-th user line as broken JSON. */
  malformedLines: { count: number; every: number } | null;
  /** The next downloads lose their connection after this many bytes. */
  dropConnection: { count: number; afterBytes: number } | null;
}

export function noFaults(): Faults {
  return { failNext: null, truncateArchive: null, malformedLines: null, dropConnection: null };
}

/** Takes one use of a fault, clearing it when used up. */
export function takeFault<K extends keyof Faults>(faults: Faults, name: K): Faults[K] {
  const fault = faults[name];
  if (fault && --fault.count <= 0) faults[name] = null;
  return fault;
}

/** What one download is subjected to, decided when it starts. */
export interface DownloadFaults {
  truncateAfterBytes?: number;
  dropAfterBytes?: number;
  malformedEvery?: number;
}

export function takeDownloadFaults(faults: Faults): DownloadFaults {
  return {
    truncateAfterBytes: takeFault(faults, 'truncateArchive')?.afterBytes,
    dropAfterBytes: takeFault(faults, 'dropConnection')?.afterBytes,
    malformedEvery: takeFault(faults, 'malformedLines')?.every,
  };
}
