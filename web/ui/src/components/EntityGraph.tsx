import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getJson } from '../api/client.js';
import type { GraphData } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { entityPath, navigate } from '../router.js';
import { graphElements } from '../util/graphElements.js';
import { TYPE_COLOR, TYPE_LABEL } from '../util/labels.js';
import { ErrorBox, Loading } from './Status.js';

/** On-screen label size in pixels, whatever the zoom (cytoscape sizes text in graph units). */
const LABEL_PX = 13;
const ROOT_LABEL_PX = 15;
/** A fitted graph of a few nodes is not blown up past this zoom. */
const MAX_FIT_ZOOM = 1.3;
/** Zoomed out (a large neighbourhood) labels shrink to this size… */
const SMALL_LABEL_PX = 11;
const SMALL_ZOOM = 0.6;
/** …and below this zoom only the root and hovered nodes keep theirs (200 nodes would overlap). */
const LABEL_ZOOM = 0.3;

function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/**
 * The neighbourhood as a cytoscape graph: nodes coloured by type, labels kept at a readable size
 * by zoom, metrics folded into one node per owner (click to expand), the legend switches types
 * on and off; click a node to open it.
 */
export function EntityGraph(props: { id: string }) {
  const [depth, setDepth] = useState<1 | 2>(1);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const { data, error, loading } = useApi(`graph:${props.id}:${depth}`, (signal) =>
    getJson<GraphData>(`/entities/${encodeURIComponent(props.id)}/graph`, { depth, limit: 200 }, signal),
  );
  const container = useRef<HTMLDivElement>(null);
  const elements = useMemo(() => (data ? graphElements(props.id, data, { hidden, expanded }) : []), [data, props.id, hidden, expanded]);
  const shownNodes = elements.filter((e) => !('source' in e.data)).length;

  useEffect(() => {
    if (!data || !container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (ele: cytoscape.NodeSingular) => TYPE_COLOR[ele.data('type') as string] ?? '#888',
            label: 'data(label)',
            'font-size': LABEL_PX,
            'font-family': '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif',
            color: '#222',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 22,
            height: 22,
            'text-background-color': '#fff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        { selector: 'node[root = 1]', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#222', 'font-weight': 'bold' } },
        { selector: 'node[count]', style: { shape: 'round-rectangle', width: 30, height: 18, 'border-width': 1, 'border-color': '#6d45a0' } },
        { selector: 'node.quiet', style: { label: '' } },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#b8c0cc',
            'target-arrow-color': '#b8c0cc',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 11,
            color: '#667',
            // Horizontal edge labels: rotated text is hard to read in Chinese.
            'text-rotation': 'none',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
          },
        },
      ],
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => node.data('ring') as number,
        levelWidth: () => 1,
        minNodeSpacing: 40,
        spacingFactor: 1.05,
        animate: false,
        padding: 24,
      },
      minZoom: 0.15,
      maxZoom: 3,
    });
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    // Labels keep their on-screen size: font size (graph units) = pixels / zoom.
    const scaleLabels = () => {
      const zoom = cy.zoom();
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const px = n.data('root') === 1 ? ROOT_LABEL_PX : zoom < SMALL_ZOOM ? SMALL_LABEL_PX : LABEL_PX;
          n.style('font-size', px / zoom);
          n.toggleClass('quiet', zoom < LABEL_ZOOM && n.data('root') !== 1);
        });
        cy.edges().style('font-size', 11 / zoom);
      });
    };
    scaleLabels();
    cy.on('zoom', scaleLabels);
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const group = node.data('group') as string | undefined;
      if (group) setExpanded((s) => toggled(s, group));
      else if (node.id() !== props.id) navigate(entityPath(node.id(), 'graph'));
    });
    cy.on('mouseover', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      node.removeClass('quiet');
      if (container.current) container.current.title = node.data('full') as string;
    });
    return () => cy.destroy();
  }, [data, elements, props.id]);

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
        <span className="legend" role="group" aria-label="按类型显示">
          {types.map((t) => (
            <button
              key={t}
              type="button"
              className={hidden.has(t) ? 'legend-item off' : 'legend-item'}
              aria-pressed={!hidden.has(t)}
              title={hidden.has(t) ? `显示${TYPE_LABEL[t] ?? t}` : `隐藏${TYPE_LABEL[t] ?? t}`}
              onClick={() => setHidden((s) => toggled(s, t))}
            >
              <i style={{ background: TYPE_COLOR[t] ?? '#888' }} />
              {TYPE_LABEL[t] ?? t}
            </button>
          ))}
        </span>
        {data && (
          <span className="muted graph-count">
            显示 {shownNodes} / {data.nodes.length} 个节点{data.truncated ? '（已截断）' : ''}
          </span>
        )}
        {expanded.size > 0 && (
          <button type="button" className="toggle" onClick={() => setExpanded(new Set())}>
            收起指标
          </button>
        )}
      </div>
      {loading && <Loading text="正在加载关系图…" />}
      {error && <ErrorBox error={error} />}
      <div ref={container} className="graph-canvas" data-testid="graph-canvas" />
      <p className="muted small">点击节点打开该实体，点击“指标 ×N”展开指标；点击图例显示或隐藏一类节点；滚轮缩放，拖动平移。</p>
    </section>
  );
}
