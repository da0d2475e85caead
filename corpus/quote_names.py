"""Common given names with their usual gender, and words that mark a person or an organisation.

Used to tell a person ("Mike Schroepfer") from an organisation ("Cambridge Analytica") and to match
"he"/"she" to the right earlier person. A name missing here is still found as a name; it only lacks
a gender, and then either pronoun may refer to it.
"""

from __future__ import annotations

MALE_NAMES = set("""
aaron abdul adam adrian ahmed alan albert alex alexander alexei alfred ali andrew andy angus anthony
antonio arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley
brandon brendan brett brian bruce bryan carl carlos charles charlie chris christian christopher chuck
clarence colin craig dan daniel danny darren dave david dean denis dennis derek dick dominic don donald
doug douglas duncan dwight earl ed eddie edward emmanuel eric ernest evan frank franklin fred frederick
gary gavin geoff geoffrey george gerald glenn gordon graham greg gregory harold harry henry herman howard
hugh hugo ian isaac ivan jack jacob jaime jake james jamie jared jason jeb jeff jeffrey jeremy jerry jesse
jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin keith ken
kenneth kevin kim_m kyle lance larry lawrence lee leon leonard lindsey_m lloyd louis luis luke malcolm
marco marcus mario mark martin matt matthew max michael mick mike mitch mitt mohammed muhammad nathan neil
nicholas nick nigel noah norman oliver omar oscar owen pablo patrick paul pedro pete peter phil philip
preet raj ralph rand randy ray raymond reince richard rick rob robert roberto rod roger roland ron ronald
rory roy rudy russell ryan sam samuel scott sean sergei seth shaun simon stanley stephen steve steven
stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trey troy tyler vernon victor
vince vincent vladimir walter warren wayne wesley will william xi yuri zach zachary newt rex reed mitch
chad marty bernard elon jeremy boris recep narendra shinzo benjamin bashar hassan kofi rodrigo francois
jean pierre jacques angelo giuseppe matteo hans wolfgang klaus jens lars sven olaf rahm eliot rudolph
ajit sundar satya tim jeff sergey larry travis jack evan reid orrin lindsey_x mitch kevin paul
""".split())

FEMALE_NAMES = set("""
abigail alexandra alexis alice alicia alison amanda amber amy ana andrea angela angelina anita ann anna
anne annie april ashley barbara becky betsy betty beverly brenda bridget brittany carly carmen carol
caroline carolyn catherine cathy charlotte chelsea cheryl christina christine cindy claire clare claudia
colleen courtney crystal cynthia dana danielle dawn debbie deborah debra denise diana diane donna doris
dorothy elaine eleanor elena elisabeth elizabeth ellen emily emma erica erin eva evelyn fiona frances
gabrielle gail gina gloria grace hannah harriet heather heidi helen hillary holly huma ivanka jacqueline
jane janet janice jasmine jean_f jennifer jenny jessica jill joan joanna jodi josephine joy joyce judith
judy julia julie june karen kate katherine kathleen kathryn kathy katie kay kayleigh kellyanne kelly
kim kimberly kirsten kristen laura lauren leah linda lisa lois loretta lori louise lucy lydia lynn
madeleine madison maggie mandy margaret maria marie marilyn marsha martha mary megan megyn melania
melinda melissa meryl michele michelle mildred mindy miranda molly monica nancy naomi natalie nicole
nicola nikki nina nora olivia pam pamela patricia patty paula pauline peggy penny rachel rebecca
regina renee rita roberta robin rosa rose ruth sally samantha sandra sara sarah sharon sheila shelley
sherry shirley sonia sophie stacey stephanie sue susan suzanne sylvia tammy tara teresa theresa tiffany
tina tracy valerie vanessa veronica victoria virginia wanda wendy whitney yvonne zoe angela jacinda
theresa marine ursula christine kamala elizabeth tulsi condoleezza janet nancy debbie donna huma
madeleine jeanne jill sheryl marissa ginni meg indra mary ruth sonia sotomayor_x
""".split())

# Names given to both boys and girls say nothing about "he" or "she".
UNISEX = {"terry", "kelly", "robin", "jean", "lee", "leslie", "dana", "pat", "chris", "jamie", "kim", "lindsey",
          "alex", "sam", "jordan", "taylor", "casey", "jesse", "jody", "tracy", "shannon", "stacy", "morgan",
          "carmen", "sandy", "ashley", "billie", "frankie", "bobbie", "toni", "lynn", "marion", "kerry"}
MALE_NAMES = {n for n in MALE_NAMES if "_" not in n} - UNISEX
FEMALE_NAMES = {n for n in FEMALE_NAMES if "_" not in n} - UNISEX

# "spokesman", "chairman" and "congressman" are used for women too: no gender evidence.
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "mister", "father", "brother", "businessman"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "madam", "sister",
                 "congresswoman", "spokeswoman", "businesswoman", "chairwoman", "mother", "first lady"}
MALE_NOUNS = {"man", "businessman", "husband", "father", "son", "brother", "boy", "king", "prince", "uncle",
              "grandfather", "gentleman", "actor", "nephew", "sportsman", "statesman"}
FEMALE_NOUNS = {"woman", "spokeswoman", "congresswoman", "businesswoman", "wife", "mother", "daughter",
                "sister", "girl", "queen", "princess", "aunt", "grandmother", "lady", "actress", "niece",
                "chairwoman", "councilwoman", "assemblywoman", "policewoman", "widow", "girlfriend"}

