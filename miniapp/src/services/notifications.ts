import type { NotificationView, Page, SubscribeTemplates, UnreadCount } from '@pass/shared';
import { request } from './request';
import { withQuery } from './routes';

/** The signed-in account's message centre (every role has one). */
export const notificationsApi = {
  list: (cursor?: string) => request<Page<NotificationView>>(withQuery('/notifications', { cursor })),
  unreadCount: () => request<UnreadCount>('/notifications/unread-count'),
  markRead: (id: string) => request<NotificationView>(`/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => request<UnreadCount>('/notifications/read-all', { method: 'POST' }),
  subscribeTemplates: () => request<SubscribeTemplates>('/notifications/subscribe-templates'),
};
