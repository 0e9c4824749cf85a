import { getJson } from '../api/client.js';
import { useApi } from '../api/useApi.js';

interface Health {
  ok: boolean;
  embedder: string;
  backend: string;
  vectors?: { state: 'ready' | 'embedding' | 'failed'; embedded: number; total: number };
}

/** "Using the corpus-trained embedder (LSA …)" → "corpus"; a model name stays as it is. */
function shortEmbedder(reason: string): string {
  if (/corpus/i.test(reason)) return '语料 LSA';
  const model = /[\w.-]+\/[\w.-]+/.exec(reason)?.[0];
  return model ?? (reason.length > 24 ? `${reason.slice(0, 24)}…` : reason);
}

/** Shows which graph backend and embedder the server runs with. */
export function HealthBadge() {
  const { data, error } = useApi('health', (signal) => getJson<Health>('/health', {}, signal));
  if (error) return <span className="health bad">服务不可用</span>;
  if (!data) return null;
  return (
    <span className={data.ok ? 'health ok' : 'health bad'} title={`图存储：${data.backend}；向量：${data.embedder}`}>
      {data.ok ? '服务正常' : '服务异常'} · 图存储 {data.backend} · 向量 {shortEmbedder(data.embedder)}
      {data.vectors?.state === 'embedding' ? ` · 向量索引中 ${data.vectors.embedded}/${data.vectors.total}（关键词检索已可用）` : ''}
      {data.vectors?.state === 'failed' ? ' · 向量索引未完成（仅关键词检索）' : ''}
    </span>
  );
}
