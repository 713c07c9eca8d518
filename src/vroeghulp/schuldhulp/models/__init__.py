"""The tables of schuldhulp, one module per subject. Import from ``vroeghulp.schuldhulp.models``.

- ``traject``: the traject, its phases (append-only history), carried-over signals, checklist;
- ``schulden``: creditors (an address book shared by all trajecten) and the debts of a traject;
- ``berichten``: messages to creditors with their answer term, and the editable letter texts;
- ``stabilisatie``: the monthly budget, stored calculations (beslagvrije voet, vtlb), the
  collection pause (moratorium);
- ``regeling``: the settlement proposal sent to the creditors, one line per debt;
- ``tellingen``: anonymous counts of trajecten removed after their retention period.
"""

from vroeghulp.schuldhulp.models.traject import (  # noqa: F401
    Aanmeldingswijze, Bedreiging, Fase, OPLOSSINGSFASEN, OPEN_FASEN, Beschikkingssoort, Oplossingssoort, Uitstroomreden, Doorverwijzing, DeadlineSoort, Traject, Fasewijziging, MeegenomenSignaal, Wie, ChecklistItem, HistorieOnveranderlijk,
)
from vroeghulp.schuldhulp.models.schulden import (  # noqa: F401
    Schuldeisersoort, RIJKSINCASSO, Schuldeiser, Schuldstatus, Schuldbron, Schuld,
)
from vroeghulp.schuldhulp.models.berichten import (  # noqa: F401
    Berichtsoort, Kanaal, Reactie, Bericht, Berichtsjabloon,
)
from vroeghulp.schuldhulp.models.stabilisatie import (  # noqa: F401
    Postsoort, Budgetpost, Berekening, Moratoriumsoort, Moratorium,
)
from vroeghulp.schuldhulp.models.regeling import (  # noqa: F401
    Voorstelsoort, Voorstelstatus, Voorstel, Voorstelregel,
)
from vroeghulp.schuldhulp.models.tellingen import AnoniemeTrajecttelling  # noqa: F401
