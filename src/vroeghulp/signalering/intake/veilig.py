"""Neutralise spreadsheet formulas when signal data leaves the system (export, download).

Values are stored as the partner sent them (as text; SQL is parameterised and templates escape
HTML). A value that starts with = + - @ (or a tab/carriage return) would run as a formula when
opened in Excel or LibreOffice (CSV/formula injection, OWASP); every export passes text through
``spreadsheet_veilig`` which puts a ' in front.
"""

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_veilig(waarde):
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde
