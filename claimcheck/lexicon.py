"""Linguistic knowledge as data: units, hedges, bounds, number words, abbreviations.

Tables only — no logic lives here. ``tests/test_lexicon.py`` lints them (no
surface form mapped to two units, every scale points at a known unit, ...).
"""

from __future__ import annotations

# fmt: off

# Canonical unit -> surface forms (lowercase; plural and singular both listed).
UNIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "personnel": (
        "personnel", "troops", "troop", "soldiers", "soldier", "servicemen", "serviceman",
        "servicemembers", "service members", "military personnel", "staff", "marines",
        "paratroopers", "peacekeepers", "men", "crew members", "military advisers",
    ),
    "militants": ("militants", "militant", "jihadists", "insurgents", "rebels", "gunmen"),
    "people": ("people", "residents", "inhabitants", "civilians", "refugees", "migrants"),
    "km": ("km", "kilometers", "kilometer", "kilometres", "kilometre"),
    "m": ("m", "meters", "meter", "metres", "metre"),
    "mm": ("mm", "millimeters", "millimeter", "millimetres", "millimetre"),
    "miles": ("miles", "mile"),
    "hectares": ("hectares", "hectare", "ha"),
    "sq km": ("square kilometers", "square kilometres", "sq km", "km2"),
    "years": ("years", "year-long"),
    "months": ("months", "month"),
    "days": ("days", "day"),
    "usd": ("dollars", "dollar", "usd", "us dollars"),
    "eur": ("euros", "euro", "eur"),
    "rub": ("rubles", "roubles", "ruble", "rouble"),
    "percent": ("percent", "per cent", "%"),
    "aircraft": (
        "aircraft", "planes", "plane", "warplanes", "warplane", "airplanes", "fighters",
        "fighter", "fighter jets", "jets", "jet", "bombers", "bomber", "attack planes",
        "cargo planes", "transport planes", "transports",
    ),
    "helicopters": ("helicopters", "helicopter", "choppers", "gunships"),
    "drones": ("drones", "drone", "uavs", "uav"),
    "tanks": ("tanks", "tank"),
    "armored vehicles": (
        "armored vehicles", "armoured vehicles", "armored personnel carriers", "apcs",
        "infantry fighting vehicles",
    ),
    "launchers": ("launchers", "launcher", "rocket launchers", "missile launchers"),
    "missiles": ("missiles", "missile", "rockets"),
    "batteries": ("batteries", "battery"),
    "ships": ("ships", "ship", "vessels", "vessel", "warships", "boats"),
    "bases": ("bases", "military bases", "airbases", "air bases"),
    "sorties": ("sorties", "sortie", "flights"),
    "countries": (
        "countries", "country", "states", "member states", "member-states", "nations",
        "republics", "members", "member countries", "signatories", "nation", "republic",
        "member", "member-state", "member state",
    ),
    "tonnes": ("tonnes", "tonne", "tons", "ton", "metric tons"),
}

# Units that differ only in scale: unit -> (unit compared in, factor to it).
# Millimetres stay apart: in these texts they are calibres, never distances.
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "m": ("km", 0.001),
    "miles": ("km", 1.609344),
    "hectares": ("sq km", 0.01),
    "months": ("years", 1 / 12),
    "days": ("years", 1 / 365),
}

# Calendar units carry a date, not an amount: tolerance is absolute, not relative.
CALENDAR_UNITS = frozenset({"year"})

# "fighters" are aircraft after a model name ("Su-27 fighters") or "jet", people otherwise.
AMBIGUOUS_UNITS: dict[str, tuple[str, str]] = {"fighters": ("aircraft", "militants"),
                                                 "fighter": ("aircraft", "militants")}

# Units whose figures are "of" something the claim's other words name: a budget
# and a rent are both dollars, a founding and a treaty are both years, a runway
# and a distance are both lengths. A source's figure of these kinds must share
# a word of the claim's predicate.
PREDICATE_UNITS = frozenset({
    "usd", "eur", "rub", "percent", "year", "years", "months", "days", "km", "sq km",
})

