import type { ApplicationEventView, ApplicationView } from '../api/views.js';
import {
  type ApplicationAction,
  type ApplicationStatus,
  applicationActionNames,
  applicationStatusNames,
} from './application-state.js';
import { reviewOfficeName, reviewStepName } from './routing.js';

/** A step taken, as the timeline shows it. */
export interface TimelineStep<E extends ApplicationEventView> {
  kind: 'done';
  event: E;
  /** 审核通过, 退回修改, 修改… */
  title: string;
  /** The status it led to, only where the title does not already say it (not 退回修改 → 退回修改). */
  status: string | null;
  /** The office of an official's step: 江苏省南京市江宁区. */
  office: string | null;
}

/** A step still to come; the first one is what the application waits for now, with its deadline. */
export interface TimelineNext {
  kind: 'next';
  title: string;
  current: boolean;
  dueAt: string | null;
}

export type TimelineItem<E extends ApplicationEventView> = TimelineStep<E> | TimelineNext;

type TimelineApplication = Pick<ApplicationView, 'status' | 'reviewSteps' | 'reviewLevelIndex' | 'dueAt'>;

const awaitingDecision: readonly ApplicationStatus[] = ['submitted', 'resubmitted', 'under_review'];

function titleOf(event: ApplicationEventView): string {
  if (event.action === 'create') return '创建申请';
  return applicationActionNames[event.action as ApplicationAction] ?? event.action;
}

/** Two entries that say the same: a run of saves is one 修改, a step sent twice is one step. */
function repeats(earlier: ApplicationEventView, later: ApplicationEventView): boolean {
  if (earlier.action !== later.action || earlier.toStatus !== later.toStatus) return false;
  if (later.action === 'edit') return true;
  return earlier.fromStatus === later.fromStatus && earlier.comment === later.comment;
}

/**
 * The application's history, oldest first and without repeated steps, followed by the steps still to
 * come: the step it waits for (with its 办理期限), the later review levels and the issuance.
 */
export function applicationTimeline<E extends ApplicationEventView>(
  events: readonly E[],
  app: TimelineApplication,
): TimelineItem<E>[] {
  const done: TimelineStep<E>[] = [];
  for (const event of events) {
    const last = done[done.length - 1];
    const title = titleOf(event);
    const statusName = applicationStatusNames[event.toStatus];
    const step: TimelineStep<E> = {
      kind: 'done',
      event,
      title,
      status: event.fromStatus === event.toStatus || title.startsWith(statusName) ? null : statusName,
      office:
        event.jurisdictionCode && event.reviewLevel
          ? reviewOfficeName(event.jurisdictionCode, event.reviewLevel)
          : null,
    };
    // The later of two repeats stays: a run of saves shows when the last one was made.
    if (last && repeats(last.event, event)) done[done.length - 1] = step;
    else done.push(step);
  }
  return [...done, ...nextSteps(app)];
}

function nextSteps(app: TimelineApplication): TimelineNext[] {
  const later = (title: string): TimelineNext => ({ kind: 'next', title, current: false, dueAt: null });
  const reviews = (from: number) => app.reviewSteps.slice(from).map((step) => later(`待${reviewStepName(step)}`));
  if (app.status === 'draft') return [{ ...later('待提交申请'), current: true }];
  if (app.status === 'returned') {
    return [{ ...later('待申请人修改后重新提交'), current: true }, ...reviews(0), later('签发通行证')];
  }
  if (!awaitingDecision.includes(app.status)) return [];
  const [now, ...rest] = reviews(app.reviewLevelIndex);
  return [...(now ? [{ ...now, current: true, dueAt: app.dueAt }] : []), ...rest, later('签发通行证')];
}
