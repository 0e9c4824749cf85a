/**
 * A compressed-sparse-row matrix (rows × cols) and the two products randomized SVD needs.
 * Dense operands and results are row-major Float64Arrays.
 */
export class CsrMatrix {
  private transposed?: CsrMatrix;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly rowPtr: Int32Array,
    readonly colIdx: Int32Array,
    readonly values: Float32Array,
  ) {
    if (rowPtr.length !== rows + 1) throw new RangeError('CsrMatrix: rowPtr must have rows + 1 entries');
    if (colIdx.length !== values.length) throw new RangeError('CsrMatrix: colIdx and values differ in length');
  }

  get nnz(): number {
    return this.rowPtr[this.rows];
  }

  /** The transpose as its own CSR matrix (built once, then cached). */
  transpose(): CsrMatrix {
    if (this.transposed) return this.transposed;
    const counts = new Int32Array(this.cols + 1);
    for (let p = 0; p < this.nnz; p++) counts[this.colIdx[p] + 1]++;
    for (let c = 0; c < this.cols; c++) counts[c + 1] += counts[c];
    const rowPtr = Int32Array.from(counts);
    const next = Int32Array.from(counts.subarray(0, this.cols));
    const colIdx = new Int32Array(this.nnz);
    const values = new Float32Array(this.nnz);
    for (let r = 0; r < this.rows; r++) {
      for (let p = this.rowPtr[r]; p < this.rowPtr[r + 1]; p++) {
        const slot = next[this.colIdx[p]]++;
        colIdx[slot] = r;
        values[slot] = this.values[p];
      }
    }
    this.transposed = new CsrMatrix(this.cols, this.rows, rowPtr, colIdx, values);
    this.transposed.transposed = this;
    return this.transposed;
  }

  /** this (rows × cols) · dense (cols × width) → rows × width. */
  multiplyDense(dense: Float64Array, width: number): Float64Array {
    if (dense.length !== this.cols * width) throw new RangeError('CsrMatrix.multiplyDense: shape mismatch');
    const out = new Float64Array(this.rows * width);
    const { rowPtr, colIdx, values } = this;
    for (let r = 0; r < this.rows; r++) {
      const o = r * width;
      const end = rowPtr[r + 1];
      let p = rowPtr[r];
      // Four non-zeros per pass: one read-modify-write of the output row per four products.
      for (; p + 3 < end; p += 4) {
        const v0 = values[p];
        const v1 = values[p + 1];
        const v2 = values[p + 2];
        const v3 = values[p + 3];
        const d0 = colIdx[p] * width;
        const d1 = colIdx[p + 1] * width;
        const d2 = colIdx[p + 2] * width;
        const d3 = colIdx[p + 3] * width;
        for (let c = 0; c < width; c++) {
          out[o + c] += v0 * dense[d0 + c] + v1 * dense[d1 + c] + v2 * dense[d2 + c] + v3 * dense[d3 + c];
        }
      }
      for (; p < end; p++) {
        const v = values[p];
        const d = colIdx[p] * width;
        for (let c = 0; c < width; c++) out[o + c] += v * dense[d + c];
      }
    }
    return out;
  }

  /** thisᵀ (cols × rows) · dense (rows × width) → cols × width. */
  transposeMultiplyDense(dense: Float64Array, width: number): Float64Array {
    return this.transpose().multiplyDense(dense, width);
  }
}
