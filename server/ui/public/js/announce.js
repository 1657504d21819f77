/** Status messages, read out by screen readers through the live regions in index.html. */
export function announce(message, { isError = false } = {}) {
  const polite = document.getElementById('status-message');
  const alert = document.getElementById('error-message');
  if (!polite || !alert) return;
  // Clearing first makes a repeated message be read again.
  (isError ? alert : polite).textContent = '';
  (isError ? polite : alert).textContent = '';
  requestAnimationFrame(() => {
    (isError ? alert : polite).textContent = message;
  });
}

export function announceError(error) {
  announce(error instanceof Error ? error.message : String(error), { isError: true });
}
