/** SQL of critical-value calls (append-only: `critical_notification` refuses UPDATE and DELETE). */
import type { Queryable } from '../../db/database.js';
import type { CriticalNotificationView } from './results.schemas.js';

interface NotificationRow {
  id: string;
  result_id: string;
  result_version: number;
  called_person: string;
  called_at: Date;
  called_by: string;
  called_by_name: string;
  comment: string | null;
  recorded_at: Date;
}

function toView(row: NotificationRow): CriticalNotificationView {
  return {
    id: row.id,
    resultId: row.result_id,
    resultVersion: row.result_version,
    calledPerson: row.called_person,
    calledAt: row.called_at.toISOString(),
    calledBy: { id: row.called_by, name: row.called_by_name },
    comment: row.comment,
    recordedAt: row.recorded_at.toISOString(),
  };
}

export async function insertNotification(
  db: Queryable,
  input: {
    resultId: string;
    resultVersion: number;
    calledPerson: string;
    calledAt: string;
    calledBy: string;
    comment: string | null;
  }
): Promise<CriticalNotificationView> {
  const rows = await db.query<NotificationRow>(
    `WITH inserted AS (
       INSERT INTO critical_notification (result_id, result_version, called_person, called_at, called_by, comment)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING *
     )
     SELECT i.*, u.display_name AS called_by_name FROM inserted i JOIN app_user u ON u.id = i.called_by`,
    [input.resultId, input.resultVersion, input.calledPerson, input.calledAt, input.calledBy, input.comment]
  );
  return toView(rows[0] as NotificationRow);
}

/** Every call recorded for an order's results, oldest first. */
export async function notificationsForOrder(db: Queryable, orderId: string): Promise<CriticalNotificationView[]> {
  const rows = await db.query<NotificationRow>(
    `SELECT cn.*, u.display_name AS called_by_name
     FROM critical_notification cn
     JOIN result r ON r.id = cn.result_id
     JOIN app_user u ON u.id = cn.called_by
     WHERE r.order_id = $1
     ORDER BY cn.called_at, cn.recorded_at`,
    [orderId]
  );
  return rows.map(toView);
}
