import type { EntityLink } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { sortMetricLinks } from '../util/metricOrder.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** HAS_METRIC links as a table in time order: indicator, value, period (only when some metric has one), source. */
export function MetricTable(props: { links: EntityLink[]; index: CitationIndex }) {
  if (props.links.length === 0) return null;
  const links = sortMetricLinks(props.links);
  const timed = links.some((l) => text(l.entity.props.period) || text(l.entity.props.year));
  return (
    <section className="card" aria-label="指标">
      <h2>
        指标<span className="count">{links.length}</span>
      </h2>
      <div className="table-wrap">
        <table className="metric-table">
          <thead>
            <tr>
              <th>指标</th>
              <th>数值</th>
              {timed && <th>时间</th>}
              <th>出处</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link, i) => {
              const p = link.entity.props;
              return (
                <tr key={`${link.entity.id}-${i}`}>
                  <td>
                    <Link to={entityPath(link.entity.id)}>{text(p.indicator) || link.entity.name}</Link>
                  </td>
                  <td className="num">{text(p.raw) || `${text(p.value)}${text(p.unit)}`}</td>
                  {timed && <td>{text(p.period) || (p.year ? `${text(p.year)}年` : '')}</td>}
                  <td>
                    <CitationBadges citations={link.evidence} index={props.index} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
