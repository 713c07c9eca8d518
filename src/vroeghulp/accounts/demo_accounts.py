"""The user names of the demo accounts (public password 'demo'): the demo creates them, login
refuses them outside the demo, and production refuses to start while one is active."""

DEMO_USERNAMES = ("beheerder", "teamleider", "consulent", "analist", "huisarts")
