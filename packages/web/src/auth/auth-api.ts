import { api } from '../api/api.js';
import { isApiError } from '../api/api-error.js';
import type { LabInfo, Locale, LoginAnswer, Me, TotpSetup } from '../api/types.js';

/** The logged-in user, or null when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/auth/me', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function fetchLab(): Promise<LabInfo> {
  return api.get<LabInfo>('/api/lab');
}

export function login(username: string, password: string): Promise<LoginAnswer> {
  return api.post<LoginAnswer>('/api/auth/login', { username, password });
}

export function submitTotp(ticket: string, code: string): Promise<LoginAnswer> {
  return api.post<LoginAnswer>('/api/auth/totp', { ticket, code });
}

export function logout(): Promise<void> {
  return api.post<undefined>('/api/auth/logout');
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<undefined>('/api/auth/password', { currentPassword, newPassword });
}

export function setupTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/api/auth/totp/setup');
}

export function enableTotp(code: string): Promise<void> {
  return api.post<undefined>('/api/auth/totp/enable', { code });
}

export function updatePreferences(locale: Locale): Promise<Me> {
  return api.patch<Me>('/api/auth/preferences', { locale });
}
