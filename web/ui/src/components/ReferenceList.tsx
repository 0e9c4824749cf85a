import { quoteLine } from '../../../export/quoteText.js';
import { currentAddress, docPath } from '../router.js';
import { placeLabel, sourceTitle, type CitationIndex } from '../util/citations.js';
import { Link } from './Link.js';

/** The numbered sources behind the badges on this page: title, page or section, cleaned quote. */
export function ReferenceList(props: { index: CitationIndex; title?: string }) {
  if (props.index.list.length === 0) return null;
  return (
    <details className="refs">
      <summary>
        {props.title ?? '引用来源'}（{props.index.list.length}）
      </summary>
      <ol>
        {props.index.list.map((c, i) => {
          const place = placeLabel(c);
          return (
            <li key={i} value={i + 1}>
              <Link to={docPath(c.docId, c, currentAddress())} className="ref-link">
                {sourceTitle(c)}
              </Link>
              {place && <span className="ref-span"> · {place}</span>}
              <span className="ref-text">：{quoteLine(c.text)}</span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
