import { getJson } from '../api/client.js';
import type { DocumentSummary } from '../api/types.js';
import { useApi } from '../api/useApi.js';
import { DocumentTable } from '../components/DocumentTable.js';
import { Empty, ErrorBox, Loading } from '../components/Status.js';
import { UploadForm } from '../components/UploadForm.js';

/** /documents — upload, list, delete. */
export function DocumentsPage() {
  const list = useApi('documents', (signal) => getJson<DocumentSummary[]>('/documents', {}, signal));
  return (
    <div className="page documents-page">
      <h1>文档</h1>
      <UploadForm onUploaded={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorBox error={list.error} prefix="无法读取文档列表：" />}
      {list.data && list.data.length === 0 && <Empty text="还没有文档，请先上传。" />}
      {list.data && list.data.length > 0 && <DocumentTable documents={list.data} onDeleted={list.reload} />}
    </div>
  );
}
