import type { TopologyNodeLike, TopologyView, TopologyViewItem } from '@switchboard/k8s-model';

/** Drawn sizes (px) of each item type; boxes (clusters, open namespaces) get theirs from the layout. */
export const ITEM_SIZE = {
  object: { width: 232, height: 58 },
  group: { width: 232, height: 58 },
  more: { width: 232, height: 44 },
  namespace: { width: 272, height: 84 },
} as const;

/** Room for the header of a box (cluster, open namespace). */
export const HEADER = { cluster: 48, namespace: 42 } as const;

/** x, y (relative to the parent box), width, height. */
export type Box = [number, number, number, number];
export type Positions = Record<string, Box>;

/** What the worker lays out: items as [id, parent index (-1: none), frame kind, width, height], edges as item index pairs. */
export const FRAME = { leaf: 0, namespace: 1, cluster: 2 } as const;
export type LayoutItem = [id: string, parent: number, frame: 0 | 1 | 2, width: number, height: number];
export interface LayoutRequest {
  id: number;
  items: LayoutItem[];
  edges: [number, number][];
}
export type LayoutAnswer = { id: number; positions: Positions; ms: number; engineRuns: number } | { id: number; error: string };

const isBox = (i: TopologyViewItem<TopologyNodeLike>) => i.type === 'cluster' || (i.type === 'namespace' && !i.collapsed);

function sizeOf(i: TopologyViewItem<TopologyNodeLike>): { width: number; height: number } {
  if (i.type === 'namespace') return ITEM_SIZE.namespace;
  if (i.type === 'group') return ITEM_SIZE.group;
  if (i.type === 'more') return ITEM_SIZE.more;
  return ITEM_SIZE.object;
}

/** The layout request of a view (items in reading order, parents first). */
export function layoutInput(view: TopologyView<TopologyNodeLike>): Omit<LayoutRequest, 'id'> {
  const index = new Map<string, number>();
  const items: LayoutItem[] = view.items.map((i, k) => {
    index.set(i.id, k);
    const { width, height } = sizeOf(i);
    const parent = i.parent !== null ? (index.get(i.parent) ?? -1) : -1;
    return [i.id, parent, i.type === 'cluster' ? FRAME.cluster : isBox(i) ? FRAME.namespace : FRAME.leaf, width, height];
  });
  const edges: [number, number][] = [];
  for (const e of view.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) edges.push([s, t]);
  }
  return { items, edges };
}

/** A short key for a view's shape (what the layout depends on): same key, same layout. */
export function layoutKey(view: TopologyView<TopologyNodeLike>): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 10;
    h = Math.imul(h, 0x01000193);
  };
  for (const i of view.items) add(`${i.type}|${i.id}|${i.parent ?? ''}|${i.type === 'namespace' && i.collapsed ? 1 : 0}`);
  for (const e of view.edges) add(e.id);
  return `${view.items.length}.${view.edges.length}.${(h >>> 0).toString(36)}`;
}

// ---------------------------------------------------------------------------------------
// The layout (runs in the worker)

/**
 * A layered layout (dagre) for each connected piece of a namespace (ingress → service →
 * pods, left to right), the pieces packed into rows inside their namespace box, namespaces
 * packed inside their cluster box, clusters side by side.
 *
 * Why not one layered run over the whole nested graph (namespaces as compound nodes): the
 * per-component pipeline costs 0.3–2 s for a namespace of 200 services on these machines,
 * while most pieces have the same shape (a service and its pod group). Here each distinct
 * shape is laid out once per session and reused, a straight chain needs no engine at all,
 * and the packing is a linear pass. dagre rather than ELK: ELK (1.5 MB, compiled from Java)
 * took 145 ms to load, 188 ms for its first piece and ~20 ms for each later one; dagre
 * (50 kB) 7 ms, 30 ms and ~1.5 ms — the whole layout of a 1,000-object namespace was ELK's
 * start-up.
 */
/** One connected piece, by index: each node's [width, height] and its edges (ordered by source). */
export interface PieceGraph {
  sizes: readonly [number, number][];
  links: readonly [number, number][];
}
/** A layered layout of one piece: top-left corners, and the piece's size. */
export interface LayeredEngine {
  layout(piece: PieceGraph): Shape;
}

