"""Linguistic knowledge as data: units, hedges, bounds, number words, abbreviations.

Tables only — no logic lives here. ``tests/test_lexicon.py`` lints them (no
surface form mapped to two units, every scale points at a known unit, ...).
"""

from __future__ import annotations

# fmt: off

# Units live in ``units`` as records; these tables say how words around them behave.

# "fighters" are aircraft after a model name ("Su-27 fighters") or "jet", people otherwise.
AMBIGUOUS_UNITS: dict[str, tuple[str, str]] = {"fighters": ("aircraft", "militants"),
                                                 "fighter": ("aircraft", "militants")}

# Scale words after a number: "1.2 million", "$50 billion".
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9,
    "bln": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
    "crores": 1e7,
}
# Scale letters written onto a number: "$34bn", "£5m", "34bn". After a currency sign "m" is
# a million and "b" or "k" a billion or thousand; without one, "20m" is metres.
ATTACHED_SCALES: dict[str, float] = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12}
CURRENCY_ATTACHED_SCALES: dict[str, float] = {"m": 1e6, "b": 1e9, "k": 1e3}

# What a rate is for each of ("$50 million a year", "$95 per share"), as one word. A sports
# season is a year: "€75m a season" is the yearly pay.
RATES: dict[str, str] = {
    "year": "year", "annum": "year", "season": "year", "month": "month", "week": "week",
    "day": "day", "hour": "hour", "minute": "minute", "second": "second", "share": "share",
    "person": "person", "head": "person", "capita": "person", "barrel": "barrel", "tonne": "tonne",
    "ton": "tonne", "game": "game", "match": "game",
}
RATE_ADVERBS: dict[str, str] = {
    "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
    "hourly": "hour",
}

# Time zones a clock time may name: a time in one never meets a time in another.
TIME_ZONES: dict[str, str] = {
    "gmt": "utc", "utc": "utc", "local time": "local", "local": "local", "est": "est", "edt": "edt",
    "cst": "cst", "cdt": "cdt", "pst": "pst", "pdt": "pdt", "bst": "bst", "cet": "cet",
    "cest": "cest", "eet": "eet", "eest": "eest", "ist": "ist", "jst": "jst",
}
# Words after a number that are not the noun it counts: adverbs and function words
# ("205 seriously", "2,946 so far", "12 when"), and the prepositions STOPWORDS leaves out,
# before which a counted noun ends ("15,000 jobs across the company", "1.2 million customers
# without power", "320,000 spectators along the Seine").
NOT_COUNTED_NOUNS = frozenset({
    "when", "after", "before", "since", "until", "ago", "later", "earlier", "each", "apiece",
    "alone", "already", "respectively", "instead", "overall", "altogether", "today",
    "yesterday", "tonight", "last", "next", "this", "per", "percent", "plus", "odd", "more",
    "less", "fewer", "or", "so", "far", "yet", "again", "then", "there", "here", "aboard",
    "onboard", "ashore", "abroad", "away", "back", "down", "up", "out", "off", "local",
    "across", "along", "alongside", "amid", "amidst", "behind", "beyond", "despite", "during",
    "near", "onto", "through", "throughout", "toward", "towards", "unlike", "upon", "without",
    "short", "shy", "ahead",
})


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
# Phrases that hold a negation word but deny nothing: "not only ... but also", "But not before all
# 367 passengers and 12 crew were evacuated", "no fewer than" (a bound). Rule negation-idiom.
NEGATION_IDIOMS = (
    "not only", "not just", "not before", "not least", "no doubt", "no fewer than", "no less than",
    "no more than",
)

# Words whose dictionary form in news differs from the lemmatiser's first guess:
# "claimed 2,000 lives" (life, not live), "2,000 missing" (missing, not miss), "won 412 seats".
LEMMA_OVERRIDES: dict[str, str] = {
    "lives": "life", "missing": "missing", "won": "win", "left": "leave", "dead": "dead",
    "wounded": "wounded", "injured": "injured", "people": "people", "data": "data",
}

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

# Words that open a sentence before its subject, capitalised there but naming nothing:
# "Shortly before 1:30 a.m., the container ship ...".
OPENING_WORDS = frozenset({
    "shortly", "earlier", "later", "soon", "since", "following", "despite", "during", "until",
    "just", "only", "still", "now", "today", "yesterday", "tonight", "overnight", "previously",
    "initially", "finally", "officially", "reportedly", "currently", "recently", "already",
    "also", "even", "nearly", "almost", "around", "about", "some", "more", "over", "under",
    "last", "late", "early", "according", "meanwhile", "however", "moreover", "instead",
})  # fmt: skip

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
# Head nouns that name one thing in news copy, each a word for the others: "the quake"
# after "the earthquake", "the vessel" after "the ship", "the takeover" after "the deal".
HEAD_SYNONYMS = (
    frozenset({"agreement", "accord", "pact", "treaty", "document", "bill"}),
    frozenset({"base", "airbase", "airfield", "facility", "garrison", "station"}),
    frozenset({"force", "forces", "contingent", "unit", "group"}),
    frozenset({"organization", "alliance", "bloc"}),
    frozenset({"earthquake", "quake", "tremor", "temblor"}),
    frozenset({"ship", "vessel", "freighter", "containership"}),
    frozenset({"plane", "aircraft", "jet", "airliner", "airplane", "jetliner"}),
    frozenset({"deal", "acquisition", "takeover", "merger", "purchase", "transaction", "buyout"}),
    frozenset({"club", "team", "side"}),
    frozenset({"epicentre", "epicenter"}),
    frozenset({"plan", "programme", "program", "scheme"}),
    frozenset({"city", "town"}),
)

