"""Speech acts: a speech verb used as a verb ("đề nghị", "kiến nghị", "yêu cầu", "giao") makes a
request or a directive, decided by who speaks and to whom.

A commune asking the province requests; the leader asking the commune directs; nobody in a
commune orders the communes; voters' asks are requests at a voter meeting (not those to the
national level); a resident's own petition and a wish to residents are neither.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.deadlines import DUE_BY
from haicap.store.ingest.reader.kinds import DIRECTIVE, REQUEST
from haicap.store.ingest.reader.speakers import COMMUNE, LEADER, RESIDENT, actor_before
from haicap.store.ingest.reader.verdicts import EXCLUDED, Context, Verdict

__all__ = ["ORDER_ONLY", "SHORTCOMINGS", "speech_act"]

_ASK = set(cues.ASK_VERBS.split("|"))
_UPWARD = {"kiến nghị", "kiến nghị với", "kính đề nghị", "mong", "mong muốn", "rất mong", "xin"}
"""Verbs that only ever ask upwards: a provincial leader does not "kiến nghị" the province."""
ORDER_ONLY = {"yêu cầu", "chỉ đạo", "giao", "quán triệt", "nhắc nhở"}
"""Verbs that only order: said in a commune, they still come from the leader."""
SHORTCOMINGS = re.compile(r"(?:những|một số|các|nhiều)?\s*(?:tồn tại|hạn chế|khó khăn|yếu kém|bất cập|vướng mắc)\b")
"""Words of shortcomings: what follows "chỉ rõ" is no task when it names them."""
_NATIONAL = re.compile(r"^\s*(?:với\s+)?(?:quốc hội|chính phủ|thủ tướng|trung ương|nhà nước|bộ(?!\s+(?:chỉ huy|đội))\b)")
"""The national level a voter may ask through the deputies: "Quốc hội", "Chính phủ", a ministry."""


def _instructs(complement: str) -> bool:
    """Tell whether what follows "nhấn mạnh"/"lưu ý" is an instruction to the commune."""
    core = cues.strip_connectives(complement.lstrip(" :,"))
    if SHORTCOMINGS.match(core):
        return False  # "chỉ rõ những tồn tại, hạn chế mà xã cần khắc phục" states problems
    return bool(
        cues.IMPERATIVE_START.match(core) or cues.COMMUNE_SUBJECT_MODAL.search(core) or re.search(r"\b(?:cần|phải)\b", core)
    )


def speech_act(text: str, low: str, ctx: Context) -> Verdict | None:
    """Find the first speech verb used as a verb and decide request/directive by actor."""
    for match in cues.speech_verbs(low):
        verb = match.group(1)
        after = low[match.end() :]
        if verb in ORDER_ONLY and re.search(r"\bđã\s+$", low[: match.start()]) and not DUE_BY.search(after):
            # "Đảng ủy đã chỉ đạo 100% chi bộ …": what was done, reported (but "Chúng tôi đã giao Sở
            # Xây dựng khảo sát, báo cáo trước 15/12" is an order still running to its date).
            continue
        if (
            verb in ("xin", "đề nghị", "kiến nghị")
            and re.search(r"\bđã\s+$", low[: match.start()])
            and re.search(r"\b(?:mà|nhưng)\s+(?:vẫn\s+)?chưa\b", after)
        ):
            continue  # "Nhiều hộ đã xin di dời mấy năm mà vẫn chưa có chỗ": an ask unanswered, a problem
        if (
            verb in _ASK
            and re.search(r"\bđã\s+$", low[: match.start()])
            and not cues.PROVINCE_ADDRESSEE.match(after)
            and not cues.COMMUNE_ADDRESSEE.match(after)
        ):
            continue  # "nhiều người đã xin nghỉ": an ask made before, of nobody here, is what happened
        if re.search(r"\bsẽ\s+(?:tiếp tục\s+)?$", low[: match.start()]):
            return Verdict(EXCLUDED, None, "promise")  # "Thường trực sẽ chỉ đạo các sở ..."
        actor = actor_before(text[: match.start()], ctx.people, ctx.speaker) or ctx.prev_actor
        named = actor is not None
        if actor is None:
            actor = ctx.speaker if ctx.speaker in (LEADER, COMMUNE, RESIDENT) else None
        to_province = bool(cues.PROVINCE_ADDRESSEE.match(after))
        # "đề nghị Ban Thường vụ Tỉnh ủy": a board of the province, not the commune's.
        to_commune = bool(cues.COMMUNE_ADDRESSEE.match(after)) and not to_province
        if actor == RESIDENT:
            # At a voter meeting, voters' asks go to the province or city through its deputies:
            # requests. Elsewhere "Ông A (thôn 3) đề nghị ..." is a resident's own ask, no request
            # of the commune, and asking "chính quyền xã" is no order to it.
            if verb in _ASK and ctx.voter_meeting and _NATIONAL.match(after):
                # "Cử tri kiến nghị Quốc hội, Chính phủ sớm sửa đổi …": asked of the national
                # level through its deputies, no ask the commune puts to the province.
                return Verdict(EXCLUDED, RESIDENT, "resident's petition")
            if verb in _ASK and not to_commune and ctx.voter_meeting:
                return Verdict(REQUEST, RESIDENT, f"voters {verb}")
            if verb in _ASK and to_province and ctx.speaker == COMMUNE:
                # A commune official quoting what people want of the province ("Bà con chỉ mong
                # tỉnh sớm …", ông A, Chủ tịch UBND xã nói) relays it: the commune's request.
                return Verdict(REQUEST, COMMUNE, f"relayed {verb}")
            return Verdict(EXCLUDED, RESIDENT, "resident's petition")
        if verb in _UPWARD and to_province:
            # "Kiến nghị UBND tỉnh sớm phê duyệt …": asked upwards, whoever writes it down.
            return Verdict(REQUEST, COMMUNE, f"{verb} to province")
        if cues.RESIDENT_ADDRESSEE.match(after):
            return Verdict(EXCLUDED, actor, "wish to residents")
        # "lưu ý xã kiên trì vận động ...": the commune told straight after the verb is instructed.
        told = verb == "lưu ý" and to_commune and not re.search(r"\bđã\b", after[:40])
        if verb in cues.SOFT_ORDER_VERBS and not told and not _instructs(after):
            continue  # "nhấn mạnh: việc ... sẽ mang lại lợi ích" is an assessment
        if verb in ORDER_ONLY and to_commune and not named:
            # "Ông yêu cầu các xã ...": nobody in a commune orders the communes; the leader does.
            return Verdict(DIRECTIVE, LEADER, f"{verb} to commune")
        if verb in cues.ENCOURAGE_VERBS and not to_commune:
            continue
        if verb in cues.SOFT_ORDER_VERBS + cues.ENCOURAGE_VERBS and actor != COMMUNE:
            return Verdict(DIRECTIVE, actor or LEADER, f"{verb} + instruction")
        if actor == LEADER:
            return Verdict(DIRECTIVE, actor, f"leader {verb}")
        if actor == COMMUNE:
            if verb in _ASK and to_commune:
                # Nobody in a commune asks "xã"/"cấp ủy" to act: that is the leader speaking.
                return Verdict(DIRECTIVE, LEADER, f"{verb} to commune")
            if verb in _ASK or to_province:
                return Verdict(REQUEST, actor, f"commune {verb}")
            continue
        # Nobody named: orders are directives; otherwise the addressee decides, then the verb.
        if verb in ORDER_ONLY:
            return Verdict(DIRECTIVE, actor, f"{verb}")
        if to_province:
            return Verdict(REQUEST, actor, f"{verb} to province")
        if to_commune:
            return Verdict(DIRECTIVE, actor, f"{verb} to commune")
        if verb in ("kiến nghị", "đề xuất", "kiến nghị với", "xin", "kính đề nghị"):
            return Verdict(REQUEST, actor, f"{verb}")
        return Verdict(DIRECTIVE if ctx.speaker == LEADER else REQUEST, actor, f"{verb} by speaker")
    return None
