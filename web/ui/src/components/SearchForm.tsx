import { useEffect, useState, type FormEvent } from 'react';
import { getJson } from '../api/client.js';
import type { DocumentSummary, Entity } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { FILTER_LEVELS, levelLabel } from '../util/labels.js';

export interface SearchParams {
  q: string;
  mode: string;
  region: string;
  level: string;
  doc: string;
}

const LEVEL_ORDER = ['province', 'prefecture', 'county', 'township', 'community', 'grid'];

function regionLabel(region: Entity): string {
  return region.level ? `${region.name}（${levelLabel(region.level)}）` : region.name;
}

/** The search box and its filters; submitting puts the search in the address. */
export function SearchForm(props: { initial: SearchParams; onSubmit: (params: SearchParams) => void }) {
  const [draft, setDraft] = useState<SearchParams>(props.initial);
  // On a phone the filters fold away (CSS shows the toggle only there); a filter in use keeps them open.
  const filtered = Boolean(props.initial.region || props.initial.level || props.initial.doc || props.initial.mode !== 'hybrid');
  const [showFilters, setShowFilters] = useState(filtered);
  useEffect(() => setDraft(props.initial), [props.initial]);

  const regions = useApi('regions', (signal) =>
    getJson<{ total: number; items: Entity[] }>('/entities', { type: 'region', limit: 200 }, signal),
  );
  const documents = useApi('documents', (signal) => getJson<DocumentSummary[]>('/documents', {}, signal));
  const sortedRegions = [...(regions.data?.items ?? [])]
    .filter((r) => !r.scopeDocId)
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level ?? '') - LEVEL_ORDER.indexOf(b.level ?? '') || a.name.localeCompare(b.name, 'zh-CN'));

  const set = (key: keyof SearchParams) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.q.trim()) props.onSubmit({ ...draft, q: draft.q.trim() });
  };

  return (
    <form className="search-form" onSubmit={submit} role="search">
      <div className="search-row">
        <input
          className="search-input"
          type="search"
          name="q"
          aria-label="问题"
          placeholder="哪些街道采用了1+3+X网格力量体系？"
          value={draft.q}
          maxLength={200}
          onChange={set('q')}
          autoFocus
        />
        <button type="submit" className="primary">
          检索
        </button>
      </div>
      <button
        type="button"
        className="filter-toggle"
        aria-expanded={showFilters}
        aria-controls="search-filters"
        onClick={() => setShowFilters((v) => !v)}
      >
        {showFilters ? '收起筛选' : filtered ? '筛选（已设置）' : '筛选'}
      </button>
      <div className={showFilters ? 'filters open' : 'filters'} id="search-filters">
        <label>
          地区
          <select name="region" value={draft.region} onChange={set('region')}>
            <option value="">全部地区</option>
            {sortedRegions.map((r) => (
              <option key={r.id} value={r.id}>
                {regionLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          组织层级
          <select name="level" value={draft.level} onChange={set('level')}>
            <option value="">全部层级</option>
            {FILTER_LEVELS.map((level) => (
              <option key={level} value={level}>
                {levelLabel(level)}
              </option>
            ))}
          </select>
        </label>
        <label>
          文档
          <select name="doc" value={draft.doc} onChange={set('doc')}>
            <option value="">全部文档</option>
            {(documents.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title || d.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          检索方式
          <select name="mode" value={draft.mode} onChange={set('mode')}>
            <option value="hybrid">混合检索</option>
            <option value="keyword">关键词</option>
            <option value="vector">语义向量</option>
          </select>
        </label>
      </div>
    </form>
  );
}
