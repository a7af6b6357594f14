/**
 * The Braze emulator alone in its own process, for benchmarks that must not count its work:
 * `node test/bench/braze-emulator-process.ts` prints its REST URL on one line, then serves
 * until stdin closes.
 */
import { startBrazeEmulator } from '../../sandbox/braze/start.ts';

const braze = await startBrazeEmulator({ exportDelayMs: 0, host: '127.0.0.1' });
console.log(braze.restUrl);
process.stdin.resume();
process.stdin.on('end', () => {
  void braze.close().then(() => process.exit(0));
});
