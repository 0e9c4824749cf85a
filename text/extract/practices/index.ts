/**
 * Practices and metrics: named governance practices (mechanisms), the numbers reports give, and
 * the organizations that adopt / report them. Rules are pure functions over one sentence; word
 * lists are the JSON files of this folder.
 */
export { extractMechanisms } from './extractMechanisms.js';
export { extractMetrics } from './extractMetrics.js';
export { extractParts, announcedCounts } from './extractParts.js';
export { attachFollowingParts } from './followingParts.js';
export { mechanismKey } from './mechanismKey.js';
export { mechanismsSimilar } from './similarity.js';
export { linkSentence, subjectFor } from './attachSubject.js';
export { parseNumber, parseChineseNumeral } from './parseNumber.js';
export { attachFollowingDefinitions, MAX_LEAD_LENGTH } from './followingDefinitions.js';
