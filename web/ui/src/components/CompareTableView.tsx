import type { CompareTable, TableCell } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';

/**
 * Values with the citations the API paired them with. An older server without `items` gets its
 * cell's citations shown once after the values, never guessed onto one value.
 */
function CellBody(props: { cell: TableCell; index: CitationIndex }) {
  const items = props.cell.items;
  return (
    <>
      <ul className="cell-values">
        {(items ?? props.cell.values.map((value) => ({ value, citations: [] }))).map((v, i) => (
          <li key={i}>
            {v.value}
            <CitationBadges citations={v.citations} index={props.index} />
          </li>
        ))}
      </ul>
      {!items && <CitationBadges citations={props.cell.citations} index={props.index} />}
    </>
  );
}

/** Side by side: one column per organization or region, one row per dimension (机制/指标/负责人). */
export function CompareTableView(props: { table: CompareTable; index: CitationIndex }) {
  const { columns, rows } = props.table;
  return (
    <div className="table-wrap">
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col" className="dim">
              维度
            </th>
            {rows.map((row) => (
              <th scope="col" key={row.entity.id}>
                <Link to={entityPath(row.entity.id)}>{row.entity.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((column, c) => (
            <tr key={column}>
              <th scope="row" className="dim">
                {column}
              </th>
              {rows.map((row) => {
                const cell = row.cells[c];
                return (
                  <td key={row.entity.id}>
                    {!cell || cell.values.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <CellBody cell={cell} index={props.index} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
