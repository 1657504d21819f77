import { h, kbd } from './dom.js';

/**
 * The two buttons of a person's decision on what an agent proposed: the primary one under A (Approve, Accept)
 * and Dismiss under D, as `[primary, dismiss]`. Each passes its decision to `decide`; the caller hides them once
 * the decision is made.
 */
export function createDecisionButtons(label, decision, decide) {
  const primaryButton = h(
    'button',
    { type: 'button', class: 'primary', 'aria-keyshortcuts': 'A', onclick: () => void decide(decision) },
    `${label} `,
    kbd('A'),
  );
  const dismissButton = h(
    'button',
    { type: 'button', 'aria-keyshortcuts': 'D', onclick: () => void decide('dismiss') },
    'Dismiss ',
    kbd('D'),
  );
  return [primaryButton, dismissButton];
}
