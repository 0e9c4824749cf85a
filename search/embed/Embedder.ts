/** Which side of a retrieval pair a text is on; some models embed queries with an instruction prefix. */
export type EmbedKind = 'query' | 'passage';

/** Turns texts into L2-normalized vectors of a fixed dimension. */
export interface Embedder {
  /** Changes whenever the vectors would change (model, weights, training data): indexes built with another id must be rebuilt. */
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[], opts: { kind: EmbedKind }): Promise<Float32Array[]>;
}
