import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { followLink } from './router.js';

/** An in-app link: a real <a href> (middle-click opens a tab) that navigates without reload. */
export function RouterLink({ href, children, ...props }: AnchorProps & { href: string; children: ReactNode }) {
  return (
    <Anchor href={href} onClick={followLink(href)} {...props}>
      {children}
    </Anchor>
  );
}
