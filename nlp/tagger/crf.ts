// Linear-chain CRF learning for the tagger: the same weights, transitions and start scores the
// perceptron learns (and decode.ts reads), fitted by conditional log-likelihood with L2, AdaGrad.
// Forbidden BIO transitions (decode.ts ALLOWED) are masked out of the partition function too, so
// the model normalises over exactly the sequences Viterbi can return.

import { ALLOWED } from './decode';
import { NT } from './model';

/** Feature ids of one sentence: token t has ids[offs[t] .. offs[t + 1]). */
export interface SparseSentence {
  ids: Int32Array;
  offs: Int32Array;
}

/** Parameters, unquantised: one row of NT per feature id, NT×NT transitions (prev → next), NT start scores. */
export interface CrfParams {
  w: Float64Array;
  trans: Float64Array;
  start: Float64Array;
}

/** Scratch buffers of forward–backward, grown on demand. */
class Lattice {
  emit = new Float64Array(0);
  psi = new Float64Array(0);
  alpha = new Float64Array(0);
  beta = new Float64Array(0);
  scale = new Float64Array(0);
  /** Node marginals p(y_t = y), n × NT. */
  node = new Float64Array(0);
  /** Expected transition counts, NT × NT, and start counts, NT. */
  edge = new Float64Array(NT * NT);
  first = new Float64Array(NT);
  readonly m = new Float64Array(NT * NT);
  readonly s0 = new Float64Array(NT);

  ensure(n: number): void {
    if (this.emit.length >= n * NT) return;
    const size = Math.max(n, 64) * NT * 2;
    this.emit = new Float64Array(size);
    this.psi = new Float64Array(size);
    this.alpha = new Float64Array(size);
    this.beta = new Float64Array(size);
    this.node = new Float64Array(size);
    this.scale = new Float64Array(size / NT);
  }

  /**
   * Scaled forward–backward over emit[0 .. n·NT) (already filled): fills node, edge and first with
   * marginals and expected counts, returns log Z. Scaling per position keeps it finite at any length.
   */
  run(n: number, trans: Float64Array, start: Float64Array): number {
    const { emit, psi, alpha, beta, scale, node, edge, first, m, s0 } = this;
    for (let i = 0; i < NT * NT; i++) m[i] = ALLOWED[i] ? Math.exp(trans[i]!) : 0;
    for (let y = 0; y < NT; y++) s0[y] = ALLOWED[NT * NT + y] ? Math.exp(start[y]!) : 0;
    let logZ = 0;
    for (let t = 0; t < n; t++) {
      const e = t * NT;
      let mx = emit[e]!;
      for (let y = 1; y < NT; y++) mx = Math.max(mx, emit[e + y]!);
      for (let y = 0; y < NT; y++) psi[e + y] = Math.exp(emit[e + y]! - mx);
      let c = 0;
      for (let y = 0; y < NT; y++) {
        let s: number;
        if (t === 0) s = s0[y]!;
        else {
          s = 0;
          const p = e - NT;
          for (let a = 0; a < NT; a++) s += alpha[p + a]! * m[a * NT + y]!;
        }
        s *= psi[e + y]!;
        alpha[e + y] = s;
        c += s;
      }
      for (let y = 0; y < NT; y++) alpha[e + y]! /= c;
      scale[t] = c;
      logZ += Math.log(c) + mx;
    }
    const last = (n - 1) * NT;
    for (let y = 0; y < NT; y++) beta[last + y] = 1;
    for (let t = n - 2; t >= 0; t--) {
      const e = t * NT;
      const c = scale[t + 1]!;
      for (let a = 0; a < NT; a++) {
        let s = 0;
        for (let b = 0; b < NT; b++) s += m[a * NT + b]! * psi[e + NT + b]! * beta[e + NT + b]!;
        beta[e + a] = s / c;
      }
    }
    for (let i = 0; i < n * NT; i++) node[i] = alpha[i]! * beta[i]!;
    edge.fill(0);
    for (let y = 0; y < NT; y++) first[y] = node[y]!;
    for (let t = 1; t < n; t++) {
      const e = t * NT;
      const c = scale[t]!;
      for (let a = 0; a < NT; a++) {
        const al = alpha[e - NT + a]! / c;
        if (al === 0) continue;
        for (let b = 0; b < NT; b++) edge[a * NT + b]! += al * m[a * NT + b]! * psi[e + b]! * beta[e + b]!;
      }
    }
    return logZ;
  }
}

