import { notifications } from '@mantine/notifications';
import { isApiError } from './api-error.js';

/** Shows an API error: its title is the server's message, already in the UI language. */
export function notifyError(error: unknown, fallbackTitle: string): void {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return;
  }
  const title = isApiError(error) ? error.title : fallbackTitle;
  const detail = isApiError(error) ? (error.detail ?? error.errors.map((issue) => issue.message).join(' · ')) : '';
  notifications.show({
    color: 'red',
    title,
    message: detail === '' ? (isApiError(error) ? error.code : String(error)) : detail,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** A problem found before calling the server (a field to fix), in the user's words. */
export function notifyWarning(message: string): void {
  notifications.show({ color: 'orange', message, autoClose: 6000 });
}
