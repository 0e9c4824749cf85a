import { describe, expect, it } from 'vitest';
import { CsrMatrix } from './CsrMatrix.js';
import { gram, matmul, orthonormalizeColumns, randomTestMatrix, seededRandom, transposeMultiply } from './denseLinalg.js';
import { symmetricEigen } from './symmetricEigen.js';
import { randomizedSvd } from './randomizedSvd.js';

function randomSparse(rows: number, cols: number, density: number, seed: number): { csr: CsrMatrix; dense: Float64Array } {
  const random = seededRandom(seed);
  const dense = new Float64Array(rows * cols);
  const rowPtr = new Int32Array(rows + 1);
  const colIdx: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (random() < density) {
        const v = Math.fround(random() * 2 - 1);
        dense[r * cols + c] = v;
        colIdx.push(c);
        values.push(v);
      }
    }
    rowPtr[r + 1] = colIdx.length;
  }
  return { csr: new CsrMatrix(rows, cols, rowPtr, Int32Array.from(colIdx), Float32Array.from(values)), dense };
}

function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
  return t;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('dense linear algebra', () => {
  it('matmul, gram and transposeMultiply agree with each other', () => {
    const a = randomTestMatrix(37, 9, 1);
    const b = randomTestMatrix(37, 5, 2);
    expect(maxAbsDiff(gram(a, 37, 9), matmul(transpose(a, 37, 9), 9, 37, a, 9))).toBeLessThan(1e-12);
    expect(maxAbsDiff(transposeMultiply(a, 9, b, 5, 37), matmul(transpose(a, 37, 9), 9, 37, b, 5))).toBeLessThan(1e-12);
  });

  it('symmetricEigen returns descending eigenpairs with A·v = λ·v', () => {
    const n = 40;
    const a = gram(randomTestMatrix(60, n, 3), 60, n);
    const { values, vectors } = symmetricEigen(a, n);
    for (let j = 1; j < n; j++) expect(values[j - 1]).toBeGreaterThanOrEqual(values[j]);
    const av = matmul(a, n, n, vectors, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(av[i * n + j]).toBeCloseTo(values[j] * vectors[i * n + j], 9);
    const identity = Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
    expect(maxAbsDiff(gram(vectors, n, n), identity)).toBeLessThan(1e-10);
  });

  it('orthonormalizeColumns keeps the span, and zeroes a dependent column', () => {
    const rows = 50;
    const a = randomTestMatrix(rows, 4, 4);
    for (let r = 0; r < rows; r++) a[r * 4 + 2] = a[r * 4] + 2 * a[r * 4 + 1]; // column 2 depends on 0 and 1
    const q = orthonormalizeColumns(a, rows, 4);
    const g = gram(q, rows, 4);
    expect(Array.from(g).map((x) => Math.round(x * 1e9) / 1e9 + 0)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    // Projecting a onto span(q) gives a back.
    const projection = matmul(q, rows, 4, transposeMultiply(q, 4, a, 4, rows), 4);
    expect(maxAbsDiff(projection, a)).toBeLessThan(1e-9);
  });
});

describe('CsrMatrix', () => {
  it('multiplies like its dense twin, also transposed', () => {
    const { csr, dense } = randomSparse(30, 20, 0.2, 5);
    const d = randomTestMatrix(20, 6, 6);
    const e = randomTestMatrix(30, 6, 7);
    expect(maxAbsDiff(csr.multiplyDense(d, 6), matmul(dense, 30, 20, d, 6))).toBeLessThan(1e-12);
    expect(maxAbsDiff(csr.transposeMultiplyDense(e, 6), matmul(transpose(dense, 30, 20), 20, 30, e, 6))).toBeLessThan(1e-12);
  });
});

describe('randomizedSvd', () => {
  const rows = 80;
  const cols = 120;
  const { csr, dense } = randomSparse(rows, cols, 0.1, 11);
  const exact = symmetricEigen(gram(dense, rows, cols), cols); // XᵀX = V S² Vᵀ

  it('is exact when the sketch covers every row', () => {
    const svd = randomizedSvd(csr, 40, { oversample: 100 });
    expect(svd.rank).toBe(40);
    for (let j = 0; j < 40; j++) expect(svd.singularValues[j]).toBeCloseTo(Math.sqrt(exact.values[j]), 8);
    // V·S columns match the exact ones up to sign.
    for (const j of [0, 1, 10, 39]) {
      const sign = Math.sign(svd.scaledRightVectors[j] * exact.vectors[j]) || 1;
      for (let r = 0; r < cols; r++) {
        expect(svd.scaledRightVectors[r * 40 + j]).toBeCloseTo(sign * exact.vectors[r * cols + j] * Math.sqrt(exact.values[j]), 6);
      }
    }
  });

  it('approximates the leading singular values with a small sketch and a power iteration', () => {
    const svd = randomizedSvd(csr, 10, { oversample: 10, powerIterations: 2 });
    expect(svd.rank).toBe(10);
    for (let j = 0; j < 3; j++) expect(svd.singularValues[j] / Math.sqrt(exact.values[j])).toBeGreaterThan(0.97);
    for (let j = 0; j < 10; j++) expect(svd.singularValues[j]).toBeLessThanOrEqual(Math.sqrt(exact.values[j]) * (1 + 1e-9));
  });
});
