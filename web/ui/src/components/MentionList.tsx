import { quoteLine } from '../../../export/quoteText.js';
import type { Citation } from '../api/types.js';
import { currentAddress, docPath } from '../router.js';
import { placeLabel, sourceTitle, type CitationIndex } from '../util/citations.js';
import { Highlighted } from './Highlighted.js';
import { Link } from './Link.js';

/** Where the entity is mentioned: the cited text, its number and a link into the document. */
export function MentionList(props: { mentions: Citation[]; name: string; index: CitationIndex }) {
  if (props.mentions.length === 0) return null;
  return (
    <section className="card" aria-label="原文提及">
      <h2>
        原文提及<span className="count">{props.mentions.length}</span>
      </h2>
      <ul className="mentions">
        {props.mentions.map((m, i) => (
          <li key={i}>
            <Link to={docPath(m.docId, m, currentAddress())} className="cite">
              [{props.index.numberOf(m)}]
            </Link>{' '}
            <Highlighted text={quoteLine(m.text)} terms={[props.name]} />
            <span className="muted">
              {' '}
              ——《{sourceTitle(m)}》{placeLabel(m) ? ` ${placeLabel(m)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
