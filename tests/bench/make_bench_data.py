#!/usr/bin/env python3
"""Writes the benchmark's data (deterministic): bench-rates.json, a card the size of Microsoft's workbook
(~250 destinations x 2 number types on each of the 4 sheets), and scenario-200.json, a 200-row scenario over
every use case. Run once; both files are committed."""
import json
import random
import string
from pathlib import Path

here = Path(__file__).parent
rng = random.Random(20261124)
zone_a = ["AU", "AT", "BE", "BR", "BG", "CA", "CN", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HK", "HU", "IN",
          "IE", "IT", "JP", "LU", "MY", "MX", "NL", "NZ", "NO", "PL", "PT", "PR", "RO", "RU", "SG", "SK", "SI", "ZA",
          "KR", "ES", "SE", "CH", "TW", "TH", "GB", "US"]
others = sorted({a + b for a in string.ascii_uppercase for b in string.ascii_uppercase} - set(zone_a))
countries = zone_a + rng.sample(others, 250 - len(zone_a))

def rows(price_lo, price_hi):
    out = []
    for i, c in enumerate(countries):
        for nt in ("all", "wireless"):
            out.append({"origin": "*", "destination": f"{c}{'-Mobile' if nt == 'wireless' else ''}", "country": c,
                        "prefixes": [str(100 + i) + ("9" if nt == "wireless" else "")], "number_type": nt,
                        "per_minute": f"{rng.uniform(price_lo, price_hi):.4f}",
                        "connection": f"{rng.choice([0, 0, 0.01, 0.05]):.4f}"})
    return out

card = {"schema": "ccredits.rates/1", "currency": "USD", "effective": "2026-11-01", "illustrative": True,
        "source": "Benchmark data: random prices, not Microsoft's.", "billing_increment_seconds": 6,
        "sheets": {"dial_out_calls": rows(0.01, 0.4), "dial_out_audio": rows(0.02, 0.5),
                   "toll_free_in": rows(0.02, 0.2), "toll_in": rows(0.005, 0.05)}}
(here / "bench-rates.json").write_text(json.dumps(card, indent=1) + "\n")

licence_countries = ["US", "CA", "GB", "DE", "FR", "NL", "JP", "AU", "ES", "IT"]
plans = ["domestic", "domestic_120", "domestic_240", "domestic_international", "payg"]
licences = [{"country": c, "plan": p, "users": rng.randint(1, 300)}
            for c in licence_countries for p in rng.sample(plans, 2)]
usage = []
for i in range(200):
    kind = rng.choice(["user_out"] * 5 + ["conf_out"] * 2 + ["toll_free_in", "toll_in"])
    row = {"kind": kind, "minutes": rng.randint(0, 50000), "calls": rng.randint(0, 5000)}
    nt = rng.choice(["all", "wireless"])
    if kind == "user_out":
        frm = rng.choice(licence_countries)
        row.update({"from": frm, "to": frm if rng.random() < 0.6 else rng.choice(countries), "number_type": nt})
    elif kind == "conf_out":
        row.update({"to": rng.choice(countries), "number_type": nt})
    else:
        row.update({"country": rng.choice(countries)})
        if kind == "toll_free_in":
            row["service"] = rng.choice(["conferencing", "auto_attendant", "call_queue"])
    usage.append(row)
scenario = {"schema": "ccredits.scenario/1", "licenses": licences,
            "conferencing": {"standard": 400, "us_ca_dial_out": 50, "pay_per_minute": 20}, "usage": usage}
(here / "scenario-200.json").write_text(json.dumps(scenario, indent=1) + "\n")
