"""Building the demo municipality: own steps, then the extension STEPS, in one transaction."""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from vroeghulp.demo.context import DemoContext
from vroeghulp.demo.models import DemoDataset
from vroeghulp.gebieden.services import laad_utrecht
from vroeghulp.personen.models import Inwoner

SEED = 344
VERSIE = 4  # bump when the generator changes, so existing demo databases are rebuilt
EIGEN_STAPPEN = [
    "vroeghulp.demo.partners.vul",
    "vroeghulp.demo.accounts.vul",
    "vroeghulp.demo.huishoudens.vul",
]


class AndereDataset(Exception):
    """The database holds other data than the demo that was asked for.

    ``demo`` tells whether that data is another demo (safe to throw away) or not.
    """

    def __init__(self, melding: str, *, demo: bool):
        super().__init__(melding)
        self.demo = demo


@dataclass(frozen=True)
class Wens:
    huishoudens: int
    seed: int = SEED
    versie: int = VERSIE
    stappen: str = ""

    @classmethod
    def voor(cls, huishoudens: int) -> "Wens":
        from vroeghulp.demo.steps import STEPS

        return cls(huishoudens=huishoudens, stappen="\n".join(STEPS))

    def past_bij(self, dataset: DemoDataset) -> bool:
        return (dataset.huishoudens, dataset.seed, dataset.versie, dataset.stappen) == (
            self.huishoudens, self.seed, self.versie, self.stappen
        )


def bestaande_dataset() -> DemoDataset | None:
    return DemoDataset.objects.order_by("-pk").first()


def vul_demo(opties: dict, stdout) -> bool:
    """Fill the database with the demo; False when exactly this demo is there already.

    Raises AndereDataset when the database holds another demo or persons not made by the demo.
    """
    from vroeghulp.demo import accounts
    from vroeghulp.demo.steps import STEPS

    wens = Wens.voor(int(opties["huishoudens"]))
    bestaand = bestaande_dataset()
    if bestaand is not None:
        if wens.past_bij(bestaand):
            accounts.zorg_voor_logins()  # someone may have changed a demo password
            return False
        raise AndereDataset(
            _("Deze database bevat al een demo met %(n)d huishoudens (generator versie %(v)d).")
            % {"n": bestaand.huishoudens, "v": bestaand.versie},
            demo=True,
        )
    if Inwoner.objects.exists():
        raise AndereDataset(
            _("Deze database bevat al inwoners die niet door de demo zijn gemaakt."), demo=False
        )

    _snelle_sqlite()
    with transaction.atomic():
        ctx = DemoContext(opties=dict(opties), seed=wens.seed, gemeente=laad_utrecht(), stdout=stdout)
        ctx.meld(_("Gemeente Utrecht met 10 wijken, buurten en postcodes geladen."))
        for pad in EIGEN_STAPPEN + list(STEPS):
            import_string(pad)(ctx)
        DemoDataset.objects.create(
            huishoudens=wens.huishoudens, seed=wens.seed, versie=wens.versie, stappen=wens.stappen
        )
    return True


def _snelle_sqlite() -> None:
    """A demo database can be rebuilt, so SQLite need not wait for the disk on every commit."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
