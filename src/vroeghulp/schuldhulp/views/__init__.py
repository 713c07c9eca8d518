"""Screens of schuldhulp, one module per part of the traject page (each with its ``urlpatterns``):

- ``trajecten``: the worklist, the traject page, starting, the steps and the checklist;
- ``schulden``: the debt overview, adding and importing debts;
- ``berichten``: messages to creditors, answers, reminders and the overdue list;
- ``stabilisatie``: budget, beslagvrije voet check, bailiff letter, collection pause;
- ``regeling``: the settlement offer, the proposal letters and the creditors' answers.
"""
