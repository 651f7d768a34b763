#!/usr/bin/env python3
"""Times the official Kaspa SDK (Rust, via its Python package `kaspa`) doing the same work as
`kasfleet bench derive` and `kasfleet bench sign`, so both can be compared on one machine.

    python3 -m venv /tmp/sdk && /tmp/sdk/bin/pip install kaspa==2.1.0
    /tmp/sdk/bin/python bench/sdk_compare.py --derive 10000 --sign 100 1000

Prints one JSON object per benchmark, with the same keys as kasfleet's.
"""
import argparse
import json
import time

import kaspa

MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"


def bench_derive(count):
    xprv = kaspa.XPrv(kaspa.Mnemonic(MNEMONIC).to_seed())
    account = xprv.derive_path("m/44'/111111'/0'").to_xpub()
    start = time.perf_counter()
    receive = account.derive_child(0, False)
    for i in range(count):
        receive.derive_child(i, False).to_public_key().to_address("mainnet")
    seconds = time.perf_counter() - start
    return {"benchmark": "derive", "implementation": "kaspa-python-sdk 2.1.0", "count": count,
            "seconds": seconds, "perSecond": count / seconds}


def bench_sign(inputs):
    key = kaspa.PrivateKey("4d7e0cc6c4a9b1e9bcd3e4a5f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d")
    address = key.to_address("mainnet")
    spk = kaspa.pay_to_address_script(address)
    utxos = [kaspa.UtxoEntryReference.from_dict({
        "address": address.to_string(),
        "outpoint": {"transactionId": "%064x" % (i + 1), "index": i % 4},
        "amount": 1_000_000_000, "scriptPublicKey": {"version": 0, "script": spk.script},
        "blockDaaScore": 1, "isCoinbase": False, "covenantId": None}) for i in range(inputs)]
    tx = kaspa.create_transaction(utxos, [kaspa.PaymentOutput(address, inputs * 999_000_000)], 0)
    start = time.perf_counter()
    kaspa.sign_transaction(tx, [key], False)
    seconds = time.perf_counter() - start
    return {"benchmark": "sign", "implementation": "kaspa-python-sdk 2.1.0", "inputs": inputs,
            "seconds": seconds, "perSecond": inputs / seconds, "microsecondsPerInput": seconds * 1e6 / inputs}


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--derive", type=int, default=10000)
    p.add_argument("--sign", type=int, nargs="*", default=[100, 1000])
    a = p.parse_args()
    print(json.dumps(bench_derive(a.derive)))
    for n in a.sign:
        print(json.dumps(bench_sign(n)))
