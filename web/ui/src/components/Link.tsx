import type { MouseEvent, ReactNode } from 'react';
import { href, navigate } from '../router.js';

/** An in-app link: a real <a href> (open in new tab works), plain clicks go through the router. */
export function Link(props: { to: string; className?: string; title?: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={href(props.to)} className={props.className} title={props.title} onClick={onClick}>
      {props.children}
    </a>
  );
}