export const BETWEEN_LAYERS = 72;
export const NODE_SPACING = 14;
const GAP = { piece: 24, namespace: 28, cluster: 44 } as const;
const PAD = { cluster: { top: HEADER.cluster + 8, side: 16 }, namespace: { top: HEADER.namespace + 10, side: 14 } } as const;
/** Boxes are packed into rows aiming at this width : height, the graph pane's at 1280 px. */
const ASPECT = 2;

export type Shape = { width: number; height: number; at: [number, number][] };

export class TopologyLayouter {
  private shapes = new Map<string, Shape>();
  private loaded: Promise<LayeredEngine> | null = null;
  engineRuns = 0;
  /** `loadEngine` is called once, when the first piece needs the engine (a straight chain does not). */
  constructor(private readonly loadEngine: () => Promise<LayeredEngine>) {}

  /** Loads the engine and runs one small piece through it, so its code is warm when the first real graph arrives. */
  async warmUp(): Promise<void> {
    const z: [number, number] = [ITEM_SIZE.object.width, ITEM_SIZE.object.height];
    (await this.engine()).layout({ sizes: [z, z, z, z], links: [[0, 1], [0, 2], [2, 3]] });
  }

  private engine(): Promise<LayeredEngine> {
    return (this.loaded ??= this.loadEngine());
  }

  async layout(req: Omit<LayoutRequest, 'id'>): Promise<Positions> {
    const { items, edges } = req;
    const children: number[][] = items.map(() => []);
    const roots: number[] = [];
    items.forEach((it, k) => (it[1] >= 0 ? children[it[1]]!.push(k) : roots.push(k)));
    const out: Positions = {};
    const size: [number, number][] = items.map((it) => [it[3], it[4]]);
    // Edges within one box shape its layout: successors (direction) and neighbours (pieces).
    const next = new Map<number, number[]>();
    const near = new Map<number, number[]>();
    const add = (m: Map<number, number[]>, a: number, b: number) => (m.get(a) ?? m.set(a, []).get(a)!).push(b);
    for (const [s, t] of edges) {
      if (s === t || items[s]![1] !== items[t]![1]) continue;
      add(next, s, t);
      add(near, s, t);
      add(near, t, s);
    }

    // Bottom-up: a box's size is known once its children are laid out.
    const layoutBox = async (k: number): Promise<void> => {
      const kind = items[k]![2];
      const kids = children[k]!;
      for (const c of kids) if (items[c]![2] !== FRAME.leaf) await layoutBox(c);
      const pad = kind === FRAME.cluster ? PAD.cluster : PAD.namespace;
      if (kids.length === 0) {
        size[k] = [ITEM_SIZE.namespace.width, HEADER.namespace + 28];
        return;
      }
      const pieces = kind === FRAME.namespace ? await this.pieces(kids, size, next, near) : kids.map((c) => ({ members: [c], at: [[0, 0]] as [number, number][], width: size[c]![0], height: size[c]![1] }));
      const placed = packRows(pieces, kind === FRAME.namespace ? GAP.piece : GAP.namespace);
      placed.forEach((p, i) => {
        const piece = pieces[i]!;
        piece.members.forEach((m, j) => {
          const [dx, dy] = piece.at[j]!;
          out[items[m]![0]] = [pad.side + p.x + dx, pad.top + p.y + dy, size[m]![0], size[m]![1]];
        });
      });
      const width = Math.max(...placed.map((p, i) => p.x + pieces[i]!.width), kind === FRAME.cluster ? 320 : ITEM_SIZE.namespace.width - 2 * pad.side);
      const height = Math.max(...placed.map((p, i) => p.y + pieces[i]!.height));
      size[k] = [width + 2 * pad.side, height + pad.top + pad.side];
    };
    for (const r of roots) if (items[r]![2] !== FRAME.leaf) await layoutBox(r);
    const top = roots.map((r) => ({ members: [r], at: [[0, 0]] as [number, number][], width: size[r]![0], height: size[r]![1] }));
    packRows(top, GAP.cluster).forEach((p, i) => {
      const r = top[i]!.members[0]!;
      out[items[r]![0]] = [p.x, p.y, size[r]![0], size[r]![1]];
    });
    return out;
  }

