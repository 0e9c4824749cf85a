import { docPath } from '../router.js';
import { fileName, type CitationIndex } from '../util/citations.js';
import { Link } from './Link.js';

/** The numbered sources behind the badges on this page. */
export function ReferenceList(props: { index: CitationIndex; title?: string }) {
  if (props.index.list.length === 0) return null;
  return (
    <details className="refs">
      <summary>
        {props.title ?? '引用来源'}（{props.index.list.length}）
      </summary>
      <ol>
        {props.index.list.map((c, i) => (
          <li key={i} value={i + 1}>
            <Link to={docPath(c.docId, c)} className="ref-link">
              {fileName(c.file) || c.docId}
            </Link>
            <span className="ref-span">
              {' '}
              第 {c.start}–{c.end} 字：
            </span>
            <span className="ref-text">{c.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
