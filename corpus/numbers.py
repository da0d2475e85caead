"""English number vocabulary and the parser for spelled-out numbers ("forty million", "half a million").

Kept apart from `figures.py` so the tables (number words, scale words, currencies with their ISO
codes, units with their canonical forms) can be read and extended without wading through the context
rules that decide which numbers are figures.
"""

from __future__ import annotations

import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
# Words that multiply what precedes them ("four hundred", "a dozen", "2.5 million").
MAGNITUDES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7, "dozen": 12.0,
}
# Abbreviated scales written after digits: "87m", "$5bn", "1.5 bn". "m", "b" and "k" are ambiguous
# (metres, bytes, kilometres, "4K"); figures.py decides those from context.
SCALE_ABBREVIATIONS = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
# Fraction words usable as "a third of", "two-thirds of", "three quarters of".
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
UNICODE_FRACTIONS = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
    "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

# Money and units: how amounts are written around a number.

DOLLAR_PREFIXES = {
    "US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "CDN": "CAD",
    "NZ": "NZD", "HK": "HKD", "S": "SGD", "SG": "SGD", "NT": "TWD", "R": "BRL", "MX": "MXN",
}
CURRENCY_SYMBOLS = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS",
}
# Currency codes written before the amount ("EUR50m", "USD 1,700"); "Y=" is Reuters' ASCII yen.
CURRENCY_CODES = {
    code: code
    for code in (
        "USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD", "CHF", "HKD", "SGD", "NZD", "SEK",
        "NOK", "DKK", "ZAR", "BRL", "MXN", "KRW", "RUB", "TRY", "ILS", "MYR", "AED", "SAR",
    )
} | {"RMB": "CNY", "NIS": "ILS", "RM": "MYR", "Rs": "INR", "Rs.": "INR", "Y=": "JPY"}

# Currency names written after the amount (ISO codes after it, "110 JPY", are matched case-sensitively
# from CURRENCY_CODES). Not "won", "rand": common words. "pounds" is weight unless a scale word or
# "sterling" says money.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "shekel": "ILS",
    "shekels": "ILS", "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "ringgit": "MYR", "lira": "TRY", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "DKK", "bitcoin": "BTC", "bitcoins": "BTC",
    "dirhams": "AED", "riyals": "SAR", "naira": "NGN", "pesos": "MXN", "dlrs": "USD", "dlr": "USD",
    "stg": "GBP",
}
# Unit phrases after a number, to their canonical form (money words map to ISO codes above).
UNIT_WORDS = {
    "per cent": "percent", "percent": "percent", "per-cent": "percent", "pct": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
    "pounds sterling": "GBP", "us dollars": "USD", "u.s. dollars": "USD", "danish crowns": "DKK",
    "danish kroner": "DKK", "swedish crowns": "SEK", "norwegian crowns": "NOK", "korean won": "KRW",
    "south african rand": "ZAR",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm", "centimeters": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimeter": "mm", "nanometres": "nm", "nanometers": "nm",
    "nanometer": "nm", "miles": "miles", "mile": "miles", "square miles": "sq miles",
    "square feet": "sq ft", "square foot": "sq ft", "square metres": "sq m", "square meters": "sq m",
    "cubic feet": "cu ft", "feet": "ft", "foot": "ft", "inches": "in", "inch": "in", "yards": "yards",
    "yard": "yards", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "grams": "g", "gram": "g",
    "milligrams": "mg", "milligram": "mg", "tonnes": "tonnes", "tonne": "tonnes", "tons": "tons",
    "ton": "tons", "litres": "l", "liters": "l", "litre": "l", "liter": "l", "gallons": "gallons",
    "gallon": "gallons", "barrels": "barrels", "barrel": "barrels", "horsepower": "hp",
    "miles per hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "parts per million": "ppm", "degrees celsius": "°C", "degrees fahrenheit": "°F",
    "degrees": "degrees", "degree": "degrees", "gigawatts": "GW", "megawatts": "MW",
    "kilowatts": "kW", "gigabytes": "GB", "terabytes": "TB", "megabytes": "MB", "petabytes": "PB",
    "cents": "cents", "cent": "cents", "cts": "cents", "pence": "pence", "times": "times",
}
# Unit symbols, case-sensitive ("GB" is not "gb" is not "Gb"); also used when glued ("60GB").
UNIT_SYMBOLS = {
    "%": "percent", "km": "km", "m": "m", "cm": "cm", "mm": "mm", "nm": "nm", "μm": "μm", "µm": "μm",
    "ft": "ft", "in": "in", "mi": "miles", "kg": "kg", "g": "g", "mg": "mg", "lb": "lb", "lbs": "lb",
    "t": "tonnes", "l": "l", "L": "l", "ml": "ml", "mL": "ml", "gal": "gallons", "mph": "mph",
    "km/h": "km/h", "kph": "km/h", "kmh": "km/h", "hp": "hp", "bhp": "bhp", "PS": "PS", "kW": "kW",
    "MW": "MW", "GW": "GW", "TW": "TW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "Nm": "Nm", "lb-ft": "lb-ft", "KB": "KB", "kB": "KB", "MB": "MB", "GB": "GB", "TB": "TB",
    "PB": "PB", "Kbps": "Kbps", "kbps": "Kbps", "Mbps": "Mbps", "Gbps": "Gbps", "MHz": "MHz",
    "GHz": "GHz", "°C": "°C", "°F": "°F", "°": "degrees", "m2": "sq m", "m²": "sq m", "m3": "cu m",
    "km2": "sq km", "km²": "sq km", "sq m": "sq m", "sqm": "sq m", "sq ft": "sq ft", "sq km": "sq km",
    "GPa": "GPa", "ppm": "ppm", "dB": "dB", "mAh": "mAh", "cc": "cc", "x": "times", "pc": "percent",
    "p": "pence", "c": "cents", "yo": "years old", "s": "seconds", "ms": "ms", "min": "minutes",
    "hrs": "hours", "hr": "hours", "h": "hours", "kt": "kt", "kn": "kn", "oz": "oz",
}