  /** The connected pieces of a namespace's objects, each laid out by the engine (once per distinct shape). */
  private async pieces(kids: number[], size: [number, number][], next: Map<number, number[]>, near: Map<number, number[]>) {
    const seen = new Set<number>();
    const pieces: { members: number[]; at: [number, number][]; width: number; height: number }[] = [];
    for (const start of kids) {
      if (seen.has(start)) continue;
      // Members in reading order (the order of the items), found by a walk over the edges.
      const found = new Set<number>([start]);
      const stack = [start];
      while (stack.length) {
        for (const n of near.get(stack.pop()!) ?? []) {
          if (found.has(n)) continue;
          found.add(n);
          stack.push(n);
        }
      }
      const members = [...found].sort((a, b) => a - b);
      for (const m of members) seen.add(m);
      if (members.length === 1) {
        pieces.push({ members, at: [[0, 0]], width: size[start]![0], height: size[start]![1] });
        continue;
      }
      const local = new Map(members.map((m, i) => [m, i]));
      const links: [number, number][] = [];
      for (const m of members) for (const t of next.get(m) ?? []) links.push([local.get(m)!, local.get(t)!]);
      links.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const signature = `${members.map((m) => `${size[m]![0]}x${size[m]![1]}`).join(',')}|${links.map(([a, b]) => `${a}>${b}`).join(',')}`;
      let shape = this.shapes.get(signature) ?? chainShape(members.map((m) => size[m]!), links);
      if (!shape) {
        this.engineRuns++;
        shape = (await this.engine()).layout({ sizes: members.map((m) => size[m]!), links });
        if (this.shapes.size > 4000) this.shapes.clear();
        this.shapes.set(signature, shape);
      }
      pieces.push({ members, at: shape.at, width: shape.width, height: shape.height });
    }
    return pieces;
  }
}

/**
 * A piece that is one straight chain (ingress → service → pod group: each node has at most
 * one edge in and one out) laid left to right, centred on a line — what a layered
 * algorithm answers for it — without waiting for the engine. Null for any other shape.
 */
export function chainShape(sizes: readonly [number, number][], links: readonly [number, number][]): Shape | null {
  const n = sizes.length;
  if (links.length !== n - 1) return null;
  const next = new Array<number>(n).fill(-1);
  const hasIn = new Array<boolean>(n).fill(false);
  for (const [a, b] of links) {
    if (next[a] !== -1 || hasIn[b]) return null;
    next[a] = b;
    hasIn[b] = true;
  }
  const start = hasIn.indexOf(false);
  const order: number[] = [];
  for (let k = start; k !== -1 && order.length <= n; k = next[k]!) order.push(k);
  if (order.length !== n) return null;
  const height = Math.max(...sizes.map((z) => z[1]));
  const at: [number, number][] = new Array(n);
  let x = 0;
  for (const k of order) {
    at[k] = [x, (height - sizes[k]![1]) / 2];
    x += sizes[k]![0] + BETWEEN_LAYERS;
  }
  return { width: x - BETWEEN_LAYERS, height, at };
}

/**
 * Boxes left to right in rows, in their order. The row width is chosen among a few candidates
 * so that the whole is as close as possible to `ASPECT` (a wide screen's shape): the largest
 * zoom at which it fits such a pane.
 */
export function packRows(boxes: readonly { width: number; height: number }[], gap: number): { x: number; y: number }[] {
  if (boxes.length === 0) return [];
  const widest = Math.max(...boxes.map((b) => b.width));
  const total = boxes.reduce((a, b) => a + b.width + gap, 0);
  let best: { x: number; y: number }[] = [];
  let bestScore = Infinity;
  for (let step = 0; step <= 16; step++) {
    const target = widest + ((total - widest) * step * step) / 256;
    const { at, width, height } = rows(boxes, gap, target);
    const score = Math.max(width / ASPECT, height);
    if (score < bestScore - 0.5) {
      bestScore = score;
      best = at;
    }
    if (width >= total - gap) break;
  }
  return best;
}

function rows(boxes: readonly { width: number; height: number }[], gap: number, target: number) {
  const at: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let row = 0;
  let width = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > target) {
      x = 0;
      y += row + gap;
      row = 0;
    }
    at.push({ x, y });
    x += b.width + gap;
    width = Math.max(width, x - gap);
    row = Math.max(row, b.height);
  }
  return { at, width, height: y + row };
}
