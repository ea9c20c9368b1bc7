"""Check-worthiness weights as data (JSON), written by `bench/train_checkworthy.py`.

`<lang>.json` holds a language's word model, `facts.json` the model over extracted facts that
any language uses when it has no word model. A package so the files ship as package data.
"""
