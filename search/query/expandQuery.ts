import thesaurus from './thesaurus.json' with { type: 'json' };

const groups: string[][] = thesaurus.groups;

/** Query terms plus their thesaurus siblings; siblings weigh less than what the user typed. */
export function expandTerms(terms: string[], siblingWeight = 0.4): { terms: string[]; weights: Map<string, number> } {
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term, 1);
  for (const term of terms) {
    for (const group of groups) {
      if (!group.includes(term)) continue;
      for (const sibling of group) if (!weights.has(sibling)) weights.set(sibling, siblingWeight);
    }
  }
  return { terms: [...weights.keys()], weights };
}
