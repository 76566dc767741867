// Following a run live: the server's event stream, with polling standing in whenever the stream
// fails or falls silent, so the page always converges on the run's real state.
import { api } from './carlo';
import type { Simulation } from './types';
import { isFinished, isStalled, newer } from '../state/progress';

export interface Follow {
  stop: () => void;
}

/**
 * Calls {@code onUpdate} with every newer report of the simulation until it is finished (the last
 * call then carries the final state), and {@code onProblem} when the server cannot be reached.
 */
export function followSimulation(initial: Simulation, onUpdate: (s: Simulation) => void, onProblem: (message: string | null) => void): Follow {
  let current = initial;
  let stopped = false;
  let source: EventSource | null = null;
  let lastNews = Date.now();
  let polling = false;

  const accept = (next: Simulation) => {
    const merged = newer(current, next);
    lastNews = Date.now();
    if (merged !== current) {
      current = merged;
      onUpdate(current);
    }
    if (isFinished(current.state)) stop();
  };

  const poll = async () => {
    if (polling || stopped) return;
    polling = true;
    try {
      accept(await api.simulation(current.id));
      onProblem(null);
    } catch (e) {
      onProblem((e as Error).message);
    } finally {
      polling = false;
    }
  };

  const open = () => {
    if (stopped) return;
    source = new EventSource(api.eventsUrl(current.id), { withCredentials: true });
    source.addEventListener('progress', (e) => {
      try {
        accept(JSON.parse((e as MessageEvent).data) as Simulation);
        onProblem(null);
      } catch {
        // a malformed event: the next one or a poll corrects it
      }
    });
    // the stream ends when the run does, or breaks: either way, ask the server where things stand
    source.onerror = () => {
      source?.close();
      source = null;
      void poll().then(() => {
        if (!stopped) setTimeout(open, 2000);
      });
    };
  };

  // a stream that stays silent (a proxy holding it, a lost connection not yet noticed) is replaced by polling
  const watchdog = setInterval(() => {
    if (isStalled(lastNews, Date.now())) void poll();
  }, 2000);

  function stop() {
    stopped = true;
    clearInterval(watchdog);
    source?.close();
    source = null;
  }

  if (isFinished(initial.state)) stop();
  else open();
  return { stop };
}
