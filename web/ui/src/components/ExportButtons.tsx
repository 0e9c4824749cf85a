import { useState } from 'react';
import { postForFile } from '../api/client.js';
import type { ExportFormat } from '../api/types.js';
import { saveBlob } from '../util/download.js';
import { describeError } from '../util/labels.js';

const LABEL: Record<ExportFormat, string> = {
  md: 'Markdown',
  docx: 'Word',
  ris: 'RIS',
  bibtex: 'BibTeX',
  csv: 'CSV',
};

const EXTENSION: Record<ExportFormat, string> = { md: 'md', docx: 'docx', ris: 'ris', bibtex: 'bib', csv: 'csv' };

/** One button per format: POST /api/export with the selection, save the returned file. */
export function ExportButtons(props: {
  formats: ExportFormat[];
  title: string;
  disabled?: boolean;
  payload: () => Record<string, unknown>;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, filename } = await postForFile(
        '/export',
        { format, title: props.title, ...props.payload() },
        `${props.title || 'export'}.${EXTENSION[format]}`,
      );
      saveBlob(blob, filename);
    } catch (e) {
      setError(`导出失败：${describeError(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <span className="export-buttons">
      <span className="muted">导出为</span>
      {props.formats.map((format) => (
        <button
          key={format}
          type="button"
          data-format={format}
          disabled={props.disabled || busy !== null}
          onClick={() => void run(format)}
        >
          {busy === format ? '导出中…' : LABEL[format]}
        </button>
      ))}
      {error && (
        <span className="error-inline" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
