import { CsrMatrix } from './CsrMatrix.js';
import { gram, matmul, orthonormalizeColumns, randomTestMatrix, transposeMultiply } from './denseLinalg.js';
import { symmetricEigen } from './symmetricEigen.js';

export interface RandomizedSvdOptions {
  /** Extra random directions beyond rank (Halko et al. suggest 5–20). Default 16. */
  readonly oversample?: number;
  /** Power (subspace) iterations; 1–2 sharpen the spectrum of slowly decaying text matrices. Default 1. */
  readonly powerIterations?: number;
  readonly seed?: number;
}

export interface TruncatedSvd {
  /** Number of components actually returned (≤ the requested rank). */
  readonly rank: number;
  /** Singular values, descending (length rank). */
  readonly singularValues: Float64Array;
  /** Right singular vectors scaled by their singular values, V·S: row-major cols × rank. */
  readonly scaledRightVectors: Float64Array;
}

/**
 * Truncated SVD X ≈ U S Vᵀ of a sparse rows × cols matrix by randomized range finding (Halko, Martinsson &
 * Tropp 2011). Returns V·S, which for a passage × term matrix are the LSA term vectors. Dense work is
 * O(rows · width²); the term side is only touched through sparse products, so a large vocabulary is cheap.
 */
export function randomizedSvd(x: CsrMatrix, rank: number, options: RandomizedSvdOptions = {}): TruncatedSvd {
  const width = Math.max(1, Math.min(rank + (options.oversample ?? 16), x.rows, x.cols));
  const k = Math.max(1, Math.min(rank, width));
  const n = x.rows;
  const m = x.cols;

  // Q: orthonormal basis (n × width) of the range of X, sharpened by power iterations Q ← orth(X Xᵀ Q).
  // Skipping the intermediate orthonormalization on the term side is safe in float64 for a few iterations.
  let q = orthonormalizeColumns(x.multiplyDense(randomTestMatrix(m, width, options.seed ?? 42), width), n, width);
  // When width covers every row, Q already spans the whole range and iterating cannot improve it.
  const iterations = width >= n ? 0 : options.powerIterations ?? 1;
  for (let i = 0; i < iterations; i++) {
    q = orthonormalizeColumns(x.multiplyDense(x.transposeMultiplyDense(q, width), width), n, width);
  }

  // B = Qᵀ X (width × m). With P = Bᵀ = Xᵀ Q: B Bᵀ = Pᵀ P = Qᵀ (X P); pick the cheaper form.
  const p = x.transposeMultiplyDense(q, width);
  let bbt: Float64Array;
  if (m * width <= 2 * x.nnz + n * width) {
    bbt = gram(p, m, width);
  } else {
    bbt = transposeMultiply(q, width, x.multiplyDense(p, width), width, n);
    for (let i = 0; i < width; i++) {
      for (let j = 0; j < i; j++) {
        const mean = (bbt[i * width + j] + bbt[j * width + i]) / 2;
        bbt[i * width + j] = mean;
        bbt[j * width + i] = mean;
      }
    }
  }
  const { values, vectors } = symmetricEigen(bbt, width);
  const singularValues = new Float64Array(k);
  for (let j = 0; j < k; j++) singularValues[j] = Math.sqrt(Math.max(0, values[j]));
  const top = new Float64Array(width * k);
  for (let t = 0; t < width; t++) top.set(vectors.subarray(t * width, t * width + k), t * k);

  // V·S = Bᵀ Ũ = P Ũ = Xᵀ (Q Ũ); again the cheaper form.
  const scaled =
    m * width <= n * width + x.nnz ? matmul(p, m, width, top, k) : x.transposeMultiplyDense(matmul(q, n, width, top, k), k);
  return { rank: k, singularValues, scaledRightVectors: scaled };
}
