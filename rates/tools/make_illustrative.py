#!/usr/bin/env python3
"""Writes rates/illustrative-{usd,eur,gbp}.json: INVENTED rates so the calculator works out of the box.

Deterministic: run it again and the files come out byte for byte the same. The EUR and GBP cards are the USD
values converted at a stated illustrative rate and rounded half-up to 4 decimals. Real rates come from
Microsoft's rate workbook (by billing country, currency and rate type), loaded as CSV sheets.
Calling codes come from rates/countries.json.
"""
import json
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
CONVERSION = {"USD": Decimal("1"), "EUR": Decimal("0.92"), "GBP": Decimal("0.79")}

# code: (wireline USD, wireless USD, mobile prefixes or None for one country-level "all" row)
# Countries: Zone A (core/DOMAIN.md §4), Pay-As-You-Go zones (Zone 1 US PR GB CA; Zone 2 the 28 countries listed in
# ZONE2 below; Mexico) and common destinations.
ROUTES = {
    "US": ("0.0190", None, None), "CA": ("0.0190", None, None), "PR": ("0.0210", None, None),
    "GB": ("0.0220", "0.0450", ["447"]), "FR": ("0.0240", "0.0890", ["336", "337"]),
    "DE": ("0.0260", "0.0800", ["4915", "4916", "4917"]), "AT": ("0.0280", "0.0750", ["4366", "4367", "4368", "4369"]),
    "BE": ("0.0270", "0.0850", ["324"]), "BG": ("0.0450", "0.1200", ["3598"]), "HR": ("0.0420", "0.1100", ["3859"]),
    "CY": ("0.0400", "0.0700", ["3579"]), "CZ": ("0.0300", "0.0700", ["4206", "4207"]),
    "DK": ("0.0280", None, None), "EE": ("0.0420", "0.1100", ["3725"]), "FI": ("0.0350", "0.1000", ["3584", "3585"]),
    "GR": ("0.0300", "0.0900", ["3069"]), "HU": ("0.0320", "0.0900", ["3620", "3630", "3670"]),
    "IE": ("0.0260", "0.0750", ["3538"]), "IT": ("0.0250", "0.0700", ["393"]), "LV": ("0.0450", "0.1000", ["3712"]),
    "LT": ("0.0450", "0.1000", ["3706"]), "LU": ("0.0300", "0.1000", ["3526"]), "MT": ("0.0400", "0.0900", ["3567", "3569"]),
    "NL": ("0.0260", "0.0800", ["316"]), "NO": ("0.0240", "0.0500", ["474", "479"]),
    "PL": ("0.0250", "0.0450", ["4850", "4851", "4853", "4857", "4860", "4866", "4869", "4872", "4873", "4878", "4879", "4888"]),
    "PT": ("0.0280", "0.0800", ["3519"]), "RO": ("0.0350", "0.0800", ["407"]), "SK": ("0.0350", "0.0900", ["4219"]),
    "SI": ("0.0420", "0.1200", ["38630", "38631", "38640", "38641", "38651", "38670"]),
    "ES": ("0.0240", "0.0600", ["346", "347"]), "SE": ("0.0240", "0.0550", ["467"]),
    "CH": ("0.0300", "0.1500", ["4175", "4176", "4177", "4178", "4179"]),
    "AU": ("0.0300", "0.0650", ["614"]), "NZ": ("0.0350", "0.1000", ["642"]),
    "JP": ("0.0450", "0.1300", ["8170", "8180", "8190"]), "KR": ("0.0300", "0.0500", ["8210"]),
    "CN": ("0.0250", "0.0250", ["8613", "8614", "8615", "8617", "8618", "8619"]),
    "HK": ("0.0250", "0.0300", ["8525", "8526", "8529"]), "TW": ("0.0400", "0.1200", ["8869"]),
    "SG": ("0.0250", "0.0250", ["658", "659"]), "MY": ("0.0350", "0.0550", ["601"]),
    "TH": ("0.0450", "0.0500", ["666", "668", "669"]), "IN": ("0.0550", "0.0550", ["916", "917", "918", "919"]),
    "RU": ("0.0900", "0.2500", ["79"]), "ZA": ("0.0500", "0.1300", ["276", "277", "278"]), "BR": ("0.0400", None, None),
    "MX": ("0.0300", None, None),
    # Common destinations outside Zone A.
    "ZW": ("0.2200", "0.3000", ["26371", "26377", "26378"]),
    "NG": ("0.1500", "0.1600", ["23470", "23480", "23481", "23490", "23491"]),
    "EG": ("0.1400", "0.1700", ["2010", "2011", "2012", "2015"]),
    "AE": ("0.1700", "0.2000", ["97150", "97152", "97154", "97155", "97156", "97158"]),
    "SA": ("0.1300", "0.1900", ["9665"]), "TR": ("0.0600", "0.2000", ["905"]), "IL": ("0.0350", "0.0800", ["9725"]),
    "PK": ("0.1200", "0.1300", ["923"]), "PH": ("0.1500", "0.2000", ["639"]),
    "VN": ("0.1000", "0.1100", ["843", "845", "847", "848", "849"]), "ID": ("0.0800", "0.1300", ["628"]),
    "AR": ("0.0400", "0.1600", ["549"]), "CL": ("0.0400", "0.0700", ["569"]), "CO": ("0.0400", "0.0550", ["573"]),
    "PE": ("0.0400", "0.0800", ["519"]), "KE": ("0.1000", "0.1200", ["2541", "2547"]),
    "MA": ("0.1500", "0.4500", ["2126", "2127"]), "GH": ("0.1800", "0.2000", ["2332", "2335"]),
    "UA": ("0.1500", "0.2500", ["38050", "38063", "38066", "38067", "38068", "38073", "38093", "38095", "38096", "38097", "38098", "38099"]),
    "KZ": ("0.0900", None, None), "BD": ("0.0600", "0.0600", ["8801"]), "LK": ("0.1500", "0.1700", ["947"]),
    "QA": ("0.1600", "0.1900", ["9743", "9745", "9746", "9747"]), "KW": ("0.1000", "0.1100", ["9655", "9656", "9659"]),
    "DO": ("0.0700", "0.1200", None), "JM": ("0.1800", "0.2500", None), "CR": ("0.0500", "0.0700", None),
    "IS": ("0.0400", "0.1500", ["3546", "3547", "3548"]), "RS": ("0.0900", "0.2200", ["3816"]),
}
# "0.0100" connection charge on a few wireless routes (per call).
WIRELESS_CONNECTION = {"ZW", "NG", "EG", "PK", "GH", "MA"}
# Premium and shared-cost ranges (core/DOMAIN.md §2: UK shared-cost 44843/44844/44845/44870/44871/44872 are billed).
PREMIUM = {
    "GB": ("United Kingdom-Shared Cost", ["44843", "44844", "44845", "44870", "44871", "44872"], "0.1500"),
    "FR": ("France-Premium", ["3389"], "0.9000"), "DE": ("Germany-Premium", ["49900"], "1.2000"),
    "IT": ("Italy-Premium", ["39899"], "1.1000"), "ES": ("Spain-Premium", ["34803", "34806", "34807"], "0.9500"),
    "US": ("United States-Premium", ["1900"], "0.9900"),
}
# Toll-free inbound: prefixes where known, USD per minute.
TOLL_FREE = {
    "US": (["1800", "1833", "1844", "1855", "1866", "1877", "1888"], "0.0290"), "CA": ([], "0.0290"),
    "PR": ([], "0.0400"), "GB": (["44800", "44808"], "0.0400"), "FR": (["33800", "33805"], "0.0500"),
    "DE": (["49800"], "0.0500"), "IT": (["39800", "39803"], "0.0550"), "ES": (["34800", "34900"], "0.0500"),
    "NL": (["31800"], "0.0550"), "BE": (["32800"], "0.0600"), "IE": (["3531800"], "0.0500"),
    "AU": (["611800"], "0.0500"), "JP": (["81120", "81800"], "0.1200"), "SG": (["65800"], "0.0700"),
    "IN": (["91000800"], "0.1300"), "BR": (["550800"], "0.1000"), "MX": (["52800"], "0.1000"),
}
ZONE2 = ["AT", "BE", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "HU", "IE", "IT", "JP", "LV", "LT", "LU", "NL", "NZ",
         "NO", "PL", "PT", "RO", "SG", "SK", "SI", "ES", "SE", "CH"]
