"""Name lists for synthetic persons: common names in Utrecht, combined at random (no real persons).

Groups reflect the city's mix; ``focus`` areas draw more often from the non-Dutch groups, as
in Overvecht. Each group: (male first names, female first names, surnames).
"""

NL = (
    ["Daan", "Sem", "Lucas", "Finn", "Levi", "Bram", "Thomas", "Jesse", "Ruben", "Tim", "Lars",
     "Jan", "Peter", "Kees", "Henk", "Willem", "Gerrit", "Johan", "Mark", "Erik", "Sander", "Bas",
     "Joost", "Niels", "Wouter", "Jeroen", "Pieter", "Stijn", "Koen", "Thijs"],
    ["Emma", "Julia", "Sophie", "Tess", "Anna", "Sara", "Fleur", "Lotte", "Eva", "Noor", "Lisa",
     "Maria", "Johanna", "Ans", "Ria", "Wilma", "Ingrid", "Marieke", "Sanne", "Anouk", "Femke",
     "Esther", "Linda", "Petra", "Karin", "Iris", "Mirjam", "Nienke", "Roos", "Ilse"],
    ["Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
     "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
     "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
     "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
     "de Bruijn", "de Jong", "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas",
     "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers",
     "van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk",
     "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker",
     "van Loon", "Boer", "van der Velde", "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch",
     "van Doorn", "Evers", "Wijnands", "Stam", "van Rijn", "Vonk", "van Wijngaarden"],
)
MA = (
    ["Mohamed", "Yassin", "Adam", "Ayoub", "Bilal", "Hamza", "Karim", "Mustafa", "Said", "Youssef",
     "Rachid", "Khalid", "Anouar", "Ilias", "Zakaria"],
    ["Fatima", "Khadija", "Nora", "Salma", "Yasmina", "Imane", "Hafsa", "Malika", "Naima", "Samira",
     "Loubna", "Aicha", "Houda", "Sanae", "Ikram"],
    ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Azzouzi", "El Khattabi", "Boukhari",
     "Tahiri", "Amrani", "El Hadi", "Chaoui", "Bennani", "Ait Said", "Ziani", "El Ouardi"],
)
TR = (
    ["Mehmet", "Emre", "Burak", "Murat", "Hakan", "Kerem", "Yusuf", "Can", "Ahmet", "Ömer"],
    ["Elif", "Zeynep", "Ayşe", "Emine", "Büşra", "Merve", "Esra", "Fatma", "Hatice", "Derya"],
    ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
     "Koç", "Kurt"],
)
SR = (
    ["Rudy", "Glenn", "Ricardo", "Romano", "Dwight", "Marlon", "Sharif", "Navin", "Ravi", "Jermaine"],
    ["Shanti", "Sharda", "Chantal", "Priscilla", "Jennifer", "Sabitri", "Denise", "Rosita", "Ashanti", "Melissa"],
    ["Sital", "Ramdin", "Kartosen", "Pinas", "Zeefuik", "Biharie", "Doelwijt", "Wijngaarde", "Ramsaran",
     "Sedney", "Kromodimedjo", "Jaglal"],
)
OVERIG = (
    ["Piotr", "Tomasz", "Ahmad", "Omar", "Abdi", "Tesfay", "Andrei", "Luca", "Diego", "Wei", "Ali", "Samir"],
    ["Agnieszka", "Katarzyna", "Amina", "Hana", "Maryam", "Selam", "Elena", "Giulia", "Lucía", "Mei", "Layla", "Noor"],
    ["Kowalski", "Nowak", "Al-Hassan", "Haddad", "Warsame", "Gebremedhin", "Popescu", "Rossi", "García",
     "Chen", "Hussaini", "Nasser", "Wiśniewski", "Mahmoud"],
)

GROEPEN = (NL, MA, TR, SR, OVERIG)
# Chance of each group per household: city-wide and in a focus area.
KANS_GROEP = (0.70, 0.09, 0.06, 0.05, 0.10)
KANS_GROEP_FOCUS = (0.40, 0.25, 0.13, 0.07, 0.15)


def splits_achternaam(volledig: str) -> tuple[str, str]:
    """'van den Berg' -> ('van den', 'Berg'): the voorvoegsel is kept apart, as in the BRP."""
    delen = volledig.split(" ")
    voorvoegsels = {"van", "de", "den", "der", "het", "ten", "ter", "'t"}
    i = 0
    while i < len(delen) - 1 and delen[i] in voorvoegsels:
        i += 1
    return " ".join(delen[:i]), " ".join(delen[i:])
