"""JSON output: the list written object by object reads as the list written at once, through
orjson or json alike (scripts parse `--json`; the whole country is written province by province)."""

from __future__ import annotations

import json

import pytest

from haicap.tui.cli.commands.printing import print_json, print_json_list

SAMPLES = [
    [],
    [{"id": "a1b2-01", "text": "Xã Ngọc Trạo đề nghị tỉnh hỗ trợ", "communes": [], "deadline": None}],
    [{"text": 'NUL\x00 ESC\x1b LS\u2028 RLO\u202e tab\t dòng\nhai "dấu" \\'}, {"n": [1, 2, {"x": True}]}, {}],
    [{"big": 2**70}],  # past 64 bits: orjson refuses it, json writes it
]


@pytest.mark.parametrize("data", SAMPLES)
def test_a_streamed_list_is_the_same_text_as_the_whole_list(data: list, capsys: pytest.CaptureFixture[str]) -> None:
    print_json(data)
    whole = capsys.readouterr().out
    print_json_list(iter(data))
    streamed = capsys.readouterr().out
    assert streamed == whole
    assert json.loads(streamed) == data
    assert whole == json.dumps(data, ensure_ascii=False, indent=2) + "\n", "the text json itself writes"
