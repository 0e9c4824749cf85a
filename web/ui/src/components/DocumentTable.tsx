import { useState } from 'react';
import { deleteJson } from '../api/client.js';
import type { DocumentSummary } from '../api/types.js';
import { docPath } from '../router.js';
import { describeError } from '../util/labels.js';
import { Link } from './Link.js';

function when(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
}

/** The ingested documents, each openable and deletable (after a confirm). */
export function DocumentTable(props: { documents: DocumentSummary[]; onDeleted: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const remove = async (doc: DocumentSummary) => {
    if (!window.confirm(`确定删除《${doc.title || doc.path}》吗？它的段落、证据和只由它支撑的实体都会被删除。`)) return;
    setBusy(doc.id);
    setError(null);
    try {
      await deleteJson(`/documents/${encodeURIComponent(doc.id)}`);
      props.onDeleted();
    } catch (e) {
      setError(`删除失败：${describeError(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-label="文档列表">
      <h2>
        已入库文档<span className="count">{props.documents.length}</span>
      </h2>
      {error && (
        <div className="status error" role="alert">
          {error}
        </div>
      )}
      <div className="table-wrap">
        <table className="doc-table">
          <thead>
            <tr>
              <th>标题</th>
              <th>文件</th>
              <th>格式</th>
              <th className="num">篇</th>
              <th className="num">段落</th>
              <th>入库时间</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {props.documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={docPath(d.id)}>{d.title || d.path}</Link>
                </td>
                <td className="path">{d.path}</td>
                <td>{d.format.toUpperCase()}</td>
                <td className="num">{d.articles}</td>
                <td className="num">{d.passages}</td>
                <td className="small">{when(d.ingestedAt)}</td>
                <td>
                  <button type="button" className="danger" disabled={busy === d.id} onClick={() => void remove(d)}>
                    {busy === d.id ? '删除中…' : '删除'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
