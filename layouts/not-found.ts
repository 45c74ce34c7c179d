import { basePage } from './base.ts';
import type { PageContext } from './context.ts';
import { escapeAttr, join } from './html.ts';

/**
 * The 404 page. It is served at whatever URL was missing, at any depth, so every link in it
 * (as everywhere) is prefix-absolute through `ctx.href`, never relative.
 */
export function notFoundPage(ctx: PageContext): string {
  const body = join([
    '<h1>Η σελίδα δεν βρέθηκε</h1>',
    '<p>Η διεύθυνση που ζητήσατε δεν υπάρχει στο αρχείο. Ίσως μετακινήθηκε ή γράφτηκε λάθος.</p>',
    `<p><a href="${escapeAttr(ctx.href('/'))}">Επιστροφή στην αρχική σελίδα</a></p>`,
  ]);
  return basePage({
    title: 'Η σελίδα δεν βρέθηκε',
    description: 'Η σελίδα που ζητήσατε δεν βρέθηκε.',
    body,
    ctx,
  });
}
