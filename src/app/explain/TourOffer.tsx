/** The one-time offer of the walkthrough to a first-time visitor (remembered in localStorage). */
import { useExplain } from './explain-store';

export function TourOffer() {
  const shown = useExplain((s) => s.offerShown);
  const start = useExplain((s) => s.startTour);
  const dismiss = useExplain((s) => s.dismissOffer);
  if (!shown) return null;
  return (
    <section className="ex-offer" aria-label="Walkthrough offer">
      <p>New here? A five-step walkthrough shows where everything is.</p>
      <button type="button" className="ex-button ex-primary" onClick={start}>
        Take the walkthrough
      </button>
      <button type="button" className="ex-button" onClick={dismiss}>
        No thanks
      </button>
    </section>
  );
}
