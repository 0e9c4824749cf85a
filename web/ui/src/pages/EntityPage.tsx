import { lazy, Suspense, useMemo } from 'react';
import { getJson } from '../api/client.js';
import type { EntityDetail } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { EntityOverview } from '../components/EntityOverview.js';
import { Link } from '../components/Link.js';
import { PropsBlock } from '../components/PropsBlock.js';
import { ReferenceList } from '../components/ReferenceList.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { TypeTag } from '../components/TypeTag.js';
import { entityPath, withQuery, type Route } from '../router.js';
import { CitationIndex } from '../util/citations.js';
import { KIND_LABEL } from '../util/labels.js';

/** cytoscape is large: load it only when the graph tab opens. */
const EntityGraph = lazy(() => import('../components/EntityGraph.js').then((m) => ({ default: m.EntityGraph })));

/** /entity/:id — overview (facts with citations) and graph tabs. */
export function EntityPage(props: { id: string; route: Route }) {
  const tab = props.route.query.get('tab') === 'graph' ? 'graph' : 'overview';
  const { data, error, loading } = useApi(`entity:${props.id}`, (signal) =>
    getJson<EntityDetail>(`/entities/${encodeURIComponent(props.id)}`, {}, signal),
  );
  const index = useMemo(() => {
    if (!data) return new CitationIndex();
    return new CitationIndex([
      ...(data.adoptersByRegion ?? []).flatMap((g) => g.organizations.map((o) => o.citations)),
      ...data.links.map((l) => l.evidence),
      ...(data.similar ?? []).map((s) => s.citations),
      data.mentions,
    ]);
  }, [data]);

  if (loading && !data) return <Loading />;
  if (error) return <ErrorBox error={error} prefix="无法打开实体：" />;
  if (!data) return null;
  const { entity, regionChain } = data;
  const compareable = entity.type === 'region' || entity.type === 'organization';

  return (
    <div className="page entity-page">
      <header className="entity-head">
        {regionChain.length > 0 && (
          <nav className="chain" aria-label="所属地区">
            {regionChain.map((r) => (
              <span key={r.id}>
                <Link to={entityPath(r.id)}>{r.name}</Link>
                <span className="sep"> › </span>
              </span>
            ))}
            <span>{entity.name}</span>
          </nav>
        )}
        <h1>
          {entity.name} <TypeTag type={entity.type} level={entity.level} />
        </h1>
        <PropsBlock props={entity.props} aliases={entity.aliases} kind={entity.kind ? (KIND_LABEL[entity.kind] ?? entity.kind) : undefined} />
        <div className="tabs" role="tablist">
          <Link to={entityPath(entity.id)} className={tab === 'overview' ? 'tab active' : 'tab'}>
            概况
          </Link>
          <Link to={entityPath(entity.id, 'graph')} className={tab === 'graph' ? 'tab active' : 'tab'}>
            关系图
          </Link>
          {compareable && (
            <Link to={withQuery('/compare', { ids: entity.id })} className="tab">
              加入对比 →
            </Link>
          )}
        </div>
      </header>
      {tab === 'graph' ? (
        <Suspense fallback={<Loading text="正在加载关系图…" />}>
          <EntityGraph id={entity.id} />
        </Suspense>
      ) : (
        <>
          <EntityOverview detail={data} index={index} />
          <ReferenceList index={index} />
        </>
      )}
    </div>
  );
}
