/* When "Sign out" warns first, and what it says, on this tablet: one rule and one wording for
 * the researcher page's "Sign out" (home.js) and the staff pages' header (staff-sign-out.js).
 * No imports: a staff page loads this only once its "Sign out" is pressed. */

/* A response refused (it never sends by itself) or still waiting to send: signing out now
 * means one the server refuses later can be put right only after signing in again. */
export function mustWarn(summary) {
  return !!summary && (summary.failed > 0 || summary.waiting > 0);
}

/* The warning, for summary {failed, waiting}; fixWhere says where a refused one is put right
 * ("from the list above" on the researcher page). */
export function warning(summary, fixWhere) {
  const failed = summary.failed, waiting = summary.waiting;
  if (failed) {
    return (failed === 1 ? "1 response the server did not take is"
      : failed + " responses the server did not take are") + " still on this tablet. " +
      "Put " + (failed === 1 ? "it" : "them") + " right " + fixWhere + ", or save a copy " +
      "for staff, before you sign out: once signed out, you need to sign in again to do it.";
  }
  return (waiting === 1 ? "1 response is" : waiting + " responses are") +
    " still waiting to send. Send " + (waiting === 1 ? "it" : "them") + " now, before you " +
    "sign out. If you sign out anyway, " + (waiting === 1 ? "it stays" : "they stay") +
    " on this tablet, which sends " + (waiting === 1 ? "it" : "them") + " by itself " +
    "later, but if the server does not take " + (waiting === 1 ? "it" : "one") +
    ", you need to sign in again to put it right.";
}

export function sendLabel(waiting) { return waiting === 1 ? "Send it now" : "Send them now"; }

export const NOTHING_WAITING = "Nothing is waiting to send, so you can sign out now. The survey " +
  "keeps working on this tablet without internet.";
