/** Stories the trained model wrote, shown as plain text (React text nodes, never HTML). */
export function SampleList({ samples, steps }: { samples: string[]; steps: number | null }) {
  if (samples.length === 0) return null;
  return (
    <section aria-labelledby="samples-heading">
      <h2 id="samples-heading">What the trained model writes</h2>
      {steps !== null && (
        <p className="muted">
          After {steps} training steps. A longer run writes better stories: add <code>?steps=600</code> to the address.
        </p>
      )}
      <ol className="samples" data-testid="samples">
        {samples.map((s, i) => (
          <li key={i}>
            <blockquote>{s.length > 0 ? s : <em>(an empty story: the model ended it at once)</em>}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
