import { forwardRef } from 'react';
import { entityPath } from '../router.js';
import { typeLabel, TYPE_COLOR } from '../util/labels.js';
import type { Piece, Regions } from '../util/segments.js';
import { Link } from './Link.js';

function render(pieces: Piece[]) {
  return pieces.map((piece) => {
    if (piece.kind === 'anchor') return <span key={`a${piece.start}-${piece.id}`} id={piece.id} className="anchor" />;
    if (piece.kind === 'text') return <span key={`t${piece.start}`}>{piece.text}</span>;
    const { mention } = piece;
    return (
      <span key={`m${piece.start}`} className="mention" style={{ textDecorationColor: TYPE_COLOR[mention.entityType] ?? '#999' }}>
        <Link to={entityPath(mention.entityId)} title={`${typeLabel(mention.entityType)}：${mention.entityName}`}>
          {piece.text}
        </Link>
      </span>
    );
  });
}

/** The document as text nodes only (never parsed as HTML), the cited span in one <mark>. */
export const DocumentText = forwardRef<HTMLElement, { regions: Regions }>(function DocumentText(props, markRef) {
  const { before, cited, after } = props.regions;
  return (
    <div className="doc-text" lang="zh-CN">
      {render(before)}
      {cited && (
        <mark ref={markRef} className="cited" id="cited">
          {render(cited)}
        </mark>
      )}
      {render(after)}
    </div>
  );
});
