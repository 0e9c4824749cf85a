import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, getJson, uploadWithProgress } from '../api/client.js';
import type { Job } from '../api/types.js';
import { errorText } from '../util/errorText.js';
import { describeError, describeMessage } from '../util/labels.js';
import { ProgressBar } from './ProgressBar.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; progress: number }
  | { kind: 'processing'; progress: number; status: string }
  | { kind: 'done'; name: string; existed: boolean }
  | { kind: 'failed'; reason: string };

const ACCEPT = '.txt,.md,.markdown,.docx,.pdf,.html,.htm';
const POLL_MS = 400;

/** 0–1 from a job's progress, whether the server counts in fractions or percent. */
function fraction(progress: number | undefined): number {
  if (progress === undefined || !Number.isFinite(progress)) return 0;
  return progress > 1 ? progress / 100 : progress;
}

function jobFailure(error: Job['error']): string {
  if (!error) return '处理失败';
  if (typeof error === 'string') return describeMessage(error);
  return errorText(error);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Upload one file: XHR progress while sending, then the ingest job's progress until done or failed. */
export function UploadForm(props: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setPhase({ kind: 'uploading', progress: 0 });
    try {
      const { jobId } = await uploadWithProgress<{ jobId: string }>('/documents', file, (p) => {
        if (alive.current) setPhase({ kind: 'uploading', progress: p });
      });
      for (;;) {
        const job = await getJson<Job>(`/jobs/${encodeURIComponent(jobId)}`);
        if (!alive.current) return;
        if (job.status === 'done') {
          setPhase({ kind: 'done', name: file.name, existed: job.outcome?.status === 'unchanged' });
          setFile(null);
          if (inputRef.current) inputRef.current.value = '';
          props.onUploaded();
          return;
        }
        if (job.status === 'failed') {
          setPhase({ kind: 'failed', reason: jobFailure(job.error) });
          return;
        }
        setPhase({ kind: 'processing', progress: fraction(job.progress), status: job.status === 'queued' ? '排队中' : '正在解析与抽取' });
        await sleep(POLL_MS);
      }
    } catch (error) {
      if (alive.current) setPhase({ kind: 'failed', reason: error instanceof ApiError || error instanceof Error ? describeError(error) : String(error) });
    }
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  return (
    <form className="card upload-form" onSubmit={(e) => void submit(e)}>
      <h2>上传文档</h2>
      <p className="muted small">支持 TXT、Markdown、Word（.docx）、PDF、HTML；上传后自动解析、抽取实体并建立索引。</p>
      <div className="upload-row">
        <label className={busy ? 'file-pick disabled' : 'file-pick'}>
          <input
            ref={inputRef}
            type="file"
            name="file"
            aria-label="选择文件"
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPhase({ kind: 'idle' });
            }}
          />
          <span className="file-button">选择文件</span>
          <span className="file-name">{file ? `${file.name}（${formatSize(file.size)}）` : '未选择文件'}</span>
        </label>
        <button type="submit" className="primary" disabled={!file || busy}>
          上传
        </button>
      </div>
      {phase.kind === 'uploading' && <ProgressBar value={phase.progress} label="上传中" />}
      {phase.kind === 'processing' && <ProgressBar value={phase.progress} label={phase.status} />}
      {phase.kind === 'done' && (
        <div className="status success" role="status">
          {phase.existed ? `已存在：${phase.name} 的内容此前已经入库，没有重复导入。` : `已完成：${phase.name} 已入库，可以检索了。`}
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="status error upload-error" role="alert">
          上传失败：{phase.reason}
        </div>
      )}
    </form>
  );
}
