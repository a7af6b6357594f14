/**
 * The Graph emulator alone in its own process, for benchmarks that must not count its work:
 * `node test/bench/graph-emulator-process.ts` prints its URL on one line, then serves until
 * stdin closes. Audiences keep counts, not rows (`retainRows: false`): millions of rows.
 */
import { startGraphEmulator } from '../../sandbox/graph/start.ts';

const graph = await startGraphEmulator({ retainRows: false, host: '127.0.0.1' });
console.log(graph.url);
process.stdin.resume();
process.stdin.on('end', () => {
  void graph.close().then(() => process.exit(0));
});
