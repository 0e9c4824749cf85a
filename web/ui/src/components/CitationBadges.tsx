import type { Citation } from '../api/types.js';
import { docPath } from '../router.js';
import { fileName, type CitationIndex } from '../util/citations.js';
import { Link } from './Link.js';

/** [1][2]: each badge opens the document viewer at the cited span. */
export function CitationBadges(props: { citations: Citation[]; index: CitationIndex }) {
  if (props.citations.length === 0) return null;
  return (
    <span className="cites">
      {props.citations.map((c) => {
        const n = props.index.numberOf(c);
        return (
          <Link key={`${n}`} to={docPath(c.docId, c)} className="cite" title={`${fileName(c.file)}：${c.text}`}>
            [{n}]
          </Link>
        );
      })}
    </span>
  );
}
