"""Word pools and sentence templates for the claimcheck benchmark corpus.

Everything here is invented. `generate.py` combines these pools with a seeded
random generator; nothing in this module is random by itself.

Template placeholders: {S} subject mention, {V} value phrase (hedge, number and
unit word), {S1}/{V1}/{S2}/{V2}/{verb} for two-subject sentences, and context
fields {day} {date} {time} {person} {org} {city} {model} {outlet} {quote}.
"""

from __future__ import annotations


def _lines(text: str) -> tuple[str, ...]:
    """One entry per non-blank line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


def _words(text: str) -> tuple[str, ...]:
    """One entry per whitespace-separated word."""
    return tuple(text.split())


# The unit keys below are the `unit:` values written to claims.yaml.
COUNT_UNITS = frozenset({"aircraft", "helicopters", "tanks", "years"})

# How each unit may be spelled in prose; the first spelling is used in claims.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "personnel": ("personnel", "troops", "soldiers", "servicemen", "personnel"),
    "km": ("km", "km", "kilometers"),
    "hectares": ("hectares",),
    "aircraft": ("aircraft", "planes", "jets", "combat aircraft"),
    "helicopters": ("helicopters",),
    "tanks": ("tanks", "main battle tanks"),
    "years": ("years",),
    "usd": ("",),  # "$50 million" carries its own unit
    "year": ("",),  # calendar year: "established in 2003"
}

APPROX = ("about", "some", "nearly", "an estimated", "roughly", "around", "approximately")
AT_LEAST = ("more than", "at least", "over")
AT_MOST = ("up to", "no more than", "at most")
NUMBER_WORDS = _words("zero one two three four five six seven eight nine ten eleven twelve")

# Subject types: how many to invent and the value range of each unit they may carry.
SUBJECT_TYPES: dict[str, tuple[int, dict[str, tuple[int, int]]]] = {
    "air_base": (70, {"personnel": (300, 6000), "aircraft": (6, 80), "helicopters": (2, 30),
                      "hectares": (150, 4000), "km": (10, 400), "year": (1950, 2019),
                      "usd": (2_000_000, 900_000_000)}),
    "fort": (45, {"personnel": (400, 8000), "tanks": (10, 90), "hectares": (80, 2500),
                  "km": (5, 250), "year": (1950, 2015)}),
    "brigade": (60, {"personnel": (1500, 5000), "tanks": (20, 120), "helicopters": (2, 12),
                     "km": (5, 150), "year": (1990, 2021)}),
    "city": (80, {"km": (8, 600), "usd": (500_000, 2_500_000_000), "personnel": (200, 9000)}),
    "naval_base": (30, {"personnel": (400, 5000), "helicopters": (2, 24), "hectares": (100, 3000),
                        "years": (5, 70), "year": (1950, 2015), "usd": (5_000_000, 1_500_000_000)}),
    "training_ground": (30, {"hectares": (1000, 25000), "km": (10, 300), "tanks": (5, 60),
                             "year": (1955, 2018)}),
    "organisation": (60, {"personnel": (40, 3000), "usd": (500_000, 3_000_000_000),
                          "years": (3, 60), "year": (1960, 2018)}),
}  # fmt: skip

NAME_HEADS = _words(
    "Za Vel Kor Tar Bri Mol Dru Ost Ner Kal Vor Sel Ham Ird Lup Mar Pol Ruv Sto Tev Ulm Yar "
    "Zor Bel Gar Kes Lor Nov Pra Ros Dal Fen Griv Hal Jes Mir"
)
NAME_MIDS = ("", "", "", "", "o", "a", "ri", "lo", "va", "ne")
NAME_TAILS = _words(
    "rek mar ova vin ansk ovo del ara ith grad esk ora lav ich eno bul var mis tsk pol dorf hev"
)
BRIGADE_TYPES = _lines("""
    Motorized Rifle
    Guards Tank
    Air Assault
    Mechanized
    Artillery
    Marine
    Mountain
    Territorial Defence
    Engineer
    Airborne
""")
ORG_ADJECTIVES = _words(
    "Northern Southern Eastern Western Central Joint National Regional Coastal Federal Allied "
    "Strategic Territorial Frontier Unified"
)
ORG_FIELDS = (
    "Air Defence",
    *_words(
        "Logistics Border Engineering Intelligence Reconstruction Maritime Signals Medical "
        "Procurement Cyber Reserve Mobility Training Supply"
    ),
)
ORG_BODIES = _words("Command Agency Directorate Authority Service Group Bureau Office")

FIRST_NAMES = _words(
    "Anna Mikel Irina Tomas Lena Pavel Sara Jonas Dina Viktor Elena Marek Olga Petra Ivan "
    "Nadia Stefan Katya Luca Maya"
)
LAST_NAMES = _words(
    "Kovar Delmas Strand Orlik Vance Morrow Halden Brisk Tamm Novak Reyes Lindqvist Petrov "
    "Sandor Kerr Abadi Moreau Falk Ilves Dunmore"
)
OUTLETS = _lines("""
    Meridian Wire
    Northern Ledger
    Baltic Courier
    Frontier Post
    Continental Herald
    Eastern Observer
    Harbor Times
    Atlas News Service
