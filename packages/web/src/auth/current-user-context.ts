import { createContext, useContext } from 'react';
import type { Me, Permission } from '../api/types.js';

export const CurrentUserContext = createContext<Me | null>(null);

/** The logged-in user; only valid below the authentication gate. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (me === null) {
    throw new Error('useCurrentUser() used outside the authenticated app');
  }
  return me;
}

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function useHasPermission(permission: Permission): boolean {
  return hasPermission(useCurrentUser(), permission);
}