TOLL_FREE_DEFAULT = "0.0800"


def countries():
    doc = json.loads((HERE / "countries.json").read_text(encoding="utf-8"))
    return {c["code"]: c for c in doc["countries"]}


def money(usd, currency):
    return str((Decimal(usd) * CONVERSION[currency]).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def scaled(usd, factor):
    return str((Decimal(usd) * Decimal(factor)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def row(name, code, prefixes, number_type, per_minute, connection, currency):
    r = {"origin": "*", "destination": name, "country": code}
    if prefixes:
        r["prefixes"] = prefixes
    r.update({"number_type": number_type, "per_minute": money(per_minute, currency),
              "connection": money(connection, currency)})
    return r


def dial_out_rows(table, currency, audio):
    rows = []
    factor = "1.15" if audio else "1"  # meeting dial-out priced a little above user calls (invented)
    for code in sorted(ROUTES):
        wireline, wireless, mobile = ROUTES[code]
        c = table[code]
        name = c["name"]
        codes = c["calling_codes"]
        if wireless is None:
            rows.append(row(name, code, codes, "all", scaled(wireline, factor), "0", currency))
            continue
        rows.append(row(name, code, codes, "wireline", scaled(wireline, factor), "0", currency))
        connection = "0.0100" if code in WIRELESS_CONNECTION else "0"
        rows.append(row(name + "-Mobile", code, mobile or codes, "wireless", scaled(wireless, factor), connection,
                        currency))
        if code in PREMIUM:
            pname, pprefixes, prate = PREMIUM[code]
            rows.append(row(pname, code, pprefixes, "premium", prate, "0", currency))
    return rows


def card(currency, table):
    toll_free = []
    toll_in = []
    for code in sorted(ROUTES):
        name = table[code]["name"]
        prefixes, rate = TOLL_FREE.get(code, ([], TOLL_FREE_DEFAULT))
        toll_free.append(row(name + "-Toll Free", code, prefixes, "all", rate, "0", currency))
        toll_in.append(row(name, code, table[code]["calling_codes"], "all", scaled(ROUTES[code][0], "0.8"), "0",
                           currency))
    rate_note = "" if currency == "USD" else (
        f" Converted from the illustrative USD card at 1 USD = {CONVERSION[currency]} {currency}, rounded to 4 decimals.")
    return {
        "schema": "ccredits.rates/1",
        "currency": currency,
        "effective": "2026-11-01",
        "source": "Illustrative: invented for ccredits, not Microsoft's prices. Real rates come from Microsoft's rate "
                  "workbook (Teams admin center pricing pages, by billing country, currency and rate type); load its "
                  "sheets saved as CSV." + rate_note,
        "illustrative": True,
        "billing_increment_seconds": 6,
        "sheets": {
            "dial_out_calls": dial_out_rows(table, currency, False),
            "dial_out_audio": dial_out_rows(table, currency, True),
            "toll_free_in": toll_free,
            "toll_in": toll_in,
        },
    }


def write(doc, path):
    sheets = doc.pop("sheets")
    text = json.dumps(doc, ensure_ascii=False, indent=2)[:-2] + ',\n  "sheets": {\n'
    parts = []
    for key, rows in sheets.items():
        body = ",\n".join("      " + json.dumps(r, ensure_ascii=False) for r in rows)
        parts.append(f'    "{key}": [\n{body}\n    ]')
    text += ",\n".join(parts) + "\n  }\n}\n"
    json.loads(text)
    path.write_text(text, encoding="utf-8")


def main():
    table = countries()
    missing = [c for c in list(ROUTES) + list(ZONE2) if c not in table]
    assert not missing, missing
    assert len(ZONE2) == 28
    for currency in CONVERSION:
        write(card(currency, table), HERE / f"illustrative-{currency.lower()}.json")


if __name__ == "__main__":
    main()
