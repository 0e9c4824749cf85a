import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { getJson } from '../api/client.js';
import type { GraphData } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { entityPath, navigate } from '../router.js';
import { graphElements } from '../util/graphElements.js';
import { TYPE_COLOR, TYPE_LABEL } from '../util/labels.js';
import { ErrorBox, Loading } from './Status.js';

/** The neighbourhood as a cytoscape graph: nodes coloured by type, click a node to open it. */
export function EntityGraph(props: { id: string }) {
  const [depth, setDepth] = useState<1 | 2>(1);
  const { data, error, loading } = useApi(`graph:${props.id}:${depth}`, (signal) =>
    getJson<GraphData>(`/entities/${encodeURIComponent(props.id)}/graph`, { depth, limit: 150 }, signal),
  );
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!data || !container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: graphElements(props.id, data),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (ele: cytoscape.NodeSingular) => TYPE_COLOR[ele.data('type') as string] ?? '#888',
            label: 'data(label)',
            'font-size': 15,
            'font-family': '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif',
            color: '#222',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 26,
            height: 26,
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
          },
        },
        { selector: 'node[root = 1]', style: { width: 42, height: 42, 'border-width': 3, 'border-color': '#222', 'font-weight': 'bold', 'font-size': 18 } },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#b8c0cc',
            'target-arrow-color': '#b8c0cc',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 12,
            color: '#778',
            'text-rotation': 'autorotate',
          },
        },
      ],
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => node.data('ring') as number,
        levelWidth: () => 1,
        minNodeSpacing: 46,
        spacingFactor: 1.05,
        animate: false,
        padding: 24,
      },
      minZoom: 0.2,
      maxZoom: 3,
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
