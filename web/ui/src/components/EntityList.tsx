import type { ReactNode } from 'react';
import type { Citation } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';
import { TypeTag } from './TypeTag.js';

export interface EntityListItem {
  id: string;
  name: string;
  type: string;
  level?: string;
  extra?: ReactNode;
  citations: Citation[];
}

/** A titled list of linked entities, each with a note and its citations. */
export function EntityList(props: { title: string; items: EntityListItem[]; index: CitationIndex; showType?: boolean }) {
  if (props.items.length === 0) return null;
  return (
    <section className="card" aria-label={props.title}>
      <h2>
        {props.title}
        <span className="count">{props.items.length}</span>
      </h2>
      <ul className="entity-list">
        {props.items.map((item, i) => (
          <li key={`${item.id}-${i}`}>
            <Link to={entityPath(item.id)} className="entity-name">
              {item.name}
            </Link>
            {props.showType && <TypeTag type={item.type} level={item.level} />}
            {item.extra && <span className="extra">{item.extra}</span>}
            <CitationBadges citations={item.citations} index={props.index} />
          </li>
        ))}
      </ul>
    </section>
  );
}
