#!/usr/bin/env python3
"""Writes a large, deterministic TakeoverRules event format v1 file for measuring `takeover scan` end to end.

An independent producer of the documented format (it does not use the library), so a measured run also checks
that the format as documented is what the reader accepts. The mix is a broker's day: logins, orders and their
executions, portfolio snapshots, some setting changes, FX and withdrawals; about 1 account in 200 is taken over
(hosting-range login, notifications off, sell-off, thin HK buys in a rising ladder).

usage: make-scan-input.py EVENTS_OUT INSTRUMENTS_OUT --events N --accounts M [--seed S]
"""
import argparse
import datetime as dt
import json
import random

JST = dt.timezone(dt.timedelta(hours=9))
LARGE = [("TSE:7203", 2900), ("TSE:8306", 1900), ("TSE:9432", 155), ("TSE:9984", 8500), ("TSE:6758", 3300),
         ("TSE:8058", 2700), ("TSE:9983", 48000), ("TSE:4063", 5600)]
THIN = [("HKEX:08365", 0.42, 8.1), ("HKEX:08123", 0.11, 2.1), ("TSE:9399", 84, 84)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("events_out")
    p.add_argument("instruments_out")
    p.add_argument("--events", type=int, required=True)
    p.add_argument("--accounts", type=int, required=True)
    p.add_argument("--seed", type=int, default=20250321)
    a = p.parse_args()
    rnd = random.Random(a.seed)

    with open(a.instruments_out, "w", encoding="utf-8") as f:
        rows = [{"symbol": s, "market": "TSE", "currency": "JPY", "lastPrice": px, "lastPriceJpy": px,
                 "avgDailyTurnoverJpy": 50_000_000_000, "lotSize": 100} for s, px in LARGE]
        rows += [{"symbol": s, "market": s.split(":")[0], "currency": "HKD" if s.startswith("HKEX") else "JPY",
                  "lastPrice": px, "lastPriceJpy": jpy, "avgDailyTurnoverJpy": 3_000_000, "lotSize": 4000 if s.startswith("HKEX") else 100}
                 for s, px, jpy in THIN]
        json.dump(rows, f, indent=1)

    start = dt.datetime(2025, 3, 3, 8, 0, tzinfo=JST)
    seconds = 30 * 24 * 3600
    attacked = set(rnd.sample(range(a.accounts), max(1, a.accounts // 200)))
    attack_stage = {}
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(a.events_out, "w", encoding="utf-8", newline="\n") as f:
        lines = []
        for i in range(a.events):
            acct = rnd.randrange(a.accounts)
            t = (start + dt.timedelta(seconds=seconds * i // a.events)).isoformat()
            name = f"A-{acct:07d}"
            e = {"id": f"e{i:09d}", "time": t, "account": name}
            stage = attack_stage.get(acct, 0)
            if acct in attacked and i > a.events // 2 and stage < 8:
                attack_stage[acct] = stage + 1
                e.update(attack_event(stage, acct, i, rnd))
            else:
                e.update(normal_event(acct, i, rnd))
            lines.append(dumps(e))
            if len(lines) == 10000:
                f.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            f.write("\n".join(lines) + "\n")


def normal_event(acct, i, rnd):
    r = rnd.random()
    if r < 0.30:
        return {"type": "login", "success": rnd.random() > 0.03, "ip": f"203.0.{acct % 250}.{acct % 199 + 1}",
                "device": f"dev-{acct:x}", "country": "JP", "asn": "AS64496", "hosting": False,
                "authMethod": "sms", "channel": "app" if acct % 3 else "web"}
    if r < 0.60:
        sym, px = LARGE[(acct + i) % len(LARGE)]
        qty = 100 * (1 + acct % 5)
        return {"type": "order", "orderId": f"o{i}", "side": "buy" if rnd.random() < 0.55 else "sell", "symbol": sym,
                "quantity": qty, "price": px, "orderType": "limit", "notionalJpy": qty * px, "buyingPowerJpy": 5_000_000}
    if r < 0.85:
        sym, px = LARGE[(acct + i) % len(LARGE)]
        qty = 100 * (1 + acct % 5)
        return {"type": "execution", "orderId": f"o{i - 1}", "side": "buy", "symbol": sym, "quantity": qty, "price": px,
                "notionalJpy": qty * px}
    if r < 0.90:
        sym, px = LARGE[acct % len(LARGE)]
        return {"type": "portfolio", "positions": [{"symbol": sym, "quantity": 500, "valueJpy": 500 * px}],
                "cashJpy": 300_000, "buyingPowerJpy": 300_000}
    if r < 0.93:
        return {"type": "settingChanged", "setting": "address"}
    if r < 0.97:
        return {"type": "fxConversion", "fromCurrency": "JPY", "toCurrency": "USD", "amountJpy": 100_000}
    return {"type": "withdrawalRequest", "amountJpy": 50_000, "destination": f"bank-{acct:07d}"}


def attack_event(stage, acct, i, rnd):
    sym, px, jpy = THIN[acct % len(THIN)]
    if stage == 0:
        return {"type": "login", "success": True, "ip": f"198.18.{acct % 250}.8", "device": f"atk-{acct:x}", "country": "JP",
                "asn": "AS64511", "hosting": True, "authMethod": "sms", "channel": "web"}
    if stage == 1:
        return {"type": "settingChanged", "setting": "loginNotifications", "enabled": False}
    if stage in (2, 3):
        big, bpx = LARGE[(acct + stage) % len(LARGE)]
        return {"type": "order", "orderId": f"x{i}", "side": "sell", "symbol": big, "quantity": 500, "orderType": "market",
                "notionalJpy": 500 * bpx}
    qty = 40_000 * (stage - 2)
    price = round(px * (1 + 0.05 * (stage - 4)), 4)
    return {"type": "order", "orderId": f"x{i}", "side": "buy", "symbol": sym, "quantity": qty, "price": price,
            "orderType": "limit", "notionalJpy": round(qty * jpy * (1 + 0.05 * (stage - 4))), "buyingPowerJpy": 4_000_000}


if __name__ == "__main__":
    main()
