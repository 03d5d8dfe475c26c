/**
 * The guided walkthrough: a card at the foot of the screen that names one region at a time,
 * outlines it and scrolls it into view. Keyboard: the card takes focus; Back, Next and Close are
 * buttons; Escape ends it; arrow keys step. Not modal: the page stays usable behind it. A
 * first-time visitor is offered it once (remembered in localStorage).
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useExplain } from './explain-store';
import { TOUR_STEPS } from './tour-steps';
import './explain.css';

const HIGHLIGHT = 'tour-target';

export function Walkthrough() {
  const step = useExplain((s) => s.tourStep);
  if (step === null) return null;
  return <TourCard step={Math.min(step, TOUR_STEPS.length - 1)} />;
}

function TourCard({ step }: { step: number }) {
  const setStep = useExplain((s) => s.setTourStep);
  const card = useRef<HTMLDivElement>(null);
  const current = TOUR_STEPS[step];
  const last = step === TOUR_STEPS.length - 1;

  // Focus goes back to where it was when the tour ends (declared first: it must run before the card takes focus).
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => previous?.focus();
  }, []);

  // Outline the region and bring it into view; the card takes focus so the words are read.
  useEffect(() => {
    const target = document.querySelector<HTMLElement>(current.target);
    target?.classList.add(HIGHLIGHT);
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    card.current?.focus();
    return () => target?.classList.remove(HIGHLIGHT);
  }, [current]);

  const close = () => setStep(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowRight' && !last) {
      e.preventDefault();
      setStep(step + 1);
    } else if (e.key === 'ArrowLeft' && step > 0) {
      e.preventDefault();
      setStep(step - 1);
    }
  };

  return (
    <div
      ref={card}
      className="ex-tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby="ex-tour-title"
      aria-describedby="ex-tour-text"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <p className="ex-tour-count">
        Step {step + 1} of {TOUR_STEPS.length}
      </p>
      <h2 id="ex-tour-title">{current.title}</h2>
      <p id="ex-tour-text">{current.text}</p>
      <div className="ex-tour-buttons">
        <button type="button" className="ex-button" onClick={() => setStep(step - 1)} disabled={step === 0}>
          Back
        </button>
        {last ? (
          <button type="button" className="ex-button ex-primary" onClick={close}>
            Done
          </button>
        ) : (
          <button type="button" className="ex-button ex-primary" onClick={() => setStep(step + 1)}>
            Next
          </button>
        )}
        <button type="button" className="ex-button" onClick={close} aria-label="Close the walkthrough">
          Close
        </button>
      </div>
    </div>
  );
}

/** The one-time offer of the walkthrough to a first-time visitor. */
export function TourOffer() {
  const shown = useExplain((s) => s.offerShown);
  const start = useExplain((s) => s.startTour);
  const dismiss = useExplain((s) => s.dismissOffer);
  if (!shown) return null;
  return (
    <section className="ex-offer" aria-label="Walkthrough offer">
      <p>New here? A {TOUR_STEPS.length}-step walkthrough shows where everything is.</p>
      <button type="button" className="ex-button ex-primary" onClick={start}>
        Take the walkthrough
      </button>
      <button type="button" className="ex-button" onClick={dismiss}>
        No thanks
      </button>
    </section>
  );
}