/** Emission scores of a sentence from the weight rows of its features. */
function fillEmit(emit: Float64Array, s: SparseSentence, w: Float64Array): void {
  const n = s.offs.length - 1;
  emit.fill(0, 0, n * NT);
  for (let t = 0; t < n; t++) {
    const e = t * NT;
    for (let k = s.offs[t]!; k < s.offs[t + 1]!; k++) {
      const row = s.ids[k]! * NT;
      for (let y = 0; y < NT; y++) emit[e + y]! += w[row + y]!;
    }
  }
}

/**
 * Gold tags with every transition the decoder forbids repaired (an I-X that cannot follow its
 * predecessor becomes B-X), so the gold sequence is one the CRF can give a probability to.
 */
export function repairBio(gold: Int32Array): Int32Array {
  const out = gold.slice();
  for (let t = 0; t < out.length; t++) {
    const prev = t === 0 ? NT : out[t - 1]!;
    if (!ALLOWED[prev * NT + out[t]!]) out[t] = out[t]! - 1;
  }
  return out;
}

/**
 * Negative log-likelihood of `gold` for one sentence; when `grad` is given, adds its gradient to it.
 * The loss and gradient the trainer follows, exported so a test can check them against finite differences.
 */
export function crfNll(s: SparseSentence, gold: Int32Array, p: CrfParams, grad?: CrfParams): number {
  const lat = new Lattice();
  const n = gold.length;
  lat.ensure(n);
  fillEmit(lat.emit, s, p.w);
  const logZ = lat.run(n, p.trans, p.start);
  let score = p.start[gold[0]!]!;
  for (let t = 0; t < n; t++) {
    score += lat.emit[t * NT + gold[t]!]!;
    if (t > 0) score += p.trans[gold[t - 1]! * NT + gold[t]!]!;
  }
  if (grad) {
    for (let t = 0; t < n; t++) {
      for (let k = s.offs[t]!; k < s.offs[t + 1]!; k++) {
        const row = s.ids[k]! * NT;
        for (let y = 0; y < NT; y++) grad.w[row + y]! += lat.node[t * NT + y]! - (y === gold[t] ? 1 : 0);
      }
      if (t > 0) grad.trans[gold[t - 1]! * NT + gold[t]!]! -= 1;
    }
    for (let i = 0; i < NT * NT; i++) grad.trans[i]! += lat.edge[i]!;
    for (let y = 0; y < NT; y++) grad.start[y]! += lat.first[y]! - (y === gold[0] ? 1 : 0);
  }
  return logZ - score;
}

export interface CrfTrainOptions {
  epochs: number;
  /** L2 strength λ of the objective Σ NLL + λ/2 ‖θ‖² (over the whole training set). */
  l2: number;
  /** AdaGrad base learning rate. */
  eta: number;
  /** A number in [0, 1) for the shuffle; the caller's seeded generator keeps training deterministic. */
  rand: () => number;
  /** Return (and report) the average of the iterates over all steps rather than the last one. */
  average?: boolean;
  /** Called after each epoch with the current parameters (read-only; all pending decay applied). */
  onEpoch?: (epoch: number, p: CrfParams) => void;
}

/**
 * Stochastic AdaGrad on the CRF log-likelihood, one sentence a step. L2 on the sparse weight rows is
 * applied lazily: a row's decay for the steps it was not read is caught up (as one proximal step)
 * before it is next read, so a step costs only the features of its sentence.
 */