# Measures relate two things ("20 km from Bishkek", "5 years until 2028"): a name
# after a measure is its other end, never its owner. Counts ("12 helicopters at
# Kant") belong to the place after them.
MEASURE_UNITS = frozenset({
    "km", "m", "mm", "miles", "hectares", "sq km", "years", "months", "days", "year",
    "percent", "tonnes",
})
# Lengths relate two places ("20 km from Bishkek"); an area lies at one ("5 hectares at Kant").
LENGTH_UNITS = frozenset({"km", "m", "mm", "miles"})

MONEY_UNITS = frozenset({"usd", "eur", "rub"})
# Things counted in whole numbers: "7.500 soldiers" can only be European thousands.
COUNT_UNITS = frozenset({
    "personnel", "militants", "people", "aircraft", "helicopters", "drones", "tanks",
    "armored vehicles", "launchers", "missiles", "batteries", "ships", "bases", "sorties",
    "countries",
})

# Scale words after a number: "1.2 million", "$50 billion".
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9,
    "bln": 1e9, "trillion": 1e12,
}

CURRENCY_SYMBOLS: dict[str, str] = {"$": "usd", "US$": "usd", "€": "eur", "₽": "rub"}

# Number words handed to text2num; "a dozen" and "... and a half" are read here.
NUMBER_WORDS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion",
})
SPECIAL_NUMBER_WORDS: dict[str, float] = {"dozen": 12}

# Hedge phrases before a number make it approximate.
HEDGES = (
    "about", "around", "some", "approximately", "roughly", "nearly", "almost",
    "an estimated", "estimated", "close to", "circa", "ca.", "approx.", "more or less",
    "an approximate", "some estimated",
)
# Hedge words this long are also recognised with one typo ("aout 20 kilometers").
HEDGE_TYPO_MIN_LENGTH = 5
# Words after a number that also hedge it: "500 or so", "500-odd".
TRAILING_HEDGES = ("or so", "odd", "-odd", "plus", "-plus")

# Bound phrases before a number; "over" is a bound, "some" is a hedge.
AT_LEAST = (
    "more than", "at least", "over", "exceeds", "exceeding", "exceeded", "in excess of",
    "upwards of", "no fewer than", "no less than", "not less than", "above",
    "a minimum of", "minimum of", "greater than", "surpassed", "topped",
)
AT_MOST = (
    "up to", "at most", "no more than", "not more than", "fewer than", "less than",
    "under", "below", "as many as", "a maximum of", "maximum of", "not exceeding",
    "as much as", "as high as",
)

# Words that make a passage deny a claim without a number. Cancelling an event
# denies that it took place ("the visit had been canceled").
NEGATIONS = (
    "no", "not", "never", "none", "nor", "without", "denied", "denies", "deny", "n't",
    "neither", "lacks", "lack", "cancelled", "canceled", "called off", "scrapped",
    "refuted", "rejected",
)

# British spellings folded to one form before matching, so "defence" finds "defense".
SPELLING_VARIANTS: dict[str, str] = {
    "defence": "defense", "organisation": "organization", "centre": "center",
    "armoured": "armored", "programme": "program", "kilometre": "kilometer",
    "kilometres": "kilometers", "metre": "meter", "metres": "meters",
    "motorised": "motorized", "airbase": "base", "air-base": "base",
}

# Verbs of the same event fold to one, so "formed in 1996" states "established in 1996".
EVENT_SYNONYMS: dict[str, str] = {
    "founded": "established", "formed": "established", "created": "established",
    "set": "established", "opened": "established", "inaugurated": "established",
    "found": "establish", "form": "establish", "create": "establish",
}

