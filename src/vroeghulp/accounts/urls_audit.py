"""The audit trail's search screen, mounted under ``/audit/`` (``vroeghulp/urls.py``).

It lives in accounts, not in audit: it asks ``accounts.permissions`` who may search, and accounts
writes audit events, so the screen sits above both (no cycle between the two apps)."""

from django.urls import path

from vroeghulp.accounts import views_audit

app_name = "audit"
urlpatterns = [path("", views_audit.zoeken, name="zoeken")]
