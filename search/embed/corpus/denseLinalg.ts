/**
 * Small dense linear algebra on row-major Float64Arrays: a seeded random test matrix, Cholesky QR for tall
 * matrices, and a symmetric eigen-decomposition (Householder tridiagonalization + implicit QL, after JAMA).
 */

/** Deterministic uniform [0, 1) numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A rows × cols random test matrix with independent entries uniform in [-1, 1): any sub-Gaussian
 * distribution serves randomized range finding, and this one costs one random number per entry.
 */
export function randomTestMatrix(rows: number, cols: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = 2 * random() - 1;
  return out;
}

/** Aᵀ·A for a row-major rows × width matrix: a full width × width symmetric matrix. */
export function gram(a: Float64Array, rows: number, width: number): Float64Array {
  const g = new Float64Array(width * width);
  let r = 0;
  // Four rows per pass: one read-modify-write of g per four products (about 3× faster in V8).
  for (; r + 3 < rows; r += 4) {
    const b0 = r * width;
    const b1 = b0 + width;
    const b2 = b1 + width;
    const b3 = b2 + width;
    for (let i = 0; i < width; i++) {
      const x0 = a[b0 + i];
      const x1 = a[b1 + i];
      const x2 = a[b2 + i];
      const x3 = a[b3 + i];
      const gBase = i * width;
      for (let j = i; j < width; j++) {
        g[gBase + j] += x0 * a[b0 + j] + x1 * a[b1 + j] + x2 * a[b2 + j] + x3 * a[b3 + j];
      }
    }
  }
  for (; r < rows; r++) {
    const base = r * width;
    for (let i = 0; i < width; i++) {
      const x = a[base + i];
      const gBase = i * width;
      for (let j = i; j < width; j++) g[gBase + j] += x * a[base + j];
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) g[i * width + j] = g[j * width + i];
  return g;
}

/** aᵀ·b for two row-major matrices with the same number of rows: (rows × wa)ᵀ (rows × wb) → wa × wb. */
export function transposeMultiply(a: Float64Array, wa: number, b: Float64Array, wb: number, rows: number): Float64Array {
  if (a.length !== rows * wa || b.length !== rows * wb) throw new RangeError('transposeMultiply: shape mismatch');
  const out = new Float64Array(wa * wb);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const a0 = r * wa;
    const b0 = r * wb;
    for (let i = 0; i < wa; i++) {
      const x0 = a[a0 + i];
      const x1 = a[a0 + wa + i];
      const x2 = a[a0 + 2 * wa + i];
      const x3 = a[a0 + 3 * wa + i];
      const o = i * wb;
      for (let j = 0; j < wb; j++) {
        out[o + j] += x0 * b[b0 + j] + x1 * b[b0 + wb + j] + x2 * b[b0 + 2 * wb + j] + x3 * b[b0 + 3 * wb + j];
      }
    }
  }
  for (; r < rows; r++) {
    for (let i = 0; i < wa; i++) {
      const x = a[r * wa + i];
      const o = i * wb;
      for (let j = 0; j < wb; j++) out[o + j] += x * b[r * wb + j];
    }
  }
  return out;
}

/**
 * a (rows × inner) · b (inner × cols), row-major. With upperTriangularB, entries of b below the diagonal are
 * taken as zero and skipped.
 */
export function matmul(a: Float64Array, rows: number, inner: number, b: Float64Array, cols: number, upperTriangularB = false): Float64Array {
  if (a.length !== rows * inner || b.length !== inner * cols) throw new RangeError('matmul: shape mismatch');
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const aBase = r * inner;
    const oBase = r * cols;
    let k = 0;
    for (; k + 3 < inner; k += 4) {
      const x0 = a[aBase + k];
      const x1 = a[aBase + k + 1];
      const x2 = a[aBase + k + 2];
      const x3 = a[aBase + k + 3];
      const c0 = k * cols;
      const c1 = c0 + cols;
      const c2 = c1 + cols;
      const c3 = c2 + cols;
      for (let j = upperTriangularB ? k : 0; j < cols; j++) {
        out[oBase + j] += x0 * b[c0 + j] + x1 * b[c1 + j] + x2 * b[c2 + j] + x3 * b[c3 + j];
      }
    }
    for (; k < inner; k++) {
      const x = a[aBase + k];
      const c = k * cols;
      for (let j = upperTriangularB ? k : 0; j < cols; j++) out[oBase + j] += x * b[c + j];
    }
  }
  return out;
}

