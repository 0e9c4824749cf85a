import type { AdopterGroup } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';
import { TypeTag } from './TypeTag.js';

/** Every organization or place that adopted a mechanism, grouped by the region it is in. */
export function AdopterGroups(props: { groups: AdopterGroup[]; index: CitationIndex }) {
  const total = props.groups.reduce((n, g) => n + g.organizations.length, 0);
  return (
    <section className="card" aria-label="采用单位">
      <h2>
        采用单位（按地区）<span className="count">{total}</span>
      </h2>
      {total === 0 && <p className="muted">图谱中还没有采用该机制的单位。</p>}
      {props.groups.map((group, g) => (
        <div key={group.region?.id ?? `none-${g}`} className="adopter-group">
          <h3>
            {group.region ? (
              group.chain.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ' › '}
                  <Link to={entityPath(r.id)}>{r.name}</Link>
                </span>
              ))
            ) : (
              <span className="muted">未标明地区</span>
            )}
          </h3>
          <ul className="entity-list">
            {group.organizations.map((o) => (
              <li key={o.id}>
                <Link to={entityPath(o.id)} className="entity-name">
                  {o.name}
                </Link>
                <TypeTag type={o.type} level={o.level} />
                <CitationBadges citations={o.citations} index={props.index} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
