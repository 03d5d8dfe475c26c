import { useMemo } from 'react';
import { checkContradictions, userCorpusFacts, type ConfigIssue } from '../../engine/config/contradictions';
import { useAppStore } from '../store/app-store';

/**
 * The reasons the current settings do not fit together (or do not fit the user's text). The
 * user's text is measured once per text (a pass over up to 5,000,000 characters), not on every
 * settings change; its vocabulary only while top-k is on, the one setting that needs it.
 */
export function useConfigIssues(): ConfigIssue[] {
  const config = useAppStore((s) => s.config);
  const userCorpus = useAppStore((s) => s.userCorpus);
  const usesUserText = config.corpus.source === 'user';
  const needsVocabulary = config.decoding.topK > 0;
  const facts = useMemo(
    () =>
      usesUserText && userCorpus
        ? userCorpusFacts(userCorpus.documents, { vocabulary: needsVocabulary })
        : {},
    [usesUserText, userCorpus, needsVocabulary],
  );
  return useMemo(() => checkContradictions(config, facts).issues, [config, facts]);
}
