import { useEffect, useState } from 'preact/hooks';
import { type TrackedExports, trackedExportsItem } from '../../exports/tracked-exports-storage.ts';

/** Where the popup reads the exports the background follows, and hears of each change. */
export interface TrackedExportsSource {
  get(): Promise<TrackedExports>;
  /** Returns the function that stops watching. */
  watch(onChange: (jobs: TrackedExports) => void): () => void;
}

/** The exports the background saved, for the extension's pages (popup, upload page). */
export const storedTrackedExports: TrackedExportsSource = {
  get: () => trackedExportsItem.getValue(),
  watch: (onChange) => trackedExportsItem.watch((jobs) => onChange(jobs ?? {})),
};

/** The exports as the background last saved them: live while the popup is open. */
export function useTrackedExports(source: TrackedExportsSource): TrackedExports | null {
  const [jobs, setJobs] = useState<TrackedExports | null>(null);
  useEffect(() => {
    let shown = true;
    void source.get().then((value) => shown && setJobs(value));
    const stop = source.watch((value) => setJobs(value));
    return () => {
      shown = false;
      stop();
    };
  }, [source]);
  return jobs;
}
