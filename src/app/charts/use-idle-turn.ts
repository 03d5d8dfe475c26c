/**
 * Turns handed out one per idle period, in the order asked: a chart mounts its plot, still
 * hidden, on its turn, while the page waits for Play. Mounting a recharts chart is close to a
 * 50 ms task of main-thread work that cannot be split (its first render, layout effects and the re-render they
 * trigger are one task); paid before a run, it no longer lands in the run, where the page keeps
 * every task under 50 ms. Filling a mounted chart with data later costs far less.
 */
import { useEffect, useState } from 'react';

/** requestIdleCallback where the browser has it (not Safari); a short timeout otherwise. */
function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
}

const queue: (() => void)[] = [];
let granting = false;

/** Grants the next turn when the page is idle: after the previous turn's render has run. */
function grantNext(): void {
  granting = queue.length > 0;
  if (!granting) return;
  whenIdle(() => {
    queue.shift()?.();
    grantNext();
  });
}

/**
 * False until this component's turn has come (then true for good). Components that unmount
 * before their turn give it up.
 */
export function useIdleTurn(): boolean {
  const [turn, setTurn] = useState(false);
  useEffect(() => {
    if (turn) return undefined;
    const grant = () => setTurn(true);
    queue.push(grant);
    if (!granting) grantNext();
    return () => {
      const at = queue.indexOf(grant);
      if (at >= 0) queue.splice(at, 1);
    };
  }, [turn]);
  return turn;
}
