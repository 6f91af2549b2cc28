import dagre from '@dagrejs/dagre';
import { BETWEEN_LAYERS, type LayeredEngine, NODE_SPACING, type PieceGraph, type Shape } from './layout-graph';

/** dagre's layered layout of one piece, left to right, as top-left corners from (0, 0). */
export const dagreEngine: LayeredEngine = {
  layout({ sizes, links }: PieceGraph): Shape {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: NODE_SPACING, ranksep: BETWEEN_LAYERS, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    sizes.forEach(([width, height], i) => g.setNode(String(i), { width, height }));
    // dagre orders a layer's nodes opposite to their edges' insertion order: added last to
    // first, the API's order (ingress, then each service with its pods) reads top to bottom.
    for (let i = links.length - 1; i >= 0; i--) g.setEdge(String(links[i]![0]), String(links[i]![1]));
    dagre.layout(g);
    const centres = sizes.map((_z, i) => g.node(String(i)));
    const left = Math.min(...centres.map((n, i) => n.x - sizes[i]![0] / 2));
    const top = Math.min(...centres.map((n, i) => n.y - sizes[i]![1] / 2));
    const at = centres.map((n, i): [number, number] => [n.x - sizes[i]![0] / 2 - left, n.y - sizes[i]![1] / 2 - top]);
    return {
      width: Math.max(...at.map(([x], i) => x + sizes[i]![0])),
      height: Math.max(...at.map(([, y], i) => y + sizes[i]![1])),
      at,
    };
  },
};
