import type { ReactNode } from 'react';
import { href } from '../router.js';

export function Link(props: { to: string; className?: string; title?: string; children: ReactNode }) {
  return (
    <a href={href(props.to)} className={props.className} title={props.title}>
      {props.children}
    </a>
  );
}
