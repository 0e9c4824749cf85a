export { segment, tokenize, USER_DICT_FILES } from './segmenter.js';
export type { Token } from './segmenter.js';
export { normalizeWidth, normalizeKey } from './normalizeText.js';
export { findProtectedSpans } from './protectedSpans.js';