GENERIC_HEADS = frozenset({
    "base", "airbase", "airfield", "airport", "station", "facility", "garrison", "division",
    "brigade", "regiment", "battalion", "force", "forces", "group", "organization",
    "organisation", "alliance", "treaty", "agreement", "accord", "pact", "deal", "system",
    "center", "centre", "ministry", "army", "navy", "fleet", "unit", "contingent",
    "mission", "plot", "border", "frontier", "exercise", "exercises", "program",
    "programme", "bridge", "road", "pipeline", "range", "deployment", "budget", "company",
    "city", "capital", "town", "port", "detachment", "presence", "lease", "visit", "contract",
    "dam", "channel", "span", "league",
}) | frozenset().union(*HEAD_SYNONYMS)

# Words that describe a subject without naming it; never enough to find it.
GENERIC_WORDS = GENERIC_HEADS | {
    "air", "military", "naval", "joint", "regional", "national", "international",
    "federal", "new", "old", "main", "former", "local", "defence", "defense", "security",
    "collective", "motorized", "motorised", "rifle", "rapid", "reaction", "strategic",
    "combat", "armed", "russian-led", "u.s.-led", "foreign", "western", "eastern",
    "northern", "southern", "central", "nearby", "total", "land", "sea", "ground",
    "special", "state", "public", "current",
    # A company's legal form: "Activision Blizzard Inc." is Activision Blizzard.
    "inc", "corp", "corporation", "ltd", "limited", "plc", "llc", "co", "gmbh", "ag", "sa",
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
    "struck", "strikes", "strike", "hit", "hits", "won", "wins", "lost", "loses", "took", "takes",
    "made", "makes", "gave", "gives", "rose", "rises", "fell", "falls", "sold", "sells", "bought",
    "buys", "built", "builds", "left", "leaves", "brought", "brings", "ran", "led",
    "leads", "grew", "grows", "drew", "flew", "sank", "shook", "sees", "stood", "earns",
    "kills", "injures", "lasts", "lasted", "carries", "carried", "employed", "employ", "agreed",
    "agrees", "expects", "expected", "depend", "depends", "declared", "measured", "stepped",
    "accepted", "signs", "opens", "opened", "closed", "closes", "completed",
    "completes", "collapsed", "reopened", "blocked", "committed", "commits",
    "crowned", "caused", "causes", "topped", "weighs", "weigh",
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
    r"(terms of (use|service)|privacy policy).*", r"skip to (the )?(main )?content",
)
# fmt: on

# Superlatives that rank a thing, each group one sense: "the largest bank failure" ranks first,
# "the third-biggest gaming company" third (rule rank).
SUPERLATIVES: tuple[frozenset[str], ...] = (
    frozenset({"largest", "biggest", "greatest"}),
    frozenset({"smallest"}),
    frozenset({"highest", "tallest"}),
    frozenset({"lowest"}),
    frozenset({"deadliest", "worst"}),
    frozenset({"strongest", "most powerful"}),
    frozenset({"longest"}),
    frozenset({"richest", "wealthiest"}),
    frozenset({"costliest", "most expensive"}),
    frozenset({"busiest"}),
    frozenset({"fastest"}),
    frozenset({"oldest"}),
)
ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10,
}  # fmt: skip

# English verbs' irregular past forms (a closed class): a plain claim's subject ends at one
# ("The door plug blew out on January 5").
IRREGULAR_PAST = frozenset({
    "arose", "ate", "became", "began", "bent", "bled", "blew", "bore", "bought",
    "bred", "broke", "brought", "built", "burnt", "burst", "came", "cast", "caught", "chose",
    "clung", "crept", "dealt", "did", "drank", "drew", "drove", "dug", "fed", "fell", "felt", "fled",
    "flew", "fought", "forbade", "forgot", "forgave", "froze", "gave", "got", "grew", "hid", "held",
    "hung", "kept", "knelt", "knew", "laid", "lay", "led", "leapt", "learnt", "left", "lent", "lit",
    "lost", "made", "meant", "met", "mistook", "overtook", "paid", "ran", "rang", "rode", "rose",
    "sang", "sank", "sat", "saw", "sent", "shook", "shone", "shot", "shrank", "slept", "slid", "sold",
    "sought", "spent", "spoke", "spun", "stole", "stood", "strode", "struck", "stuck", "stung", "swam",
    "swept", "swore", "swung", "taught", "threw", "thought", "told", "took", "tore", "understood",
    "undertook", "underwent", "went", "wept", "withdrew", "woke", "won", "wore", "wrote",
})  # fmt: skip
