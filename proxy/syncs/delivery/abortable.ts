/**
 * `work`, or the signal's reason as soon as it aborts. The work itself goes on (a Graph call
 * cannot be taken back); its outcome is ignored, which is safe for a flush because only an
 * acknowledgement changes the queue.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