# Symbols that are ordinary words or letters when written apart from the number ("3 in severity").
GLUED_ONLY_SYMBOLS = frozenset(("in", "s", "h", "x", "c", "t", "g", "yo", "min", "hr", "ms", "mi"))

_UNITS_ALT = "|".join(sorted(SMALL, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
_SMALL_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_MAG_ALT = "|".join(MAGNITUDES)

#: One number word: "seven", "forty", "twenty-five", "twenty five".
WORD_NUMBER = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_SMALL_1_9})\b)?|{_UNITS_ALT})"
MAGNITUDE = rf"(?:{_MAG_ALT})"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+"

# A permissive run of number tokens; `parse_number_phrase` decides how much of it is one number.
PHRASE_TAIL = re.compile(
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{WORD_NUMBER}|{MAGNITUDE}s?|a\s+half)\b)*", re.IGNORECASE
)
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?|[\d.,]+")


def word_value(word: str) -> float | None:
    """Value of one number word ("seven", "forty", "twenty-five"), else None."""
    w = word.lower()
    if w in SMALL:
        return float(SMALL[w])
    if w in TENS:
        return float(TENS[w])
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL and 0 < SMALL[parts[1]] < 10:
        return float(TENS[parts[0]] + SMALL[parts[1]])
    return None


def digits_value(raw: str) -> float:
    """Value of a digit string with optional thousands commas: "87,000,000" -> 87e6, ".5" -> 0.5."""
    return float(raw.replace(",", ""))


def parse_number_phrase(phrase: str) -> tuple[float, int, bool] | None:
    """Parse the longest valid number at the start of `phrase`.

    Returns (value, length of `phrase` consumed, whether a magnitude word was applied) or None.
    Handles digits or words followed by magnitudes ("1.5 million", "four hundred and twenty",
    "a million", "half a million", "two and a half million"). Stops before an "and" that joins two
    separate numbers ("two and three"), so the caller can read those as two figures.
    """
    tokens = [(m.group(), m.end()) for m in _TOKEN.finditer(phrase)]
    if not tokens:
        return None
    total = 0.0
    current: float | None = None
    consumed = 0
    scaled = False
    last = ""  # kind of the last accepted token: "num", "tens", "hundred", "big", "half"
    big_seen = 0.0
    i = 0
    while i < len(tokens):
        tok, end = tokens[i]
        low = tok.lower()
        if i == 0:
            if tok[0].isdigit() or tok[0] == ".":
                current, last = digits_value(tok), "num"
            elif low in ("a", "an"):
                current, last = 1.0, "a"
            elif low == "half":
                # "half a million": the "a" is part of the phrase.
                if i + 1 < len(tokens) and tokens[i + 1][0].lower() in ("a", "an"):
                    current, last = 0.5, "a"
                    i += 2
                    continue
                return None
            else:
                v = word_value(tok)
                if v is None:
                    return None
                current, last = v, ("tens" if low in TENS else "num")
            consumed = end
            i += 1
            continue
        if low == "and":
            # Allowed only inside a number: "hundred and twenty", "two and a half million".
            nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
            if nxt == "a" and i + 2 < len(tokens) and tokens[i + 2][0].lower() == "half" and last != "half":
                current = (current or 0.0) + 0.5
                last = "half"
                consumed = tokens[i + 2][1]
                i += 3
                continue
            if last in ("hundred", "big") and word_value(nxt) is not None:
                i += 1
                continue
            break
        mag = MAGNITUDES.get(low) or (MAGNITUDES.get(low[:-1]) if low.endswith("s") else None)
        if mag is not None:
            if low.endswith("s") and low[:-1] in MAGNITUDES and last not in ("num", "tens"):
                break  # "hundreds", "millions" after a non-number: vague, not a figure
            if current is None and last != "big":
                break
            if mag == 100.0:
                if last == "hundred":
                    break
                current = (current if current is not None else 1.0) * 100.0
                last = "hundred"
            elif mag == 12.0:
                current = (current if current is not None else 1.0) * 12.0
                last = "big"
            else:
                if big_seen and mag >= big_seen:
                    total = (total + (current or 0.0)) * mag  # "a thousand million"
                else:
                    total += (current if current is not None else 1.0) * mag
                big_seen = mag
                current = None
                last = "big"
            scaled = True
            consumed = end
            i += 1
            continue
        v = word_value(tok)
        if v is not None:
            small = v < 10 and low in SMALL
            if last == "tens" and small and v > 0:
                current = (current or 0.0) + v
                last = "num"
            elif last in ("hundred", "big"):
                current = (current or 0.0) + v
                last = "tens" if low in TENS else "num"
            else:
                break
            consumed = end
            i += 1
            continue
        break
    if current is None and not scaled:
        return None
    return total + (current or 0.0), consumed, scaled
