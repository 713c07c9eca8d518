"""Template helpers for the NL Design System form markup (Utrecht components)."""

from django import forms, template

register = template.Library()

WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


@register.simple_tag
def veld_invoer(field):
    """Render the widget with Utrecht classes and link its help text and errors for screen readers."""
    widget = field.field.widget
    classes = next((c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)), TEXTBOX)
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-uitleg")
    attrs = {}
    if field.errors:
        described_by.append(f"{field.auto_id}-fout")
        attrs["aria-invalid"] = "true"
        classes += " utrecht-textbox--invalid" if classes == TEXTBOX else ""
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    attrs["class"] = " ".join(filter(None, [widget.attrs.get("class", ""), classes]))
    return field.as_widget(attrs=attrs)


@register.filter
def bsn_gemaskeerd(value):
    """Only the last three digits of a BSN, for confirming identity on screen."""
    from vroeghulp.common.bsn import mask_bsn

    return mask_bsn(value or "")
