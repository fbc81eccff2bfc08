import { z } from '../zod.js';
import { isoInstant, pageSchema } from './views.js';

/**
 * What a notification tells its reader about. Applicants hear of their applications and passes;
 * officials of their queue (a digest), overdue applications and suspected clones.
 */
export const NotificationEvent = {
  ApplicationReturned: 'application.returned',
  ApplicationRejected: 'application.rejected',
  PassIssued: 'pass.issued',
  PassRevoked: 'pass.revoked',
  PassSuperseded: 'pass.superseded',
  PassExpiring: 'pass.expiring',
  QueueNew: 'queue.new',
  ApplicationOverdue: 'application.overdue',
  CloneAlert: 'pass.clone_alert',
} as const;
export type NotificationEvent = (typeof NotificationEvent)[keyof typeof NotificationEvent];

export const notificationViewSchema = z
  .strictObject({
    id: z.string().meta({ format: 'uuid' }),
    event: z.enum(NotificationEvent),
    title: z.string(),
    body: z.string(),
    /** A mini-program page to open, e.g. `/packages/fleet/application-detail/index?id=…`. */
    link: z.string().nullable(),
    read: z.boolean(),
    createdAt: isoInstant,
  })
  .meta({ id: 'NotificationView' });
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationPageSchema = pageSchema(notificationViewSchema).meta({ id: 'NotificationPage' });

export const unreadCountSchema = z.strictObject({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** The WeChat subscribe-message templates the signed-in role may be asked to accept (at most 3 per ask). */
export const subscribeTemplatesSchema = z
  .strictObject({ templateIds: z.array(z.string()).max(3) })
  .meta({ id: 'SubscribeTemplates' });
export type SubscribeTemplates = z.infer<typeof subscribeTemplatesSchema>;