/**
 * An orthonormal basis of the column span of a tall row-major matrix (Cholesky QR: Q = A·R⁻¹ with
 * AᵀA = RᵀR). Columns numerically dependent on earlier ones become zero. Returns a new array.
 */
export function orthonormalizeColumns(a: Float64Array, rows: number, width: number): Float64Array {
  const g = gram(a, rows, width);
  const r = new Float64Array(width * width);
  let maxDiagonal = 0;
  for (let i = 0; i < width; i++) maxDiagonal = Math.max(maxDiagonal, g[i * width + i]);
  const tolerance = maxDiagonal * 1e-12;
  for (let j = 0; j < width; j++) {
    let s = g[j * width + j];
    for (let k = 0; k < j; k++) s -= r[k * width + j] * r[k * width + j];
    if (!(s > tolerance)) continue; // dependent column: its row of R stays zero
    const pivot = Math.sqrt(s);
    r[j * width + j] = pivot;
    for (let i = j + 1; i < width; i++) {
      let t = g[j * width + i];
      for (let k = 0; k < j; k++) t -= r[k * width + j] * r[k * width + i];
      r[j * width + i] = t / pivot;
    }
  }
  // R⁻¹ by back substitution, column by column; dropped columns give zero rows and columns.
  const inverse = new Float64Array(width * width);
  for (let j = 0; j < width; j++) {
    if (r[j * width + j] === 0) continue;
    inverse[j * width + j] = 1 / r[j * width + j];
    for (let i = j - 1; i >= 0; i--) {
      const pivot = r[i * width + i];
      if (pivot === 0) continue;
      let t = 0;
      for (let k = i + 1; k <= j; k++) t += r[i * width + k] * inverse[k * width + j];
      inverse[i * width + j] = -t / pivot;
    }
  }
  return matmul(a, rows, width, inverse, width, true);
}

/**
 * Eigen-decomposition of a symmetric n × n row-major matrix. Returns eigenvalues in descending order and
 * the matching unit eigenvectors as the columns of a row-major n × n matrix.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  if (matrix.length !== n * n) throw new RangeError('symmetricEigen: shape mismatch');
  const v = Float64Array.from(matrix);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(v, d, e, n);
  // QL rotates pairs of eigenvector columns: work on the transpose so those are contiguous rows.
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[j * n + i] = v[i * n + j];
  diagonalize(w, d, e, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((source, target) => {
    values[target] = d[source];
    for (let k = 0; k < n; k++) vectors[k * n + target] = w[source * n + k];
  });
  return { values, vectors };
}

/** Householder reduction to tridiagonal form (JAMA tred2) on a flat row-major n × n array. */
function tridiagonalize(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j];
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[j * n + i] = f;
        g = e[j] + v[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j] * d[k];
          e[k] += v[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[k * n + j] -= f * e[k] + g * d[k];
        d[j] = v[(i - 1) * n + j];
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i];
    v[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1] * v[k * n + j];
        for (let k = 0; k <= i; k++) v[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j];
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal form (JAMA tql2); w holds the eigenvectors as rows (transposed). */
function diagonalize(w: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > 60) throw new Error('symmetricEigen: QL iteration did not converge');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          const rowI = i * n;
          const rowNext = rowI + n;
          for (let k = 0; k < n; k++) {
            const upper = w[rowNext + k];
            const lower = w[rowI + k];
            w[rowNext + k] = s * lower + c * upper;
            w[rowI + k] = c * lower - s * upper;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}
