"""How the reader's cue for an item is named for people: why it gave the item its kind.

The classifier's reasons are short English notes for developers ("leader yêu cầu",
"commune kiến nghị", "content"); an officer reviewing an import reads these instead.
"""

from __future__ import annotations

__all__ = ["cue_label"]

_EXACT = {
    "heading": ("tiêu đề mục của văn bản", "the section heading"),
    "structured": ("tệp có cấu trúc", "structured file"),
    "review": ("đặt khi duyệt", "set in review"),
    "praise": ("lời ghi nhận, biểu dương", "praise"),
    "content": ("từ ngữ của kết quả, khó khăn", "content words"),
    "continues": ("tiếp vế trước", "continues the clause before"),
    "joined": ("theo vế bên cạnh", "joins the clause beside it"),
    "request list": ("trong danh sách kiến nghị", "in a list of requests"),
    "stated need": ("xã nêu nhu cầu", "the commune states a need"),
    "province to act": ("xã mong tỉnh làm", "the commune wants the province to act"),
    "passive order": ("được giao", "an agency is assigned"),
    "agency assigned": ("cơ quan được giao trong kết luận", "an agency assigned in the conclusion"),
    "assigned in the answer": ("giao trong phần trả lời", "assigned in the answer"),
    "damage seen": ("thiệt hại đoàn thấy", "damage the delegation saw"),
    "leader's instruction": ("việc cần làm trong phát biểu của lãnh đạo", "a task in the leader's speech"),
    "leader's modal instruction": ("việc phải làm", "something that must be done"),
}


def cue_label(cue: str) -> str:
    """ "lãnh đạo đề nghị / leader: đề nghị" for "leader đề nghị"; unknown cues as they are."""
    if cue in _EXACT:
        vi, en = _EXACT[cue]
        return f"{vi} / {en}"
    head, _, verb = cue.partition(" ")
    if head == "leader" and verb:
        return f"lãnh đạo {verb} / leader: {verb}"
    if head in ("commune", "voters") and verb:
        who_vi, who_en = ("xã", "commune") if head == "commune" else ("cử tri", "voters")
        return f"{who_vi} {verb} / {who_en}: {verb}"
    if cue.endswith(" to commune"):
        return f"{cue.removesuffix(' to commune')} xã / asks the commune"
    if cue.endswith(" to province"):
        return f"{cue.removesuffix(' to province')} tỉnh / asks the province"
    if cue.endswith(" by speaker"):
        return f"{cue.removesuffix(' by speaker')}, theo người đang nói / by who is speaking"
    if cue.endswith(" + instruction"):
        return f"{cue.removesuffix(' + instruction')} + việc cần làm / with a task"
    return cue
