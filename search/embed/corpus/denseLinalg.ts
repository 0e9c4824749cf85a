/**
 * Small dense linear algebra on row-major Float64Arrays: a seeded random test matrix, products, and
 * Cholesky QR for tall matrices. The symmetric eigen-decomposition is in symmetricEigen.ts.
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
