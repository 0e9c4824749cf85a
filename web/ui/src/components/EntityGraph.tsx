import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { getJson } from '../api/client.js';
import type { GraphData } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { entityPath, navigate } from '../router.js';
import { RELATION_LABEL, TYPE_COLOR, TYPE_LABEL } from '../util/labels.js';
import { ErrorBox, Loading } from './Status.js';

function shortName(name: string): string {
  return name.length > 14 ? `${name.slice(0, 13)}…` : name;
}

/** The neighbourhood as a cytoscape graph: nodes coloured by type, click a node to open it. */
export function EntityGraph(props: { id: string }) {
  const [depth, setDepth] = useState<1 | 2>(1);
  const { data, error, loading } = useApi(`graph:${props.id}:${depth}`, (signal) =>
    getJson<GraphData>(`/entities/${encodeURIComponent(props.id)}/graph`, { depth, limit: 150 }, signal),
  );
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!data || !container.current) return;
    const ids = new Set(data.nodes.map((n) => n.id));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...data.nodes.map((n) => ({
          data: { id: n.id, label: shortName(n.name), full: n.name, type: n.type, root: n.id === props.id ? 1 : 0 },
        })),
        ...data.edges
          .filter((e) => ids.has(e.from) && ids.has(e.to))
          .map((e) => ({ data: { id: e.id, source: e.from, target: e.to, label: RELATION_LABEL[e.type] ?? e.type } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (ele: cytoscape.NodeSingular) => TYPE_COLOR[ele.data('type') as string] ?? '#888',
            label: 'data(label)',
            'font-size': 11,
            'font-family': '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif',
            color: '#222',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 22,
            height: 22,
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
          },
        },
        { selector: 'node[root = 1]', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#222', 'font-weight': 'bold', 'font-size': 13 } },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#b8c0cc',
            'target-arrow-color': '#b8c0cc',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 9,
            color: '#778',
            'text-rotation': 'autorotate',
          },
        },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id !== props.id) navigate(entityPath(id, 'graph'));
    });
    cy.on('mouseover', 'node', (event) => {
      if (container.current) container.current.title = event.target.data('full') as string;
    });
    return () => cy.destroy();
  }, [data, props.id]);

  const types = [...new Set((data?.nodes ?? []).map((n) => n.type))];
  return (
    <section className="card graph-card" aria-label="关系图">
      <div className="graph-toolbar">
        <span className="muted">邻域深度</span>
        {([1, 2] as const).map((d) => (
          <button key={d} type="button" className={depth === d ? 'toggle active' : 'toggle'} aria-pressed={depth === d} onClick={() => setDepth(d)}>
            {d} 跳
          </button>
        ))}
        <span className="legend">
          {types.map((t) => (
            <span key={t} className="legend-item">
              <i style={{ background: TYPE_COLOR[t] ?? '#888' }} />
              {TYPE_LABEL[t] ?? t}
            </span>
          ))}
        </span>
        {data && (
          <span className="muted">
            {data.nodes.length} 个节点 · {data.edges.length} 条关系{data.truncated ? '（已截断）' : ''}
          </span>
        )}
      </div>
      {loading && <Loading text="正在加载关系图…" />}
      {error && <ErrorBox error={error} />}
      <div ref={container} className="graph-canvas" data-testid="graph-canvas" />
      <p className="muted small">点击节点打开该实体；滚轮缩放，拖动平移。</p>
    </section>
  );
}
