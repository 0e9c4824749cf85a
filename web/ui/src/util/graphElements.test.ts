import { describe, expect, it } from 'vitest';
import type { GraphData } from '../api/types.js';
import { graphElements, metricGroupId } from './graphElements.js';

const node = (id: string, type: string, name = id) => ({ id, type, name, props: {} });
const edge = (from: string, to: string, type: string) => ({ id: `${from}-${type}-${to}`, from, to, type });

/** 鼓楼区 with 2 streets; 鼓楼区 has 3 metrics, one street 2, the other none. */
const data: GraphData = {
  nodes: [node('gl', 'region', '鼓楼区'), node('s1', 'region', '东街街道'), node('s2', 'region', '南街街道'), node('m1', 'metric'), node('m2', 'metric'), node('m3', 'metric'), node('m4', 'metric'), node('m5', 'metric'), node('p', 'mechanism', '邻里议事')],
  edges: [
    edge('s1', 'gl', 'LOCATED_IN'),
    edge('s2', 'gl', 'LOCATED_IN'),
    edge('gl', 'm1', 'HAS_METRIC'),
    edge('gl', 'm2', 'HAS_METRIC'),
    edge('gl', 'm3', 'HAS_METRIC'),
    edge('s1', 'm4', 'HAS_METRIC'),
    edge('s1', 'm5', 'HAS_METRIC'),
    edge('s1', 'p', 'ADOPTS'),
  ],
  truncated: false,
};

const ids = (els: ReturnType<typeof graphElements>, kind: 'node' | 'edge') => els.filter((e) => (kind === 'edge') === ('source' in e.data)).map((e) => e.data.id as string);

describe('graphElements', () => {
  it('collapses each owner’s metrics into one node, edges rewired to it', () => {
    const els = graphElements('gl', data);
    expect(ids(els, 'node').sort()).toEqual(['gl', 'p', 's1', 's2', metricGroupId('gl'), metricGroupId('s1')].sort());
    const group = els.find((e) => e.data.id === metricGroupId('gl'))!;
    expect(group.data.label).toBe('指标 ×3');
    const edges = els.filter((e) => 'source' in e.data);
    expect(edges.filter((e) => e.data.target === metricGroupId('gl'))).toHaveLength(1);
    expect(edges.filter((e) => e.data.target === metricGroupId('s1'))).toHaveLength(1);
  });

  it('expands one owner’s metrics and hides types switched off in the legend', () => {
    const els = graphElements('gl', data, { expanded: new Set(['gl']), hidden: new Set(['mechanism']) });
    const nodes = ids(els, 'node');
    expect(nodes).toEqual(expect.arrayContaining(['m1', 'm2', 'm3', metricGroupId('s1')]));
    expect(nodes).not.toContain('p');
    expect(nodes).not.toContain(metricGroupId('gl'));
    expect(els.every((e) => !('source' in e.data) || (nodes.includes(e.data.source as string) && nodes.includes(e.data.target as string)))).toBe(true);
  });

  it('labels edges only while there are few', () => {
    const small = graphElements('gl', data).filter((e) => 'source' in e.data);
    expect(small.every((e) => e.data.label)).toBe(true);
    const many: GraphData = { ...data, nodes: [...data.nodes, ...Array.from({ length: 20 }, (_, i) => node(`v${i}`, 'region'))], edges: [...data.edges, ...Array.from({ length: 20 }, (_, i) => edge(`v${i}`, 'gl', 'LOCATED_IN'))] };
    expect(graphElements('gl', many).filter((e) => 'source' in e.data).every((e) => e.data.label === '')).toBe(true);
  });
});
