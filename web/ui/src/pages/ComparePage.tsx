import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { getJson } from '../api/client.js';
import type { CompareTable, Entity, EntityDetail } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { CompareTableView } from '../components/CompareTableView.js';
import { EntityPicker } from '../components/EntityPicker.js';
import { ExportButtons } from '../components/ExportButtons.js';
import { ReferenceList } from '../components/ReferenceList.js';
import { Empty, ErrorBox, Loading } from '../components/Status.js';
import { TypeTag } from '../components/TypeTag.js';
import { navigate, withQuery, type Route } from '../router.js';
import { CitationIndex } from '../util/citations.js';

type Picked = Pick<Entity, 'id' | 'name' | 'type' | 'level'>;
const MAX = 4;

/** /compare?ids=a,b&topic= — 2–4 organizations or regions side by side. */
export function ComparePage(props: { route: Route }) {
  const ids = useMemo(() => (props.route.query.get('ids') ?? '').split(',').filter(Boolean).slice(0, MAX), [props.route.query]);
  const topic = props.route.query.get('topic') ?? '';
  const [picked, setPicked] = useState<Picked[]>([]);
  const [topicDraft, setTopicDraft] = useState(topic);
  useEffect(() => setTopicDraft(topic), [topic]);

  // Names for ids that arrive in the address.
  const known = useApi(ids.length ? `names:${ids.join(',')}` : null, (signal) =>
    Promise.all(ids.map((id) => getJson<EntityDetail>(`/entities/${encodeURIComponent(id)}`, {}, signal).then((d) => d.entity))),
  );
  useEffect(() => {
    if (known.data) setPicked(known.data.map(({ id, name, type, level }) => ({ id, name, type, level })));
  }, [known.data]);

  const key = ids.length >= 2 ? `compare:${ids.join(',')}:${topic}` : null;
  const result = useApi(key, (signal) => getJson<CompareTable>('/compare', { ids: ids.join(','), topic }, signal));
  const index = useMemo(
    () => new CitationIndex(result.data?.rows.flatMap((r) => r.cells.map((c) => c.citations)) ?? []),
    [result.data],
  );

  const go = (list: Picked[], nextTopic: string) =>
    navigate(withQuery('/compare', { ids: list.map((p) => p.id).join(','), topic: nextTopic.trim() }));
  const add = (entity: Entity) => {
    const next = [...picked, entity].slice(0, MAX);
    setPicked(next);
    go(next, topicDraft);
  };
  const remove = (id: string) => {
    const next = picked.filter((p) => p.id !== id);
    setPicked(next);
    go(next, topicDraft);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(picked, topicDraft);
  };
  const title = `${(result.data?.rows ?? []).map((r) => r.entity.name).join(' 与 ')} 对比${topic ? `（${topic}）` : ''}`;

  return (
    <div className="page compare-page">
      <h1>对比</h1>
      <form className="card compare-form" onSubmit={submit}>
        <div className="chips" aria-label="已选">
          {picked.map((p) => (
            <span key={p.id} className="chip">
              {p.name} <TypeTag type={p.type} level={p.level} />
              <button type="button" aria-label={`移除 ${p.name}`} onClick={() => remove(p.id)}>
                ×
              </button>
            </span>
          ))}
          {picked.length === 0 && <span className="muted">请选择 2–4 个组织或地区</span>}
        </div>
        <div className="compare-controls">
          <EntityPicker onPick={add} exclude={new Set(picked.map((p) => p.id))} disabled={picked.length >= MAX} />
          <input
            type="text"
            aria-label="主题"
            className="topic-input"
            placeholder="主题（可选），如 网格"
            value={topicDraft}
            onChange={(e) => setTopicDraft(e.target.value)}
          />
          <button type="submit" className="primary" disabled={picked.length < 2}>
            生成对比表
          </button>
        </div>
      </form>
      {known.error && <ErrorBox error={known.error} />}
      {ids.length < 2 && <Empty text="选择至少两个组织或地区后显示对比表。" />}
      {result.loading && <Loading text="正在生成对比表…" />}
      {result.error && <ErrorBox error={result.error} prefix="对比失败：" />}
      {result.data && !result.loading && (
        <section className="card" aria-label="对比表">
          <div className="card-head">
            <h2>对比表</h2>
            <ExportButtons formats={['csv', 'md', 'docx']} title={title} payload={() => ({ table: result.data ?? undefined })} />
          </div>
          <CompareTableView table={result.data} index={index} />
          <ReferenceList index={index} />
        </section>
      )}
    </div>
  );
}
