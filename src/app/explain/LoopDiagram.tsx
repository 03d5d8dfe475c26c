/**
 * The loop in one picture: the corpus trains a model, the model writes text, and a share of that
 * text (the slider) goes back into the corpus the next model learns from. Plain inline SVG with a
 * title and a description, so it reads as one image with words to a screen reader.
 */
import { useId } from 'react';

const BOXES = [
  { x: 20, y: 30, label: 'Corpus', sub: 'real text + generated text' },
  { x: 250, y: 30, label: 'Train', sub: 'a fresh model' },
  { x: 250, y: 150, label: 'Model', sub: 'generation n' },
  { x: 20, y: 150, label: 'Sample', sub: 'text it writes' },
] as const;

export function LoopDiagram() {
  const id = useId();
  return (
    <svg className="ex-loop" viewBox="0 0 460 270" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>The collapse loop</title>
      <desc id={`${id}-d`}>
        The corpus trains a fresh model; the model writes sample text; a share of that text, set by the mix
        slider, is written back into the corpus; the next generation trains on the mixed corpus, and the loop
        repeats.
      </desc>
      <defs>
        <marker
          id={`${id}-arrow`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="ex-loop-arrowhead" />
        </marker>
      </defs>
      {BOXES.map((b) => (
        <g key={b.label}>
          <rect x={b.x} y={b.y} width={190} height={70} rx={10} className="ex-loop-box" />
          <text x={b.x + 95} y={b.y + 30} className="ex-loop-label">
            {b.label}
          </text>
          <text x={b.x + 95} y={b.y + 52} className="ex-loop-sub">
            {b.sub}
          </text>
        </g>
      ))}
      <path d="M210,65 L248,65" className="ex-loop-edge" markerEnd={`url(#${id}-arrow)`} />
      <path d="M345,100 L345,148" className="ex-loop-edge" markerEnd={`url(#${id}-arrow)`} />
      <path d="M250,185 L212,185" className="ex-loop-edge" markerEnd={`url(#${id}-arrow)`} />
      <path d="M115,150 L115,102" className="ex-loop-edge" markerEnd={`url(#${id}-arrow)`} />
      {/* The mix slider: how much of the sample goes back. */}
      <rect x={30} y={238} width={170} height={6} rx={3} className="ex-loop-track" />
      <circle cx={70} cy={241} r={9} className="ex-loop-knob" />
      <text x={210} y={246} className="ex-loop-note">
        mix slider: how much goes back
      </text>
    </svg>
  );
}
