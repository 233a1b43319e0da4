"""Word lists the recogniser uses to tell places from everything else.

General English news vocabulary only: titles that announce a person, words that make a
capitalised run an organisation or a medium, and common words that are also place names.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# A capitalised word right after one of these is a person ("Mr. Hague", "President Assad").
PERSON_TITLES = frozenset("""
mr mrs ms miss dr prof sir lord lady dame president presidents vice prime minister ministers secretary
chancellor premier king queen prince princess sheikh shaikh emir sultan pope cardinal bishop imam ayatollah
rabbi father sister brother general gen lt lieutenant col colonel maj major capt captain sgt sergeant cpl
corporal pvt private adm admiral commander brig brigadier marshal governor gov senator sen rep representative
congressman congresswoman mayor ambassador envoy spokesman spokeswoman spokesperson chief judge justice
officer director chairman chairwoman chair leader founder ceo coach dictator foreign defense defence interior
mp mep deputy aide adviser advisor analyst correspondent reporter writer editor author professor mullah
commissioner minister's president's
""".split())

# Words that make a capitalised run an organisation, a body or a medium: the place inside
# is "embedded", not a literal toponym ("Free Syrian Army", "Syrian National Council").
ORG_WORDS = frozenset("""
army armies navy force forces brigade brigades battalion battalions regiment division corps guard guards militia
council councils committee committees coalition front party parties movement union league alliance organization
organisation association federation foundation institute institution university college school academy hospital
ministry ministries department office agency agencies bureau authority authorities commission court parliament
assembly congress senate government administration cabinet police gendarmerie service services network networks
news television tv radio channel broadcaster broadcasting times post daily herald tribune journal gazette telegraph
monitor observer press newspaper magazine review bank company corporation corp inc ltd group airlines airways
airline club fc team church mosque cathedral embassy consulate mission initiative program programme project fund
society center centre conference summit declaration accord accords agreement plan treaty protocol convention
observatory crescent cross elementary kindergarten
""".split())

# Words that, right after a place, make it a medium or agency ("Anatolia news agency").
MEDIA_FOLLOWERS = frozenset("news agency agencies television tv radio newspaper daily broadcaster channel network".split())

# Well-known news media and agencies whose names collide with place names.
MEDIA_NAMES = frozenset("""
al jazeera|al arabiya|anatolia|anadolu|reuters|associated press|agence france-presse|bbc|cnn|trt|trt haber|sana|
the atlantic|atlantic|new york times|washington post|the guardian|the independent|daily telegraph|the telegraph|
financial times|wall street journal|the times|al-jazeera|al-arabiya|the hill|the nation|the australian|
irish times|jerusalem post|times of israel|hurriyet|milliyet|sabah|zaman|today's zaman|al-ahram|al ahram|
christian science monitor|the economist|politico|axios|the hindu|dawn|the star|the sun|the mirror|the observer|
xinhua|irna|tass|ria novosti|interfax|yonhap|kyodo|efe|ansa|dpa|afp|ap|upi|petra|mena|qna|wam|spa|kuna|sputnik|
white house|the white house|kremlin|the kremlin|pentagon|the pentagon|elysee|elysee palace|downing street|capitol hill|
wall street|whitehall|foggy bottom|blue house|zhongnanhai|google|facebook|twitter|youtube|amazon
""".replace("\n", "").split("|"))

# Connectors allowed inside a capitalised place name ("Jisr al-Shughour", "Bosnia and Herzegovina").
NAME_CONNECTORS = frozenset("""
al el ul as ash ar ad ed az ez at an en ad ath adh ibn bin bint bani beni abu umm um ben de del della di da do dos
das du des la le les los las van von der den ter y i e of the upon sur am im
""".split())

# Directions in front of a name: "southern Turkey" annotates only "Turkey".
DIRECTIONS = frozenset("""
north south east west northern southern eastern western northeast northwest southeast southwest northeastern
northwestern southeastern southwestern central upper lower greater inner outer
""".split())

# Common words (and name parts) that are also place names: never a place on their own.
COMMON_WORDS = frozenset("""
a an the this that these those it its he she they we you i me my our your their his her him them us
mr mrs ms dr and or but if then so as at by for from in into of on onto to with without within about after before
over under between through during since until up down out off again further once here there when where why how all
any both each few more most other some such no nor not only own same than too very can will just should now also
said says say told tell news today yesterday tomorrow week month year years day days time times
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
president general army government police minister officials official people world state states city town village
republic kingdom union national international new old great good best well man men woman women children child family
home house court council party group forces force security military war peace human rights power energy water oil
gas police fire lake river sea ocean mount hill bay island islands valley park street road bridge gate wall tower
center centre west east north south middle central southern northern eastern western upper lower
hope faith grace joy liberty unity independence freedom justice progress paradise eternity christmas easter
one two three four five six seven eight nine ten hundred thousand million billion first second third last next
chairman leader chief head member members report reports reported according video photo photos caption image
read subscribe sign login click share follow comment comments reply like
many much several every either neither another whatever whoever whichever although though because while whereas
unless despite yet already still even ever never always often sometimes perhaps maybe indeed instead rather quite
what which who whom whose let lets let's please thanks thank yes okay ok hello dear sorry well oh
is are was were be been being am has have had having do does did doing done get got make made go went gone come came
take took give gave see saw seen know knew think thought want wanted use used find found put keep kept run ran
new latest last early late later earlier recent recently top bottom left right high low big small large long short
full half part parts side sides end ends start beginning back front near far next past present future
update updated breaking live watch photo photos gallery more less least best worst better worse
related story stories article articles editorial opinion analysis feature features column columns letters
advertisement sponsored contact about home search menu skip share tweet email print
unlike like despite during following amid amidst among across along against beyond inside outside throughout toward
towards via per including regarding concerning besides meanwhile nevertheless nonetheless moreover furthermore
english arabic kurdish hebrew farsi urdu olympic olympics paralympic commonwealth federal
""".split())

# Buildings that stand for governments and institutions: never the place itself in news.
BUILDINGS = frozenset("""white house|the white house|kremlin|the kremlin|pentagon|the pentagon|elysee|elysee palace|
downing street|capitol hill|whitehall|foggy bottom|blue house|zhongnanhai|quai d orsay|
""".replace("\n", "").split("|")) - {""}

# Surnames of people constantly in the news that are also place names somewhere: never a
# place alone, and evidence that the capitalised word before them is a given name.
PERSON_NAMES = frozenset("""
obama trump bush putin assad asad erdogan biden clinton netanyahu khamenei rouhani maliki sisi morsi mubarak
gaddafi qaddafi khadafy saleh hadi abbas davutoglu annan brahimi ban guterres merkel macron sarkozy hollande
cameron blair may johnson kerry lavrov pompeo tillerson rice powell nasrallah baghdadi zawahiri bin laden
""".split())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lowercase English words (SCOWL): a capitalised one at a sentence start is probably just a word."""
    path = Path(__file__).resolve().parents[1] / "data" / "english_words.txt"
    with open(path, encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))

# Arabic articles: a single word followed by one of these is part of a longer name ("Ras al-...").
ARABIC_ARTICLES = frozenset("al el ul ash ar ad az ez ath adh".split())  # not as/an/at: English words too