# Titles and roles written before a name ("Sen. Richard Durbin", "Chief Technology Officer Mike …").
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "sen", "gov", "rep",
    "gen", "col", "capt", "lt", "sgt", "adm", "maj", "cpl", "pres", "hon", "st", "president", "senator",
    "governor", "congressman", "congresswoman", "secretary", "mayor", "judge", "justice", "chancellor",
    "minister", "premier", "speaker", "chairman", "chairwoman", "chair", "director", "professor", "pope",
    "king", "queen", "prince", "princess", "sheriff", "detective", "officer", "inspector", "chief",
    "commissioner", "ambassador", "general", "admiral", "colonel", "captain", "sergeant", "lieutenant",
    "attorney", "representative", "leader", "whip", "deputy", "vice", "former", "acting", "interim",
    "candidate", "nominee", "ceo", "cto", "cfo", "coo", "cio", "cso", "founder", "co-founder", "cofounder",
    "executive", "manager", "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "editor",
    "reporter", "correspondent", "columnist", "anchor", "co-anchor", "host", "strategist", "pollster",
    "adviser", "advisor", "aide", "counsel", "lawyer", "head", "boss", "owner", "partner", "dean",
    "principal", "treasurer", "comptroller", "auditor", "prosecutor", "solicitor", "barrister", "mp",
    "mep", "lawmaker", "legislator", "delegate", "hopeful", "businessman", "businesswoman",
    "billionaire", "magnate", "mogul", "tycoon", "activist", "researcher", "scientist", "expert",
    "official", "operative", "organizer", "organiser", "consultant", "investor", "father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "first", "then",
}
# Nouns that end a role phrase: after them comes the name ("press secretary Brian Fallon").
ROLE_HEADS = TITLES - {"former", "acting", "interim", "vice", "deputy", "first", "then", "mr", "mrs", "ms",
                       "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "st", "hon"}

# Capitalised words that make a run of capitals an organisation.
ORG_WORDS = {
    "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "party", "committee",
    "commission", "council", "department", "ministry", "agency", "bureau", "board", "office", "service",
    "services", "university", "college", "institute", "foundation", "association", "union", "bank", "times",
    "post", "news", "journal", "network", "campaign", "administration", "court", "congress", "senate",
    "house", "police", "club", "center", "centre", "fund", "trust", "society", "federation", "organization",
    "organisation", "authority", "project", "coalition", "alliance", "caucus", "media", "press", "tribune",
    "herald", "gazette", "telegraph", "guardian", "express", "mail", "magazine", "review", "radio", "tv",
    "television", "broadcasting", "systems", "technologies", "labs", "research", "school", "hospital",
    "church", "army", "navy", "force", "forces", "guard", "pac", "reuters", "facebook", "google", "twitter",
    "microsoft", "apple", "amazon", "yahoo", "uber", "equifax", "politico", "poll", "index", "statistics",
    "watch", "initiative", "partners", "holdings", "industries", "airlines", "motors", "energy", "capital",
    "securities", "exchange", "reserve", "treasury", "pentagon", "parliament", "assembly", "cabinet",
    "government", "state", "states", "nations", "republic", "kingdom", "city", "county", "commons", "lords",
    "cnn", "bbc", "nbc", "abc", "cbs", "msnbc", "fox", "npr", "ap", "afp", "gop", "fbi", "cia", "nsa",
    "dnc", "rnc", "ftc", "fcc", "sec", "ico", "nhs", "eu", "un", "nato", "who_x", "analytica",
}
# Lower-case nouns that, before a name, make it an organisation ("political firm Cambridge Analytica").
ORG_NOUNS = {
    "company", "firm", "giant", "group", "agency", "startup", "start-up", "organisation", "organization",
    "network", "newspaper", "website", "site", "platform", "bank", "retailer", "regulator", "watchdog",
    "app", "insurer", "carrier", "provider", "maker", "developer", "operator", "chain", "brand",
    "publisher", "campaign", "committee", "party", "department", "ministry", "government", "administration",
    "office", "commission", "council", "union", "university", "institute", "foundation", "association",
    "corporation", "business", "outlet", "magazine", "paper", "service", "authority", "board", "court",
    "police", "team", "lab", "center", "centre", "charity", "coalition", "pac", "tank", "broadcaster",
    "tabloid", "daily", "conglomerate", "subsidiary", "parent", "manufacturer", "airline", "hospital",
    "school", "college", "club", "league", "band", "outfit", "consultancy", "contractor", "vendor",
    "exchange", "fund", "lender", "utility", "telecom", "supplier", "studio", "channel",
    "station", "blog", "body", "regime", "legislature", "senate",
    "congress", "parliament", "panel", "bureau", "inquiry", "pollster", "poll",
    "survey", "study", "report", "analysis",
}

# Places that often stand where a person could ("China said", "in Ohio"): never a "he" or "she".
PLACES = set("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma
oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin wyoming america
afghanistan albania algeria argentina armenia australia austria bangladesh belgium bolivia brazil
britain bulgaria burma cambodia canada chile china colombia cuba cyprus czech denmark egypt england
estonia ethiopia europe finland france germany ghana greece guatemala haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait
laos latvia lebanon libya lithuania luxembourg malaysia mali malta moldova mongolia morocco myanmar
nepal netherlands nicaragua niger nigeria norway pakistan palestine panama paraguay peru philippines
poland portugal qatar romania russia rwanda saudi scotland senegal serbia singapore slovakia slovenia
somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda
ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe asia africa london paris
berlin moscow beijing tokyo brussels rome madrid chicago boston detroit philadelphia atlanta houston
dallas miami seattle denver phoenix baltimore cleveland manhattan brooklyn jerusalem tehran baghdad
damascus kabul cairo dublin edinburgh sydney toronto geneva vienna kiev istanbul ankara havana
""".split())
