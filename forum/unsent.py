"""A form that could not be saved shows back the words that were typed into it.

Two things stop a form on its way in: the sign-in ended while it was open (after
``FORUM_IDLE_MINUTES`` without use, or "Sign out of all devices"), or the page was opened
before the browser last signed in, so its CSRF token is out of date. Either way the post is
refused, and a redirect to the sign-in page used to throw away a note, a question list or a
draft paragraph typed over many minutes. Instead, the page says what happened and lists
what was typed, for the person to copy before they sign in again; with script on, the tab
keeps it and puts it back into the form once the account that opened the form has signed in
again there (``forum/static/js/unsent.js``; nothing is kept on the server).

Only free text is shown (a value with a space or a line break in it), never a password,
code or token, and always escaped by the template.
"""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request, url_for
from werkzeug.datastructures import MultiDict

# Field names whose values are never shown back, whatever they hold.
_SECRET_WORDS = ("password", "confirm", "current", "code", "token", "secret", "csrf")


def typed_text(form: MultiDict[str, str]) -> list[tuple[str, str]]:
    """(field name, text) for each free-text value of a posted form, in form order."""
    return [(name, value) for name, value in form.items(multi=True)
            if not any(word in name.lower() for word in _SECRET_WORDS)
            and (" " in value.strip() or "\n" in value.strip())]


def _form_page() -> str:
    """Where the form was: the page it was posted from, if on this site, else its address."""
    referrer = request.referrer or ""
    if referrer.startswith(request.host_url):
        return "/" + referrer[len(request.host_url):]
    return request.path


MESSAGES = {
    "signed_out": "Not saved: you were signed out. Your text is still here. Sign in again in "
                  "a new tab, then press \u201cSave draft\u201d.",
    "out_of_date": "Not saved: this page was opened before you last signed in. Press "
                   "\u201cSave draft\u201d to see what you typed.",
}


def not_sent_page(reason: str, status: int):
    """The page that says the form was not saved and lists what was typed.

    A background save (the draft's autosave asks for JSON) gets the reason as a message
    instead: the words are still on the page it saves from.
    """
    if request.accept_mimetypes.best == "application/json":
        return jsonify(saved=False, message=MESSAGES[reason]), status
    form_page = _form_page()
    return render_template("errors/not_sent.html", reason=reason,
                           typed=typed_text(request.form), again=form_page,
                           sign_in=url_for("auth.login", next=form_page)), status


def signed_out_post():
    """For a post from someone no longer signed in: the page, or None if nothing was typed."""
    if request.method != "POST" or not typed_text(request.form):
        return None
    return not_sent_page("signed_out", 401)


def init_app(app: Flask) -> None:
    from flask_wtf.csrf import CSRFError

    @app.errorhandler(CSRFError)
    def out_of_date(_error: CSRFError):
        return not_sent_page("out_of_date", 400)