""")
MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

FACT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "personnel": _lines("""
        {S} hosts {V}.
        {S} is home to {V}, according to local officials.
        Officials said {V} are stationed at {S}.
        {S} now counts {V}, a spokesperson confirmed.
        According to a recent estimate, {S} has {V}.
    """),
    "aircraft": _lines("""
        {S} houses {V}.
        Satellite imagery shows {V} parked at {S}.
        {V} are based at {S}, analysts say.
    """),
    "helicopters": _lines("""
        {S} operates {V}.
        {V} fly from {S} on rotation.
        Analysts believe {S} maintains {V}.
    """),
    "tanks": _lines("""
        {S} fields {V}.
        {S} has {V} in service, many of them older T-72 models.
        Analysts count {V} at {S}.
    """),
    "km": _lines("""
        {S} lies {V} from the border.
        {S} sits {V} from the front line.
        The distance between {S} and the front line is {V}.
    """),
    "hectares": _lines("""
        {S} covers {V}.
        {S} sprawls over {V} of land.
        The perimeter fence of {S} encloses {V}.
    """),
    "usd": _lines("""
        {S} received {V} in funding this year.
        {S} has an annual budget of {V}.
        Officials approved an upgrade of {S} worth {V}.
    """),
    "years": _lines("""
        {S} has operated for {V}.
        {S} has been in service for {V}.
    """),
    "year": _lines("""
        {S} was established in {V}.
        {S}, founded in {V}, remains a key site.
        {S} was formed in {V}.
    """),
}
# The canonical wording used for the `claim:` text of claims.yaml.
CLAIM_TEMPLATES: dict[str, str] = {unit: tpls[0] for unit, tpls in FACT_TEMPLATES.items()}

# Units that read naturally in "X has A, while Y has B" sentences, with their verbs.
PAIR_VERBS: dict[str, str] = {
    "personnel": "hosts",
    "aircraft": "houses",
    "helicopters": "operates",
    "tanks": "fields",
    "hectares": "covers",
    "usd": "has a budget of",
}
PAIR_TEMPLATES = _lines("""
    {S1} {verb} {V1}, while {S2} {verb} {V2}.
    {S1} {verb} {V1}, compared with {V2} at {S2}.
""")

# Sentences with digits that are not quantities (model names, ordinals, dates, times).
TRAP_TEMPLATES = _lines("""
    Su-25 ground-attack jets were spotted near {S} on {day}.
    An Il-76 transport landed at {S} early on {day}, witnesses said.
    Crews unloaded Mi-8 helicopters at {S} on {date}.
    An S-400 air defence battery has been deployed near {S}.
    A column of T-72 tanks and BMP-2 fighting vehicles moved toward {S} at {time}.
    Units of the 201st Division were seen near {S} on {date}.
    Since 2022, activity around {S} has increased steadily.
    Footage posted on {day} appeared to show a {model} near {S}.
    Route M-04 near {S} was closed for 48 hours.
    A Ka-52 attack helicopter and two Mi-24 gunships were photographed over {city}.
    The S-300 site outside {city} was reportedly relocated in 2021.
""")
MODELS = _lines("""
    Su-34 bomber
    Su-35 fighter
    Tor-M2 launcher
    Pantsir-S1 system
    BTR-82 carrier
    T-90 tank
    Mi-28 helicopter
    Tu-22M3 bomber
""")

FILLER_TEMPLATES = _lines("""
    The situation around {S} remained tense on {day}, residents said.
    Officials at {S} declined to comment on the report.
    The ministry did not respond to a request for comment.
    Analysts cautioned that the figures could not be independently verified.
    Local media reported heavy traffic on roads leading to {S}.
    The move is part of a broader reorganisation announced last year.
    Diplomats described the talks as constructive but inconclusive.
    Residents of {city} reported hearing explosions overnight.
    Fuel prices in the region rose 12 percent last month.
    The report was compiled from satellite images and open-source data.
    Weather conditions have hampered operations in recent weeks.
    Critics say the spending lacks transparency.
    {person} told reporters that further announcements would follow.
    It was not immediately clear how long the deployment would last.
    The announcement came after weeks of speculation in {city}.
    Independent observers have not been granted access to {S}.
    Satellite images from {date} show new construction at {S}.
    Previous reports about {S} have proved difficult to confirm.
    The {org} said it was reviewing the findings.
    Opposition lawmakers demanded a parliamentary inquiry.
    Several roads near {city} remain closed to civilian traffic.
    The figures are in line with earlier assessments by Western analysts.
""")
QUOTES = _lines("""
    We are monitoring the situation closely
    There is no cause for alarm
    Our priority is the safety of civilians
    These reports are exaggerated
    The deployment is purely defensive
    We will not comment on operational details
    Every unit is operating according to plan
""")
QUOTE_TEMPLATES = _lines("""
    "{quote}," said {person}, a spokesperson for the {org}.
    "{quote}," {person} told the {outlet} on {day}.
""")
HEADLINES = _lines("""
    {S} expands as regional tensions rise
    New satellite images show activity at {S}
    Officials confirm changes at {S}
    {S}: what we know so far
    Inside {S}, a strategic hub under pressure
    Questions mount over {S} in {city}
    Report details build-up around {S}
""")
BOILERPLATE = _lines("""
    Share this article
    Advertisement
    Subscribe to our newsletter for daily updates.
    Follow us on Telegram and X.
    Related coverage
    Click here to subscribe
    Read more: Regional security briefing
""")
