"""OpenFisca entities: a persoon belongs to one huishouden with a role.

Roles follow the calculation request (docs/interfaces.md section 3): aanvrager (exactly one), partner (at most one: the
toeslagpartner / echtgenoot), kind (a child living at home), medebewoner (another adult in the home).
"""

from openfisca_core.entities import build_entity

Persoon = build_entity(
    key="persoon",
    plural="personen",
    label="Persoon",
    doc="Een persoon in het huishouden.",
    is_person=True,
)

Huishouden = build_entity(
    key="huishouden",
    plural="huishoudens",
    label="Huishouden",
    doc="Aanvrager met partner, kinderen en medebewoners op één woonadres.",
    roles=[
        {"key": "aanvrager", "plural": "aanvragers", "label": "Aanvrager", "max": 1},
        {"key": "partner", "plural": "partners", "label": "Partner", "max": 1},
        {"key": "kind", "plural": "kinderen", "label": "Kind"},
        {"key": "medebewoner", "plural": "medebewoners", "label": "Medebewoner"},
    ],
)

entities = [Huishouden, Persoon]
