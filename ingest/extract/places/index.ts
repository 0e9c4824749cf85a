/**
 * Places, organizations and people of Chinese grassroots-governance reports. Pure rules over one
 * sentence (with optional jieba tokens); every word list is a data file under ./data.
 */
export { extractPlaces } from './extractPlaces.js';
export { extractOrganizations } from './extractOrganizations.js';
export { extractPeople } from './extractPeople.js';
export { articleContext, documentContext, type ArticleContextInput } from './articleContext.js';
export { ancestors, lookupPlace, placeKey, type Place } from './gazetteer.js';
