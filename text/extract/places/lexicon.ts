import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminLevel } from '../../../graph/model.js';
import type { Token } from '../../segment/index.js';

/** Data files (gazetteer, suffix tables, stop lists, role words) live in ./data; this module only loads them. */
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8')) as T;
}

function readList(name: string): string[] {
  return fs
    .readFileSync(path.join(DATA_DIR, name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length || a.localeCompare(b);

export interface SuffixEntry {
  suffix: string;
  level: AdminLevel;
  namedOnly?: boolean;
}
const suffixData = readJson<{
  suffixes: SuffixEntry[];
  committeeMarkers: string[];
  followers: string[];
  locativeVerbs: string[];
  toponymEndings: string;
}>('suffixes.json');
/** Longest first, so 自治州 wins over 州 and 社区 over 区. */
export const PLACE_SUFFIXES: SuffixEntry[] = [...suffixData.suffixes].sort((a, b) => byLengthDesc(a.suffix, b.suffix));
export const COMMITTEE_MARKERS: string[] = [...suffixData.committeeMarkers].sort(byLengthDesc);
/** Words that may follow a suffix-found place name (its bodies, residents, offices). */
export const PLACE_FOLLOWERS: string[] = [...suffixData.followers].sort(byLengthDesc);
export const LOCATIVE_VERBS: string[] = suffixData.locativeVerbs;
export const TOPONYM_ENDINGS = new Set([...suffixData.toponymEndings]);

export const STOP_PREFIXES: string[] = readJson<{ prefixes: string[] }>('stopPrefixes.json').prefixes;
export const GENERIC_PLACE_WORDS = new Set(readJson<{ words: string[] }>('genericPlaceWords.json').words);

export interface RoleData {
  bodies: string[];
  leaderTitles: string[];
  memberTitles: string[];
  reporterTitles: string[];
  residentTitles: string[];
  speechMarkers: string[];
  roleModifiers: string[];
  laterRoleVerbs: string[];
  honorifics: string[];
  levelWords: Record<string, AdminLevel>;
  bodyLevels: Record<string, AdminLevel>;
  titleLevels: Record<string, AdminLevel>;
  addressTerms: string[];
  afterNameWords: string[];
  notAfterName: string[];
  notNameEndings: string[];
  notNames: string[];
}
const roleData = readJson<RoleData>('roles.json');
export const ROLES: RoleData = {
  bodies: [...roleData.bodies].sort(byLengthDesc),
  leaderTitles: [...roleData.leaderTitles].sort(byLengthDesc),
  memberTitles: [...roleData.memberTitles].sort(byLengthDesc),
  reporterTitles: [...roleData.reporterTitles].sort(byLengthDesc),
  residentTitles: [...roleData.residentTitles].sort(byLengthDesc),
  speechMarkers: [...roleData.speechMarkers].sort(byLengthDesc),
  roleModifiers: [...roleData.roleModifiers].sort(byLengthDesc),
  laterRoleVerbs: [...roleData.laterRoleVerbs].sort(byLengthDesc),
  honorifics: [...roleData.honorifics].sort(byLengthDesc),
  levelWords: roleData.levelWords,
  bodyLevels: roleData.bodyLevels,
  titleLevels: roleData.titleLevels,
  addressTerms: [...roleData.addressTerms].sort(byLengthDesc),
  afterNameWords: [...roleData.afterNameWords].sort(byLengthDesc),
  notAfterName: [...roleData.notAfterName].sort(byLengthDesc),
  notNameEndings: roleData.notNameEndings,
  notNames: roleData.notNames,
};

const surnames = readList('surnames.txt');
export const SINGLE_SURNAMES = new Set(surnames.filter((s) => s.length === 1));
export const COMPOUND_SURNAMES = surnames.filter((s) => s.length > 1);

export interface KnownOrganization {
  name: string;
  kind: string;
  aliases?: string[];
}
export interface OrganizationSuffix {
  suffix: string;
  kind: string;
  legal?: boolean;
  /** Also named by a quote, a place prefix or a bare level word (“和事佬”调解队, 区综治中心). */
  social?: boolean;
}
interface OrganizationData {
  known: KnownOrganization[];
  suffixes: OrganizationSuffix[];
  genericHeads: string[];
  coalitions: { word: string; kind: string }[];
  partyCommittees: string[];
  governmentUnits: string[];
  boundaryWords: string[];
  listHeads: string[];
  genericListItems: string[];
}
const orgData = readJson<OrganizationData>('organizations.json');
export const KNOWN_ORGANIZATIONS = orgData.known;
export const ORGANIZATION_SUFFIXES = [...orgData.suffixes].sort((a, b) => byLengthDesc(a.suffix, b.suffix));
export const GENERIC_ORGANIZATION_NAMES = new Set(orgData.genericHeads);
export const COALITIONS = [...orgData.coalitions].sort((a, b) => byLengthDesc(a.word, b.word));
export const GOVERNMENT_UNITS = [...orgData.governmentUnits].sort(byLengthDesc);
export const ORGANIZATION_BOUNDARY_WORDS = new Set(orgData.boundaryWords);
export const PARTY_COMMITTEES = [...orgData.partyCommittees].sort(byLengthDesc);
export const ORGANIZATION_LIST_HEADS = [...orgData.listHeads].sort(byLengthDesc);
export const GENERIC_LIST_ITEMS = new Set(orgData.genericListItems);

export const LEVEL_RANK: Record<AdminLevel, number> = {
  province: 0,
  prefecture: 1,
  county: 2,
  township: 3,
  community: 4,
  grid: 5,
};

export const CJK = /^[\u3400-\u9fff]+$/;
/** Anonymised placeholders: `xx 街道`, `xx油田`, `xxx 余项` (only xx-like runs of x). */
export const ANON = /(?<![A-Za-z])[xX]{2,4}(?![A-Za-z])/g;
export const ANON_WORD = /(?<![A-Za-z])[xX]{2,4}(?![A-Za-z])/;

/** Every offset where a jieba token starts or ends (a name starts and ends on one of these). */
export function tokenBoundaries(tokens: Token[]): Set<number> {
  const bounds = new Set<number>([0]);
  for (const t of tokens) {
    bounds.add(t.start);
    bounds.add(t.end);
  }
  return bounds;
}