export function trainCrf(data: readonly SparseSentence[], golds: readonly Int32Array[], nf: number, opts: CrfTrainOptions): CrfParams {
  const p: CrfParams = { w: new Float64Array(nf * NT), trans: new Float64Array(NT * NT), start: new Float64Array(NT) };
  const gw = new Float64Array(nf * NT);
  const gsq = new Float64Array(nf * NT);
  const tsq = new Float64Array(NT * NT);
  const ssq = new Float64Array(NT);
  const last = new Int32Array(nf);
  const stamp = new Int32Array(nf).fill(-1);
  const touched = new Int32Array(nf);
  const gold = golds.map(repairBio);
  // Iterate averaging as in the perceptron: every change Δ made at step s also adds s·Δ to u, and the
  // average is w − u/(steps + 1). A row's lazily caught-up decay counts as made when it is caught up.
  const avg = opts.average === true;
  const uw = new Float64Array(avg ? nf * NT : 0);
  const ut = new Float64Array(NT * NT);
  const us = new Float64Array(NT);
  const lam = opts.l2 / Math.max(1, data.length);
  const eta = opts.eta;
  const EPS = 1e-8;
  const lat = new Lattice();
  const order = Array.from(data, (_, i) => i);
  let step = 0;
  const averaged = (): CrfParams => {
    if (!avg) return p;
    const c = step + 1;
    return {
      w: Float64Array.from(p.w, (v, i) => v - uw[i]! / c),
      trans: Float64Array.from(p.trans, (v, i) => v - ut[i]! / c),
      start: Float64Array.from(p.start, (v, i) => v - us[i]! / c),
    };
  };
  const catchUp = (f: number, now: number): void => {
    const k = now - last[f]!;
    if (k <= 0) return;
    last[f] = now;
    const row = f * NT;
    for (let y = 0; y < NT; y++) {
      const g2 = gsq[row + y]!;
      if (g2 === 0) continue;
      const old = p.w[row + y]!;
      const decayed = old / (1 + (k * eta * lam) / Math.sqrt(g2));
      p.w[row + y] = decayed;
      if (avg) uw[row + y]! += now * (decayed - old);
    }
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(opts.rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const si of order) {
      const s = data[si]!;
      const g = gold[si]!;
      const n = g.length;
      if (n === 0) continue;
      step++;
      lat.ensure(n);
      for (let k = s.offs[0]!; k < s.offs[n]!; k++) catchUp(s.ids[k]!, step);
      fillEmit(lat.emit, s, p.w);
      lat.run(n, p.trans, p.start);
      // Sparse gradient of the sentence's NLL, summed per row before the AdaGrad step.
      let nt = 0;
      for (let t = 0; t < n; t++) {
        const e = t * NT;
        const gy = g[t]!;
        for (let k = s.offs[t]!; k < s.offs[t + 1]!; k++) {
          const f = s.ids[k]!;
          if (stamp[f] !== step) {
            stamp[f] = step;
            touched[nt++] = f;
          }
          const row = f * NT;
          for (let y = 0; y < NT; y++) gw[row + y]! += lat.node[e + y]!;
          gw[row + gy]! -= 1;
        }
      }
      for (let r = 0; r < nt; r++) {
        const row = touched[r]! * NT;
        for (let y = 0; y < NT; y++) {
          const d = gw[row + y]!;
          gw[row + y] = 0;
          if (d === 0) continue;
          const g2 = gsq[row + y]! + d * d;
          gsq[row + y] = g2;
          const dw = (eta * d) / Math.sqrt(g2 + EPS);
          p.w[row + y]! -= dw;
          if (avg) uw[row + y]! -= step * dw;
        }
      }
      // Dense transitions and start scores: exact L2 every step.
      const { edge, first } = lat;
      for (let t = 1; t < n; t++) edge[g[t - 1]! * NT + g[t]!]! -= 1;
      first[g[0]!]! -= 1;
      for (let i = 0; i < NT * NT; i++) {
        if (!ALLOWED[i]) continue;
        const d = edge[i]! + lam * p.trans[i]!;
        tsq[i]! += d * d;
        const dw = (eta * d) / Math.sqrt(tsq[i]! + EPS);
        p.trans[i]! -= dw;
        ut[i]! -= step * dw;
      }
      for (let y = 0; y < NT; y++) {
        if (!ALLOWED[NT * NT + y]) continue;
        const d = first[y]! + lam * p.start[y]!;
        ssq[y]! += d * d;
        const dw = (eta * d) / Math.sqrt(ssq[y]! + EPS);
        p.start[y]! -= dw;
        us[y]! -= step * dw;
      }
    }
    for (let f = 0; f < nf; f++) catchUp(f, step);
    opts.onEpoch?.(epoch, averaged());
  }
  return averaged();
}
