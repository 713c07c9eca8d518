"""Rules as code (OpenFisca): toeslagen, bijstandsnormen, beslagvrije voet, VTLB.

Plain Python: this package never imports Django. Everybody calls it through ``bereken``.
"""
