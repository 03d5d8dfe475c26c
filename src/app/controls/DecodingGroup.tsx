import { useAllHidden } from '../classroom/ControlLock';
import { NumberField } from './NumberField';

/** How each model samples the text it writes back: the knobs that cut or keep the tails. */
export function DecodingGroup() {
  const allHidden = useAllHidden(['temperature', 'topK', 'topP']);
  if (allHidden) return null;
  return (
    <fieldset className="cl-group">
      <legend>Decoding</legend>
      <NumberField
        field="decoding.temperature"
        control="temperature"
        label="Temperature"
        hint="Below 1 favours likely characters (less variety, faster collapse); 1 samples the model as learned."
        step={0.05}
      />
      <NumberField
        field="decoding.topK"
        control="topK"
        label="Top-k"
        hint="Sample only from the k likeliest characters; 0 = off."
        step={1}
      />
      <NumberField
        field="decoding.topP"
        control="topP"
        label="Top-p"
        hint="Sample from the likeliest characters making up this probability; 1 = off."
        step={0.05}
      />
    </fieldset>
  );
}