# Nationality adjectives fold onto their country, so "French troops" finds
# "France has cut its military presence".
DEMONYMS: dict[str, str] = {
    "russian": "russia", "russians": "russia", "french": "france", "tajik": "tajikistan",
    "tajiks": "tajikistan", "kyrgyz": "kyrgyzstan", "kazakh": "kazakhstan",
    "kazakhs": "kazakhstan", "uzbek": "uzbekistan", "uzbeks": "uzbekistan",
    "turkmen": "turkmenistan", "afghan": "afghanistan", "afghans": "afghanistan",
    "chinese": "china", "american": "u.s", "americans": "u.s", "british": "britain",
    "german": "germany", "armenian": "armenia", "azerbaijani": "azerbaijan",
    "belarusian": "belarus", "georgian": "georgia", "ukrainian": "ukraine",
    "syrian": "syria", "iranian": "iran", "pakistani": "pakistan", "indian": "india",
    "turkish": "turkey", "mongolian": "mongolia", "soviet": "ussr",
}

# Abbreviations whose final period does not end a sentence.
ABBREVIATIONS = frozenset({
    "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "mr", "mrs", "ms", "dr", "prof", "gen", "col",
    "lt", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig", "st", "mt", "ft", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "pp", "p", "fig", "approx", "ca", "est", "inc", "ltd", "co", "corp",
    "jr", "sr", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "sq", "gov", "rep", "sen",
    "pres", "dept", "univ", "ave", "blvd", "rd",
})
# "No. 5", "p. 4": abbreviations only before a number; "said no." ends a sentence.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "p", "pp", "fig", "vol"})
# After "U.S." a sentence continues unless the next word typically starts one.
SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "it", "he", "she", "they", "we", "this", "that", "these", "those",
    "in", "on", "at", "but", "and", "however", "meanwhile", "there", "its", "his", "her",
    "their", "our", "as", "after", "before", "when", "while", "if",
})

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month and day names are capitalised but name no place or body.
CALENDAR_WORDS = frozenset(MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

# Head nouns that name a kind of thing rather than a particular one: "the base"
# refers back to a subject named earlier; "Kant" alone names it.
GENERIC_HEADS = frozenset({
    "base", "airbase", "airfield", "airport", "station", "facility", "garrison", "division",
    "brigade", "regiment", "battalion", "force", "forces", "group", "organization",
    "organisation", "alliance", "treaty", "agreement", "accord", "pact", "deal", "system",
    "center", "centre", "ministry", "army", "navy", "fleet", "unit", "contingent",
    "mission", "plot", "border", "frontier", "exercise", "exercises", "program",
    "programme", "bridge", "road", "pipeline", "range", "deployment", "budget", "company",
    "city", "capital", "town", "port", "detachment", "presence", "lease", "visit",
})

# Words that describe a subject without naming it; never enough to find it.
GENERIC_WORDS = GENERIC_HEADS | {
    "air", "military", "naval", "joint", "regional", "national", "international",
    "federal", "new", "old", "main", "former", "local", "defence", "defense", "security",
    "collective", "motorized", "motorised", "rifle", "rapid", "reaction", "strategic",
    "combat", "armed", "russian-led", "u.s.-led", "foreign", "western", "eastern",
    "northern", "southern", "central", "nearby", "total", "land", "sea", "ground",
    "special", "state", "public", "current",
}

STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and",
    "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "its", "it", "this", "that", "these", "those", "as", "into", "than", "which", "who",
    "whom", "whose", "there", "their", "they", "will", "would", "can", "could", "should",
    "may", "might", "also", "such", "about", "some", "around", "up", "more", "most",
    "over", "under", "nearly", "almost", "roughly", "approximately", "estimated", "least",
    "says", "said", "say", "according", "reportedly", "now", "currently", "per", "each",
    "every", "all", "out", "while", "both", "only", "own", "other", "another", "s", "'s",
    "not", "no", "never", "does", "did", "do", "based", "located", "stationed", "hosts",
    "host", "hosted", "houses", "house", "home", "total", "totals", "between", "among",
    "against", "within", "including",
    "like", "via", "if", "then", "so", "just", "even", "still", "his", "her", "he", "she",
    "we", "our", "you", "your", "i", "me", "my", "them", "him",
})
# Words that begin a clause about what came just before: "the Kant base, which has ...".
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whose", "where"})

