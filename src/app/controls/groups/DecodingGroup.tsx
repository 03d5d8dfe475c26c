import { SettingsGroup } from '../fields/SettingsGroup';

/** How each model samples the text it writes back: the knobs that cut or keep the tails. */
export function DecodingGroup() {
  return <SettingsGroup group="decoding" />;
}
