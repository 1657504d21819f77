import { announceError } from './announce.js';
import { api } from './api.js';

const OPEN_TASK_STATUSES = ['open', 'claimed', 'awaiting_second'];
const DECIDING_ROLES = ['reviewer', 'approver', 'admin'];

/**
 * Holds the task's lease while its document is on screen: claimed on opening, renewed halfway through the
 * lease, handed back on leaving without a decision (another screen, or closing the tab) so nobody waits for
 * it to lapse. Another person's lease leaves the screen read-only, with their name.
 */
export async function holdReviewTask(task, actor) {
  const hold = { isHeld: false, isDecided: false, timer: undefined, message: undefined };
  // The first approver cannot give the second approval, so there is nothing for them to claim.
  const isOwnSecond = task?.status === 'awaiting_second' && task.fourEyes?.firstApprover === actor.name;
  const isDecider = !!task && OPEN_TASK_STATUSES.includes(task.status) && DECIDING_ROLES.includes(actor.role);
  const claim = () => api('POST', `/api/review/${encodeURIComponent(task.id)}/claim`);
  const renewBefore = (leaseExpiresAt) => {
    const halfway = Math.max(5_000, (new Date(leaseExpiresAt ?? 0).getTime() - Date.now()) / 2);
    hold.timer = setTimeout(async () => {
      const renewed = await claim().catch(announceError);
      if (renewed) renewBefore(renewed.task.leaseExpiresAt);
    }, halfway);
  };
  const release = () => {
    if (!hold.isHeld || hold.isDecided) return;
    hold.isHeld = false;
    const path = `/api/review/${encodeURIComponent(task.id)}/release`;
    void fetch(path, { method: 'POST', credentials: 'same-origin', keepalive: true }).catch(() => undefined);
  };

  if (isDecider && !isOwnSecond) {
    try {
      Object.assign(task, (await claim()).task);
      hold.isHeld = true;
      renewBefore(task.leaseExpiresAt);
      window.addEventListener('pagehide', release);
    } catch (caught) {
      hold.message =
        caught.code === 'CONFLICT' ? `${caught.message} You can look, but not decide.` : caught.message;
    }
  }
  const isMine = !task?.claimedBy || task.claimedBy === actor.name;
  return {
    canDecide: isDecider && isMine && !isOwnSecond,
    message: hold.message,
    /** After a decision there is no lease left to give back. */
    markDecided() {
      hold.isDecided = true;
    },
    stop() {
      clearTimeout(hold.timer);
      window.removeEventListener('pagehide', release);
      release();
    },
  };
}
