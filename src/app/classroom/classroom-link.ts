/** The full classroom link: this page, the settings (share-encoding.ts) and the classroom options. */
import type { SimulationConfig } from '../../engine/config/schema';
import { shareSearch } from '../share/share-encoding';
import { classroomSearch, type ClassroomSettings } from './classroom-url';

export function classroomUrl(
  config: SimulationConfig,
  settings: ClassroomSettings,
  location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>,
): string {
  const search = classroomSearch(settings, shareSearch(config, location.search));
  return `${location.origin}${location.pathname}${search}${location.hash}`;
}