# Names of one thing, the first the one reports use most: a claim about the Islamic
# State finds "Daesh", and compare puts both in one fact. All-capital acronyms
# match only in capitals ("IS" would be the verb).
KNOWN_NAMES = (
    ("Islamic State", "Daesh", "ISIS", "ISIL"),
    ("Collective Security Treaty Organization", "CSTO"),
    ("Shanghai Cooperation Organization", "SCO"),
    ("Commonwealth of Independent States", "CIS"),
    ("North Atlantic Treaty Organization", "NATO"),
)

# Verbs that report what someone else states: "officials estimate that ...".
REPORTING_VERBS = frozenset({
    "say", "says", "said", "estimate", "estimates", "estimated", "report", "reports",
    "reported", "believe", "believes", "believed", "claim", "claims", "claimed", "think",
    "thinks", "thought", "note", "notes", "noted", "warn", "warns", "warned", "argue",
    "argues", "argued", "state", "states", "stated", "insist", "insists", "insisted",
})

# Words that end the subject of a claim sentence: the main verb.
CLAIM_VERBS = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "hosts", "host", "hosted", "houses",
    "housed", "comprises", "comprised", "includes", "included", "shares", "shared",
    "share", "numbers", "number", "numbered", "lies", "lay", "sits", "grants", "granted",
    "signed", "holds", "held", "counts", "counted", "employs", "spans", "covers",
    "contributes", "contributed", "deployed", "deploys", "established", "operates",
    "operated", "stations", "stationed", "keeps", "maintains", "received", "receives",
    "will", "would", "can", "could", "must", "remains", "remained", "reached", "reaches",
    "exceeds", "exceeded", "stands", "totals", "totalled", "totaled", "measures", "runs",
    "stretches", "extends", "does", "did", "do", "became", "becomes", "got", "gets",
    "sent", "sends", "borders", "bordered", "costs", "cost", "consists", "joined",
    "controls", "controlled", "plans", "planned", "ratified", "approved", "pays", "paid",
    "spends", "spent", "visited", "visits", "moved", "delivered", "offered", "began",
})

# fmt: on

# fmt: off
# Lines of web and document chrome that never state a fact: navigation, share
# buttons, subscription prompts, photo credits, author bios, legal notices.
# Matched against a whole passage, case-insensitively.
BOILERPLATE = (
    r"subscribe( now| to .*)?", r"sign (in|up)( .*)?", r"log ?in( or register)?", r".*log in or register.*",
    r"share( this( article| story)?)?( on .*)?", r"(icon-\w+\s*)+", r"accessibility links", r"breaking news",
    r"advertisement", r"newsfeed", r"chats?", r"loader", r"related( articles?| stories)?:?.*",
    r"read more.*", r"click (here|on the icon).*", r"to find out more,? click here\.?",
    r"get the latest .*", r"all news", r"world", r"\d+", r"follow us.*", r"comments?( \(\d+\))?",
    r"(this site|we) uses? cookies.*", r".*\bcookies?\b.*\b(accept|consent|policy)\b.*",
    r".*\ball rights reserved\b.*", r"(©|\(c\)|copyright)\s.*", r".*\bfile photo\b.*",
    r"(photo|image|picture)( by|:| credit).*", r".*\b\d+x\d+ image\b.*", r"to participate in the discussion",
    r"[\w .'-]+ is an? (senior |chief |staff |special |foreign |freelance )*"
    r"(correspondent|reporter|editor|journalist|writer|analyst) (for|at|with) .*",
    r".*\bhas been declared an? \"?undesirable organization\"?.*",
    r".*\byou could face fines or imprisonment\b.*", r"(terms of (use|service)|privacy policy).*",
    r".* - sputnik international", r"- ?sputnik international",
)
# fmt: on
