/**
 * Places, organizations and people of Chinese grassroots-governance reports. Pure rules over one
 * sentence (with optional jieba tokens); every word list is a data file under ./data.
 */
export { extractPlaces } from './extractPlaces.js';
export { extractOrganizations } from './extractOrganizations.js';
export { extractPeople } from './extractPeople.js';
export { articleContext, documentContext, type ArticleContextInput } from './articleContext.js';
export { ancestors, lookupPlace, placeKey, splitSuffix, type Place } from './gazetteer.js';
export { divisionIndex, divisionKey, type Division, type DivisionLoadStats } from './division/divisionIndex.js';
export { resolveDivisions } from './division/resolveDivisions.js';
export { surfaceForms } from './division/surfaceForms.js';
export { documentScope, enterDocumentScope, withDocumentScope, type DocumentScope } from './division/documentScope.js';
