/**
 * The admin page's script: each "Add as FAQ" form posts JSON with the session's CSRF token (a plain form post could
 * not carry the header), then the group says "Added". Texts from the server are set as textContent only.
 */
export const ADMIN_SCRIPT = `
const csrf = document.querySelector('meta[name="csrf-token"]').content;
for (const form of document.querySelectorAll('form.faq')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = form.querySelector('.error');
    error.textContent = '';
    const data = Object.fromEntries(new FormData(form));
    const res = await fetch('/agent/api/admin/faq', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(data),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) { error.textContent = body.error?.message ?? body.message ?? 'Could not add the entry (' + res.status + ').'; return; }
    const done = document.createElement('p');
    done.className = 'added';
    done.textContent = 'Added to the help centre (' + body.url + '): the assistant answers it from now on.';
    form.replaceWith(done);
  });
}
`;
