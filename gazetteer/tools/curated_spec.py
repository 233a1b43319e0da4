"""Hand-curated regional features for ``gazetteer/curated.csv`` (camps, crossings, air bases, villages).

Every entry is placed from a named source, never from a hand-typed coordinate:
``at`` = the point of a GeoNames id in the shared region dumps (the camp lies by that place),
``mid`` = the midpoint of two GeoNames places on either side of a border crossing,
``icao`` = an airportsdata record, ``self`` = the feature's own GeoNames record.
``km`` is the stated distance within which the real feature lies from that placement; the tests
check the placement against the reference. Names and spellings are curated from common news usage.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Spec:
    """One curated feature before its coordinates are looked up."""

    id: str
    name: str
    kind: str  # camp | crossing | airbase | village | town
    place: tuple  # ("at", gid) | ("mid", gid_a, gid_b) | ("icao", code) | ("self", gid)
    km: float
    alternates: tuple[str, ...] = field(default=())
    ref: int | None = None  # ref_geonameid when it differs from the placement id
    note: str = ""


def _camp_alts(*names: str) -> tuple[str, ...]:
    """A camp's name forms ('<n> camp', '<n> refugee camp'); never the bare place name, which is the town's."""
    out: list[str] = []
    for n in names:
        out += [f"{n} camp", f"{n} refugee camp"]
    return tuple(out)


def _crossing_alts(*names: str) -> tuple[str, ...]:
    """A crossing's name forms in English news ('X crossing', 'X border gate', ...).

    The bare name is left out: it usually names the town on that side, so it is added by hand
    only where the name means the crossing itself (Bab al-Hawa, Bab al-Salameh).
    """
    out: list[str] = []
    for n in names:
        out += [
            f"{n} crossing",
            f"{n} border crossing",
            f"{n} border gate",
            f"{n} border post",
            f"{n} gate",
            f"{n} crossing point",
        ]
    return tuple(out)


CAMPS = [
    Spec("apaydin-camp", "Apaydın camp", "camp", ("at", 438062), 5,
         _camp_alts("Apaydın", "Apaydin") + ("Apaydın kampı", "Apaydin military camp", "مخيم أبايدين"),
         note="camp for Syrian army defectors in Hatay beside the Apaydın villages (438062/438063)"),
    Spec("zaatari-camp", "Zaatari camp", "camp", ("at", 250087), 5,
         _camp_alts("Zaatari", "Za'atari", "Zaatri", "Al Zaatari", "Al-Zaatari", "Za'tari", "Zaatary")
         + ("مخيم الزعتري",),
         note="refugee camp opened 2012 east of Az Za‘tarī village, Mafraq"),
    Spec("kilis-oncupinar-camp", "Kilis Öncüpınar camp", "camp", ("at", 303498), 5,
         _camp_alts("Öncüpınar", "Oncupinar", "Kilis Öncüpınar", "Kilis Oncupinar", "Kilis")
         + ("Kilis Öncüpınar", "Kilis Oncupinar")
         + ("Öncüpınar Accommodation Facility", "Öncüpınar container camp", "Kilis container camp"),
         note="container camp at Öncüpınar on the Kilis border"),
    Spec("islahiye-camp", "Islahiye camp", "camp", ("at", 311104), 10,
         _camp_alts("Islahiye", "İslahiye")),
    Spec("yayladagi-camp", "Yayladağı camp", "camp", ("at", 297466), 5,
         _camp_alts("Yayladağı", "Yayladagi", "Yayladag")),
    Spec("boynuyogun-camp", "Boynuyoğun camp", "camp", ("at", 438129), 5,
         _camp_alts("Boynuyoğun", "Boynuyogun")),
    Spec("altinozu-camp", "Altınözü camp", "camp", ("at", 323906), 5,
         _camp_alts("Altınözü", "Altinozu")),
    Spec("ceylanpinar-camp", "Ceylanpınar camp", "camp", ("at", 318668), 10,
         _camp_alts("Ceylanpınar", "Ceylanpinar")),
    Spec("akcakale-camp", "Akçakale camp", "camp", ("at", 324944), 10,
         _camp_alts("Akçakale", "Akcakale")),
    Spec("harran-camp", "Harran camp", "camp", ("at", 312531), 10,
         _camp_alts("Harran")),
    Spec("karkamis-camp", "Karkamış camp", "camp", ("at", 309134), 10,
         _camp_alts("Karkamış", "Karkamis")),
    Spec("nizip-camp", "Nizip camp", "camp", ("at", 303798), 10,
         _camp_alts("Nizip")),
    Spec("suruc-camp", "Suruç camp", "camp", ("at", 300075), 10,
         _camp_alts("Suruç", "Suruc")),
    Spec("viransehir-camp", "Viranşehir camp", "camp", ("at", 298033), 10,
         _camp_alts("Viranşehir", "Viransehir")),
    Spec("midyat-camp", "Midyat camp", "camp", ("at", 304382), 10,
         _camp_alts("Midyat")),
    Spec("cevdetiye-camp", "Osmaniye Cevdetiye camp", "camp", ("at", 318729), 5,
         _camp_alts("Cevdetiye", "Osmaniye Cevdetiye", "Osmaniye")),
    Spec("atmeh-camp", "Atmeh camp", "camp", ("at", 172370), 5,
         _camp_alts("Atmeh", "Atma", "Atme") + ("مخيم أطمة",),
         note="camp for displaced Syrians on the Turkish border by Atmeh, Idlib"),
    Spec("azraq-camp", "Azraq camp", "camp", ("at", 250095), 30,
         _camp_alts("Azraq", "Al Azraq", "Al-Azraq") + ("مخيم الأزرق",),
         note="the camp lies some 20-25 km west of Azraq town; placed at the town"),
    Spec("king-abdullah-park", "King Abdullah Park", "camp", ("at", 250336), 15,
         ("King Abdullah Park camp", "King Abdullah Park refugee camp", "KAP camp"),
         note="transit camp in Ramtha district; placed at Ar Ramthā"),
    Spec("cyber-city-camp", "Cyber City", "camp", ("at", 250336), 15,
         ("Cyber City camp", "Cyber City refugee camp", "Cyber City transit facility"),
         note="transit facility near Ramtha; placed at Ar Ramthā"),
    Spec("domiz-camp", "Domiz camp", "camp", ("at", 96994), 15,
         _camp_alts("Domiz", "Domeez", "Dumiz"),
         note="refugee camp south of Duhok, Iraqi Kurdistan; placed at Duhok"),
]

CROSSINGS = [
    Spec("cilvegozu-bab-al-hawa", "Cilvegözü–Bab al-Hawa crossing", "crossing", ("at", 318443), 3,
         _crossing_alts("Bab al-Hawa", "Bab al Hawa", "Bab el-Hawa", "Cilvegözü", "Cilvegozu")
         + ("Bab al-Hawa", "Bab al Hawa", "Bab el-Hawa", "Cilvegözü Gümrük Kapısı", "Cilvegözü–Bab al-Hawa",
            "Cilvegozu-Bab al-Hawa", "معبر باب الهوى"),
         note="placed at Cilvegöz village (318443), which the Turkish gate is named after"),
    Spec("oncupinar-bab-al-salameh", "Öncüpınar–Bab al-Salameh crossing", "crossing", ("mid", 303498, 172082), 5,
         _crossing_alts("Bab al-Salameh", "Bab al-Salama", "Bab al Salama", "Bab as-Salameh", "Bab al-Salam",
                        "Öncüpınar", "Oncupinar", "Kilis")
         + ("Bab al-Salameh", "Bab al-Salama", "Bab al Salama", "Öncüpınar Gümrük Kapısı", "Öncüpınar–Bab al-Salameh",
            "معبر باب السلامة", "باب السلامة")),
    Spec("akcakale-tell-abyad", "Akçakale–Tell Abyad crossing", "crossing", ("mid", 324944, 163750), 3,
         _crossing_alts("Akçakale", "Akcakale", "Tell Abyad", "Tal Abyad", "Tel Abyad")
         + ("Akçakale Gümrük Kapısı", "Akçakale–Tell Abyad", "معبر تل أبيض")),
    Spec("ceylanpinar-ras-al-ayn", "Ceylanpınar–Ras al-Ayn crossing", "crossing", ("mid", 318668, 165509), 3,
         _crossing_alts("Ceylanpınar", "Ceylanpinar", "Ras al-Ayn", "Ras al-Ain", "Ras al Ain", "Ras al-Ayn",
                        "Serêkaniyê")
         + ("Ceylanpınar Gümrük Kapısı", "Ceylanpınar–Ras al-Ayn", "معبر رأس العين")),
    Spec("yayladagi-kessab", "Yayladağı–Kessab crossing", "crossing", ("mid", 297466, 168519), 5,
         _crossing_alts("Yayladağı", "Yayladagi", "Kessab", "Kasab", "Kassab")
         + ("Yayladağı Gümrük Kapısı", "Yayladağı–Kessab", "معبر كسب")),
    Spec("karkamis-jarablus", "Karkamış–Jarablus crossing", "crossing", ("mid", 309134, 169179), 3,
         _crossing_alts("Karkamış", "Karkamis", "Jarablus", "Jarabulus")
         + ("Karkamış Gümrük Kapısı", "Karkamış–Jarablus", "معبر جرابلس")),
    Spec("nusaybin-qamishli", "Nusaybin–Qamishli crossing", "crossing", ("mid", 303750, 173377), 3,
         _crossing_alts("Nusaybin", "Qamishli", "Al-Qamishli", "Qamishlo")
         + ("Nusaybin Gümrük Kapısı", "Nusaybin–Qamishli", "معبر نصيبين")),
    Spec("mursitpinar-kobani", "Mürşitpınar–Kobani crossing", "crossing", ("mid", 304089, 172256), 3,
         _crossing_alts("Mürşitpınar", "Mursitpinar", "Kobani", "Kobane", "Ayn al-Arab", "Ain al-Arab")
         + ("Mürşitpınar Gümrük Kapısı", "Mürşitpınar–Kobani", "معبر عين العرب")),
    Spec("jaber-nasib", "Jaber–Nasib crossing", "crossing", ("mid", 248913, 166390), 5,
         _crossing_alts("Jaber", "Jabir", "Nasib", "Nassib", "Naseeb")
         + ("Jaber–Nasib", "Nasib-Jaber crossing", "معبر نصيب", "معبر جابر")),
    Spec("ramtha-daraa", "Ramtha–Daraa crossing", "crossing", ("mid", 250336, 170905), 6,
         _crossing_alts("Ramtha", "Daraa", "Deraa", "Daraa-Ramtha", "Ramtha-Daraa", "Ramtha–Daraa")
         + ("Daraa old customs crossing", "معبر درعا", "معبر الرمثا")),
    Spec("masnaa-jdeidet-yabous", "Masnaa–Jdeidet Yabous crossing", "crossing", ("mid", 10124005, 168886), 6,
         _crossing_alts("Masnaa", "Al-Masnaa", "Jdeidet Yabous", "Jdeidat Yabous", "Jdaidet Yabous")
         + ("Masnaa–Jdeidet Yabous", "معبر المصنع", "معبر جديدة يابوس")),
]

AIRBASES = [
    Spec("incirlik-air-base", "Incirlik Air Base", "airbase", ("icao", "LTAG"), 3,
         ("İncirlik Air Base", "Incirlik Airbase", "İncirlik Airbase", "Incirlik air base", "Incirlik AB",
          "Incirlik AFB", "Incirlik base", "İncirlik base", "İncirlik Hava Üssü", "قاعدة إنجرليك"),
         ref=311319, note="NATO/US air base east of Adana, beside İncirlik town (311319)"),
    Spec("hama-air-base", "Hama Air Base", "airbase", ("icao", "OS58"), 3,
         ("Hamah Air Base", "Hama military airport", "Hama airbase", "Hama military airbase", "مطار حماة العسكري")),
    Spec("dumayr-air-base", "Dumayr Air Base", "airbase", ("icao", "OS61"), 3,
         ("Dumayr airbase", "Dmeir air base", "Dmeir military airport", "Al-Dumayr airbase", "مطار الضمير العسكري")),
    Spec("jirah-air-base", "Jirah Air Base", "airbase", ("icao", "OS62"), 3,
         ("Jirah airbase", "Al-Jarrah air base", "Jirah military airport", "مطار الجراح")),
    Spec("marj-ruhayyil-air-base", "Marj Ruhayyil Air Base", "airbase", ("icao", "OS63"), 3,
         ("Marj al-Sultan", "Marj Ruhayyil airbase", "مطار مرج رحيل")),
    Spec("shayrat-air-base", "Shayrat Air Base", "airbase", ("icao", "OS65"), 3,
         ("Shayrat airbase", "Al-Shayrat airbase", "Shayrat airfield", "Shairat air base", "مطار الشعيرات")),
    Spec("mezzeh-air-base", "Mezzeh Military Airport", "airbase", ("icao", "OS67"), 3,
         ("Mezze Airport", "Mezzeh Airport", "Mezzeh air base", "Mezze military airport", "Mazzeh airport",
          "مطار المزة العسكري")),
    Spec("saiqal-air-base", "Saiqal Air Base", "airbase", ("icao", "OS68"), 3,
         ("Sayqal air base", "Seen air base", "مطار السين")),
    Spec("tabqa-air-base", "Tabqa Air Base", "airbase", ("icao", "OS59"), 3,
         ("Tabqa Airport", "Tabqa airbase", "Al-Tabqa military airport", "مطار الطبقة العسكري")),
    Spec("muwaffaq-salti-air-base", "Muwaffaq Salti Air Base", "airbase", ("icao", "OJ40"), 3,
         ("Muwaffaq al-Salti Air Base", "Shaheed Muwaffaq Salti Air Base", "Azraq air base", "Azraq airbase")),
    Spec("prince-hassan-air-base", "Prince Hassan Air Base", "airbase", ("icao", "OJHF"), 3,
         ("Prince Hasan Air Base", "H-5 air base", "H5 airbase")),
]

# Villages and towns the world layer (cities500) lacks; each has its own GeoNames id.
PLACES = [
    Spec("kafr-uwayd", "Kafr ‘Uwayd", "village", ("self", 168624), 0.1,
         ("Kafr Uwayd", "Kafr 'Uwayd", "Kafrawaid", "Kafr Owaid", "Kafr Owayd", "Kafr Uweid", "Kafr Awaid",
          "Kafrouwaid", "Kafr Aweed", "Kfar Owaid", "كفر عويد")),
    Spec("apaydin", "Apaydın", "village", ("self", 438062), 0.1, ("Apaydin", "Apaydın köyü")),
    Spec("apaydin-east", "Apaydın", "village", ("self", 438063), 0.1, ("Apaydin",)),
    Spec("incirlik", "İncirlik", "town", ("self", 311319), 0.1, ("Incirlik", "İncirlik town", "إنجرليك")),
    Spec("cilvegoz", "Cilvegöz", "village", ("self", 318443), 0.1, ("Cilvegoz", "Cilvegözü")),
    Spec("oncupinar", "Öncüpınar", "village", ("self", 303498), 0.1, ("Oncupinar", "Tipil")),
    Spec("az-zatari", "Az Za‘tarī", "village", ("self", 250087), 0.1, ("Zaatari", "Za'tari", "Al Zaatari")),
    Spec("jabir-as-sirhan", "Jābir as Sirḩān", "village", ("self", 248913), 0.1, ("Jaber", "Jabir")),
    Spec("nasib", "Naşīb", "village", ("self", 166390), 0.1, ("Nasib", "Nassib", "Naseeb")),
    Spec("houla", "Houla", "town", ("self", 11287703), 0.1,
         ("Houla", "Hula", "al-Houla", "Al-Houla", "al-Hula", "Houleh", "Al-Houleh", "Houla region", "الحولة"),
         note="area of villages in Homs (Taldou, Kafr Laha, Tal Dahab) — site of the May 2012 massacre"),
    Spec("tall-dhahab", "Tall Dhahab", "village", ("self", 163594), 0.1, ("Tal Dahab", "Tell Dahab", "Taldahab")),
    Spec("atmeh", "Aţmah", "village", ("self", 172370), 0.1, ("Atmeh", "Atma", "Atme")),
    Spec("sarmada", "Sarmadā", "town", ("self", 164786), 0.1, ("Sarmada", "Sarmadah")),
    Spec("kansafrah", "Kansafrah", "village", ("self", 168572), 0.1, ("Kansafra", "Kansafra")),
    Spec("al-bara", "Bārah", "village", ("self", 173999), 0.1, ("Al-Bara", "al-Bara", "Bara", "Al Barah")),
    Spec("jarjanaz", "Jarjanāz", "village", ("self", 169168), 0.1, ("Jarjanaz", "Jarjnaz")),
    Spec("kafr-rumah", "Kafr Rūmā", "village", ("self", 168641), 0.1, ("Kafr Roma", "Kafrouma", "Kafr Ruma")),
    Spec("anadan", "‘Anadān", "town", ("self", 173223), 0.1, ("Anadan", "Andan", "Anadan")),
    Spec("hayyan", "Ḩayyān", "village", ("self", 169644), 0.1, ("Hayyan", "Hayan")),
    Spec("bayanoun", "Biyānūn", "village", ("self", 171352), 0.1, ("Bayanoun", "Bayanun", "Biyanun")),
    Spec("khan-al-assal", "Khān al ‘Asal", "village", ("self", 168368), 0.1,
         ("Khan al-Assal", "Khan al-Asal", "Khan al Asal", "Khan Assal")),
    Spec("latamneh", "Al Laţāminah", "town", ("self", 173566), 0.1, ("Latamneh", "Al-Latamneh", "Lataminah")),
    Spec("moadamiyeh", "Mu‘aḑḑamīyat ash Shām", "town", ("self", 166833), 0.1,
         ("Moadamiyeh", "Moadamiyet al-Sham", "Muadamiyat al-Sham", "Moadamiya", "Muadhamiya", "Mouadamiyeh")),
    Spec("saqba", "Siqbā", "town", ("self", 164828), 0.1, ("Saqba", "Sakba")),
    Spec("zamalka", "Zamalkā", "town", ("self", 162547), 0.1, ("Zamalka", "Zamalkah")),
    Spec("busra-al-harir", "Buşrá al Ḩarīrī", "town", ("self", 171127), 0.1,
         ("Busra al-Harir", "Busr al-Harir", "Busra al-Hariri", "Bosra al-Harir")),
    Spec("tall-shihab", "Tall Shihāb", "village", ("self", 163454), 0.1, ("Tal Shihab", "Tel Shihab", "Tell Shehab")),
    Spec("salma", "Salmá", "village", ("self", 164907), 0.1, ("Salma", "Salmah")),
]

ALL = CAMPS + CROSSINGS + AIRBASES + PLACES
