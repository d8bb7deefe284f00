"""Decide the kind of one clause from general cues, the actor and the running speaker.

Order matters and says why: a speech act ("đề nghị", "kiến nghị", "yêu cầu") is decided
by who speaks and to whom; praise of the commune is an achievement; meta sentences,
visits, promises and talk of potential are nobody's content; in the leader's speech an
instruction is a directive; in a commune's list of requests a bare instruction is one
more request; otherwise problems beat results ("đã phải gánh chịu" is a problem) and a
negated problem ("không gặp khó khăn") is a result.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.appraisals import appraises
from haicap.store.ingest.reader.bodies import NEED_FROM_ABOVE, THING_ASKED, WE_BELOW, body_acts
from haicap.store.ingest.reader.dates import DATED_LEAD
from haicap.store.ingest.reader.deadlines import DUE_BY
from haicap.store.ingest.reader.interviews import REPORTER_LINE, reporter_asks
from haicap.store.ingest.reader.kinds import ACHIEVEMENT, DIFFICULTY, DIRECTIVE, REQUEST
from haicap.store.ingest.reader.letters import CAPITALISED_WORD
from haicap.store.ingest.reader.list_heads import list_named
from haicap.store.ingest.reader.moods import PRIORITY, URGED, after_time_frame, commune_told, continued_mood, words_said
from haicap.store.ingest.reader.norms import holds_to_norm
from haicap.store.ingest.reader.problems import DAMAGE_SEEN as _DAMAGE
from haicap.store.ingest.reader.problems import behind_plan, names_problem, problem_or_result, result_in
from haicap.store.ingest.reader.speakers import COMMUNE, LEADER, RESIDENT, actor_before
from haicap.store.ingest.reader.speech_acts import ORDER_ONLY, speech_act
from haicap.store.ingest.reader.still_left import still_unchanged
from haicap.store.ingest.reader.verdicts import EXCLUDED, Context, Verdict

__all__ = ["EXCLUDED", "Context", "Verdict", "classify_clause", "list_named"]


# Gifts counted out: "trao 50 suất quà cho …" (whose they are decides: see `classify_clause`).
_COUNTED_GIFT = re.compile(r"\b(?:trao|tặng|trao tặng)\s+(?:(?:hơn|gần|trên|khoảng)\s+)?[\d.,]+\s+(?:suất\s+)?quà\b")
_VISITORS = re.compile(r"\b(?:khách|du khách|khách du lịch|người dân|nhân dân|bà con|học sinh|đoàn khách)\b[^,;.]{0,20}$")

# A subject (the commune, its bodies, an agency) that must do something: "Xã phải ...", "Các sở cần ...".
_MODAL_SUBJECT = re.compile(
    r"^(?:[^,;]{0,60}?\b(?:xã|phường|đặc khu|địa phương|cấp ủy|chính quyền|cán bộ|đảng ủy|đảng bộ|mttq|"
    # ("xã không phải sơ tán hộ nào": nobody had to, no order.)
    r"đoàn thể|người đứng đầu|sở|ngành|thôn|chi bộ)\b[^,;]{0,30}?\s)(?<!không )(?<!chưa )(?<!rất )(?:cần|phải|cần phải)\s+(?!được\b)"
    # "xã rất cần tỉnh hỗ trợ …", "xã cần trung ương bố trí …": a need put to those above, no order.
    r"(?!(?:tỉnh|thành phố|trung ương|cấp trên|nhà nước|các sở|sở)\b)"
)
# "Sở X được giao kiểm tra ...", "Công an tỉnh được yêu cầu phối hợp ..." (not "được giao chỉ tiêu 12 tỷ").
_PASSIVE_ORDER = re.compile(r"\bđược\s+(?:giao|yêu cầu|chỉ đạo)\s+(?!chỉ tiêu|kế hoạch\s+\d|\d|quản lý\b)")

# What the leader's party does on a visit: inspect, survey, work with, meet voters.
_INSPECTION = re.compile(
    r"\b(?:(?:đã|trực tiếp|đi|đến|về|tới|cùng)\s+)*(?:kiểm tra|khảo sát|thị sát|làm việc với|có buổi làm việc|"
    r"chủ trì buổi làm việc|thăm|nắm tình hình|tiếp xúc cử tri|tiếp xúc với cử tri|chúc tết|giám sát)\b"
)


_ASSIGNS = re.compile(
    r"(?:ubnd tỉnh thống nhất chủ trương;\s*)?giao\s+(?:cho\s+)?(?:các\s+)?(?:sở|ban quản lý|công an tỉnh|bộ chỉ huy|"
    r"văn phòng ubnd tỉnh|ubnd (?:các\s+)?(?:xã|phường|đặc khu)|thanh tra tỉnh|kho bạc)\b"
)
# "Các xã bám sát …", "Các xã tuyệt đối không để …": the communes told, by the words of an order
# (not "Các xã phân công nhiệm vụ rõ ràng", how they work).
_COMMUNES_TOLD = re.compile(
    r"^(?:các xã|các phường|các địa phương|ubnd các xã|đảng ủy các xã)\s+(?=(?:tuyệt đối|kiên quyết|khẩn trương|"
    r"tập trung|bám sát|rà soát|chủ động|sớm|khẩn cấp|nghiêm túc|quyết liệt|dứt điểm)\b)"
)
_AGENCY_SUBJECT = re.compile(r"(?:sở|ban|công an|văn phòng|ubnd tỉnh|ubnd thành phố|bộ chỉ huy|thanh tra)\b")
# A provincial agency that opens the clause and acts: "Sở Tài chính hướng dẫn …".
_AGENCY_ACTS = re.compile(
    r"(?:các\s+)?(?:sở|ban quản lý|công an tỉnh|công an thành phố|bộ chỉ huy|văn phòng ubnd|thanh tra tỉnh|"
    # In a conclusion, the commune given the lead is assigned too: "UBND xã X chủ trì xử lý …".
    r"ubnd tỉnh|ubnd thành phố|ubnd xã|ubnd phường|ubnd đặc khu)\b[^,;:]{0,60}?\s(?:chủ trì|phối hợp|hướng dẫn|kiểm tra|rà soát|tham mưu|nghiên cứu|"
    r"xem xét|khẩn trương|sớm|theo dõi|đôn đốc|hỗ trợ|bố trí|giải quyết|xử lý|thẩm định|cân đối|làm việc|"
    # Orders of doing: "Bộ Chỉ huy Quân sự tỉnh điều lực lượng …", "Sở Công Thương kết nối …".
    r"điều|điều động|kết nối|tăng cường|cung cấp|xuất cấp|triển khai)\b"
)
# Whatever must (or must not) be done, unless the subject is people who bear it ("khách phải ngủ lại").
_ANY_SUBJECT_MUST = re.compile(
    r"(?!(?:[^,;:]{0,20}\s)?(?:khách|du khách|người dân|nhân dân|bà con|học sinh|các em|hộ dân|công nhân|người lao động)\b)"
    r"[^;:]{3,60}?\s(?:phải|cần phải|không được" + cues.NOT_GIVEN + r")\s+(?!được\b|chờ|đi\b|đi bộ|di chuyển|ở nhờ|ngủ)"
)
_RESTATED_REQUEST = re.compile(
    r"về\s+(?:các\s+)?(?:đề nghị|kiến nghị|đề xuất)\s+(?:của\s+)?(?:ubnd\s+|đảng ủy\s+|ủy ban nhân dân\s+)?"
    r"(?:xã|phường|đặc khu|các xã|địa phương)\b(?:\s+\S+){4,}"
)
_PLACE_BEFORE = re.compile(r"\b(?:tại|ở|của|với|cho|về|đến|trên địa bàn)\s+(?:các\s+|\d+\s+)?$")
# A line of two to four capitalised words and nothing else: a byline or a credit.
_NAME_ONLY = re.compile(rf"^\s*{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}}\s*$")
# "Khu vực nào chưa có sóng điện thoại, …": whichever one is in a state, then the order.
_WHICHEVER = re.compile(r"^\W*(?:[^\s,;:]+\s+){1,3}nào\b[^,;:]{0,80},\s*")
_GIVEN = re.compile(r"\bđược(?:\s+[^\s,;.]+){0,2}\s*,\s*$|\bđược\s*$")
_PHOTO_LABEL = re.compile(r"^\W*(?:ảnh|hình)\s+\d{1,2}\s*:\s*")
_ATTRIBUTION = re.compile(r"[\"”»]\s*,?\s*[^\"“”«»]{0,120}$")
# A short frame, or whose words follow: "Sau sáp nhập, …", "Theo đồng chí Chủ tịch UBND tỉnh, …".
_SHORT_FRAME = re.compile(
    r"^(?:theo\s+(?:ông|bà|đồng chí|lãnh đạo|(?:phó\s+)?(?:chủ tịch|bí thư))\b[^,;:]{0,80}|[^,;:]{1,25}),\s*"
)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
# A topic that opens a sentence and is cut off from it by a comma: "Đối với sạt lở bờ kênh".
_RESPONSIBLE = re.compile(
    r"\blà\s+(?:trách nhiệm|nhiệm vụ|việc)\s+(?:(?:trước hết|trước tiên|hàng đầu|chính|chung)\s+)?(?:của\s+)"
    r"(?:các\s+)?(?:xã|phường|đặc khu|cấp ủy|chính quyền|cơ sở|địa phương|người đứng đầu|cán bộ|đảng ủy|ubnd xã)\b"
    r"|\b(?:xã|phường|địa phương|đơn vị|cán bộ|nơi|ai)\s+nào\b[^;]{0,100}?\b(?:thì\s+|là\s+|phải\s+|sẽ\s+phải\s+)"
    r"(?:chịu trách nhiệm|bị xử lý|kiểm điểm)\b"
)
# A clause that only names kinds of content: a report's title ("khó khăn, vướng mắc và kiến nghị, đề xuất").
_ONLY_CATEGORIES = re.compile(
    r"^\W*(?:và\s+)?(?:(?:khó khăn|vướng mắc|hạn chế|tồn tại|kiến nghị|đề xuất|kết quả|nhiệm vụ|giải pháp|"
    r"phương hướng)(?:\s*,\s*|\s+và\s+|\s*$))+\W*$"
)
_PROVINCE_WILL = re.compile(
    r"\b(?:tỉnh|thành phố|ubnd tỉnh|ubnd thành phố|tỉnh ủy|thành ủy)\s+sẽ\s+(?:sớm\s+|ngay\s+|tiếp tục\s+)?"
    r"(?:quan tâm|xem xét|hỗ trợ|bố trí|ưu tiên|đầu tư|chỉ đạo|khảo sát|phê duyệt|cân đối|nghiên cứu|tạo điều kiện)\b"
    r"|\b(?:tỉnh|thành phố|ubnd tỉnh)\s+(?:hỗ trợ|cấp)\s+(?:ngay\s+)?(?:cho\s+)?mỗi\b"  # "tỉnh hỗ trợ mỗi hộ 50 triệu"
)
_CATEGORY = re.compile(r"\b(?:khó khăn|vướng mắc|hạn chế|tồn tại|bất cập|kết quả)\b")
_TOPIC_FRAME = re.compile(r"^\W*(?:về|đối với|riêng về|riêng đối với|với)\s+(?:[^\s:;.!?]+\s+){0,10}[^\s:;.!?]+$")
_BECAUSE_OPENS = re.compile(r"^(?:bởi vì|vì)\s+(?!vậy\b|thế\b|sao\b)")


def _first_actor_is_leader(text: str, ctx: Context) -> bool:
    """Whether the subject that opens `text` is the leader's side: in "Các xã đã thành lập
    đoàn công tác nắm tình hình ..." the delegation is the communes' own."""
    low = text.lower()
    for commune in cues.COMMUNE_MARK.finditer(low):
        if _PLACE_BEFORE.search(low[: commune.start()]):
            continue  # "Tại xã A, đoàn đã kiểm tra …": a place, not the subject
        return actor_before(text[: commune.start()], ctx.people, ctx.speaker) == LEADER
    return True


def _province_acts(core: str, verbs: re.Pattern[str] = cues.PROVINCE_SUBJECT_ACTS) -> bool:
    """Whether the clause's subject is the province side and it says what it should do."""
    subject = cues.PROVINCE_ADDRESSEE.match(core)
    return bool(subject and verbs.search(core[subject.end() :][:60]))


def classify_clause(text: str, ctx: Context) -> Verdict:
    """Return the kind of clause `text` (verbatim) in context `ctx`."""
    low = text.lower()
    # A photo story numbers its captions ("Ảnh 11: Sở Công Thương kết nối …"): the number is a label,
    # the caption after it is read as any sentence; so are the words said after "… kết luận: «…»".
    core = words_said(_PHOTO_LABEL.sub("", cues.strip_connectives(low), count=1))
    # A frame's verb is the doing of the subject after it ("Kiểm tra thực tế, Chủ tịch UBND tỉnh
    # chia sẻ …"): no order, though it opens with the verb of one.
    imperative = bool(cues.IMPERATIVE_START.match(after_time_frame(core))) and not ctx.frame

    if _ASSIGNS.match(core):
        # "Giao Sở Xây dựng chủ trì, …": only the province assigns its departments, whoever
        # the text is quoting around it.
        return Verdict(DIRECTIVE, LEADER, "assigned")
    if ctx.answer and not core.startswith("giao ") and re.search(r"\bsẽ\b", core):
        # "…: UBND thành phố ghi nhận, sẽ xem xét bố trí vốn …" answers with a promise, no task.
        return Verdict(EXCLUDED, None, "promise")
    if ctx.answer and (cues.AGENCY_MARK.match(core) or _AGENCY_SUBJECT.match(core) or core.startswith("giao ")):
        # "…: Sở Nông nghiệp và Môi trường nghiên cứu, tham mưu …" assigns the request to an agency.
        return Verdict(DIRECTIVE, LEADER, "assigned in the answer")

    if _NAME_ONLY.match(text):
        # "Hoàng Đạt" alone on a line under a text is its byline: a name says nothing.
        return Verdict(None, None, "")
    if _ONLY_CATEGORIES.match(low):
        # "…; khó khăn, vướng mắc và kiến nghị, đề xuất": names what a report holds, says none of it.
        return Verdict(None, None, "")
    told = ctx.frame and ctx.speaker == LEADER  # "Đối với những hộ còn khó khăn, xã rà soát …": an order's topic
    if _TOPIC_FRAME.match(low) and not cues.SPEECH_VERB.search(low) and (told or not _CATEGORY.search(low)):
        # "Đối với sạt lở bờ kênh, bà đề nghị UBND xã …": the frame names the topic of what
        # follows; it reports nothing itself, whatever problem it names. (A frame that names a
        # kind, "Về khó khăn, ông A cho biết …", does tell what follows, but not in the leader's orders.)
        return Verdict(None, None, "")
    if ctx.listing in (REQUEST, DIRECTIVE) and not re.match(r"(?:\S+\s+){0,3}?đã\b", core):
        # The items of a list of asks or orders given in one sentence, whatever plight they name.
        return Verdict(ctx.listing, ctx.speaker, "listed")
    if ctx.listing is not None and not any(True for _ in cues.speech_verbs(low)):
        # "Ghi nhận những kết quả …: thu ngân sách đạt 112%; hoàn thành giải phóng mặt bằng 24 ha":
        # the items of a list keep the kind its head named, though one opens with the verb of an
        # order; only an item that says the opposite by its own words is read on its own.
        own = problem_or_result(low)
        if own is None or own == ctx.listing:
            return Verdict(ctx.listing, None, "listed")
    if _BECAUSE_OPENS.match(core):
        # "…, vì bến phà thường xuyên quá tải vào dịp lễ": the reason a commune gives for its ask
        # is its difficulty; a reason given for anything else belongs to the clause before it.
        if ctx.prev_kind == REQUEST and names_problem(low):
            return Verdict(DIFFICULTY, COMMUNE, "reason for the ask")
        return Verdict(None, None, "")
    # A bare verb continues the ask, order or report of results before it (`moods.continued_mood`).
    kept = continued_mood(ctx.prev_kind, core, imperative)
    if kept is not None and not cues.SPEECH_VERB.match(core):
        return Verdict(kept, ctx.prev_actor, "continues")
    if (
        ctx.prev_kind == DIRECTIVE
        and ctx.speaker == LEADER
        and not re.search(r"\bđã\b", core)
        and not names_problem(core)
        and not cues.PRAISE.search(core)
        and not cues.SPEECH_VERB.match(core)
    ):
        # In the leader's words, what follows a task in the same sentence is more of it:
        # "yêu cầu phường xử lý dứt điểm …; gắn trách nhiệm của tổ dân phố …".
        return Verdict(DIRECTIVE, ctx.prev_actor, "continues")

    past = re.search(r"\bđã\b", core[:40])
    future = re.search(r"\bsẽ\b", core[:60])
    # The words said, without the attribution after a closing quote ("…", ông A nhấn mạnh).
    said = _ATTRIBUTION.sub("", low)
    unframed = _SHORT_FRAME.sub("", core, count=1)  # "Sau sáp nhập, các xã phải …"
    modal = _MODAL_SUBJECT.match(core) or _MODAL_SUBJECT.match(unframed)
    told = modal is not None and (ctx.speaker == LEADER or bool(cues.IMPERATIVE_START.match(modal.string[modal.end() :])))
    # In the leader's words, a speech verb inside the task ("Xã cần rà soát …, kiên quyết đề xuất
    # thu hồi …") is part of what the commune is told to do; elsewhere any speech verb decides.
    heard = modal.string[: modal.end()] if modal is not None and ctx.speaker == LEADER else said
    if (
        told
        and not past
        and ctx.speaker != RESIDENT
        and not ctx.in_request_list
        and not any(True for _ in cues.speech_verbs(heard))
    ):
        # "Xã phải coi việc lắng nghe ý kiến ...", "Phường phải phối hợp với Công an tỉnh để tạo
        # môi trường thuận lợi": a subject that must do something is told to, whatever else it holds.
        # Outside the leader's speech only when a verb of doing follows ("xã cần quan tâm …", not
        # "xã cần thêm kinh phí", a need).
        return Verdict(DIRECTIVE, LEADER, "leader's modal instruction")

    if _RESTATED_REQUEST.match(core):
        # A notice of conclusions restates each request before answering it: "Về đề nghị của
        # UBND xã … bố trí vốn …" is the commune's request.
        return Verdict(REQUEST, COMMUNE, "restated request")

    if low.rstrip(' "”’»)').endswith("?") and not names_problem(low):
        # A question reports nothing ("Phường đã làm được những gì?"): the answer that follows does.
        # (A voter's "Vì sao … vẫn chưa được chi trả?" names a problem, and is read as one.)
        return Verdict(EXCLUDED, None, "meta")

    if REPORTER_LINE.match(low) and reporter_asks(low):
        # "PV: Xin đồng chí cho biết …": the reporter asks; the answer that follows is content.
        # (A bulletin's "PV: Theo báo cáo, xã đã hoàn thành …" tells, and is read as told.)
        return Verdict(EXCLUDED, None, "meta")

    if cues.LIST_HEADER.search(low.rstrip()) and len(core.split()) <= 25:
        # "Xã đề xuất một số nội dung:" opens a list; the content is in the lines that follow.
        return Verdict(EXCLUDED, ctx.speaker, "list header")

    inspection = _INSPECTION.search(low)
    before = low[: inspection.start()] if inspection else ""
    if (
        inspection
        # A clause with no subject in the leader's words is an order ("Chủ động phối hợp Công an
        # tỉnh kiểm tra …"), not the leader's doing, whatever body it names before the verb.
        and not (imperative and ctx.speaker == LEADER)
        and actor_before(text[: inspection.start()], ctx.people, ctx.speaker) == LEADER
        and _first_actor_is_leader(text[: inspection.start()], ctx)
        # "Sở Xây dựng (được giao) kiểm tra ...": an agency told to inspect is an order.
        and not cues.AGENCY_MARK.search(before)
        and not _PASSIVE_ORDER.search(before + " x")
        and not _AGENCY_ACTS.match(core)
    ):
        spoken = list(cues.speech_verbs(low))
        topic = [v for v in spoken if v.start() > inspection.start() and " về " in low[inspection.end() : v.start()]]
        if not [v for v in spoken if v not in topic] and not cues.PRAISE.search(low):
            # "Tổ công tác đã làm việc với xã về công tác chỉ đạo ...", "Đoàn đã kiểm tra tình
            # hình ngập lụt tại xã": what the leader's party did is context, whatever the topic;
            # but damage it saw is the commune's difficulty ("đoàn đã kiểm tra đoạn kè bị sụt").
            seen = low[inspection.end() :]
            if _DAMAGE.search(seen) and not re.match(r"\s*(?:tình hình|công tác|việc)\b", seen) and not DATED_LEAD.match(low):
                return Verdict(DIFFICULTY, None, "damage seen")
            return Verdict(EXCLUDED, LEADER, "leader's activity")

    meta = cues.META.search(low)
    if meta and not any(v.start() < meta.start() and v.group(1) in ORDER_ONLY for v in cues.speech_verbs(low)):
        # "yêu cầu các sở tiếp thu, giải quyết kiến nghị của xã" is an order, not a meta remark.
        return Verdict(EXCLUDED, None, "meta")
    act = speech_act(text, low, ctx)
    if act is not None:
        return act
    ordered = _PASSIVE_ORDER.search(low)
    if ordered and (ctx.speaker == LEADER or actor_before(text[: ordered.start()], ctx.people, ctx.speaker) == LEADER):
        # "Sở Xây dựng được giao kiểm tra ...": a passive order to a body (a quota is no order).
        return Verdict(DIRECTIVE, LEADER, "passive order")
    if cues.PRAISE.search(low) or appraises(low):
        return Verdict(ACHIEVEMENT, LEADER, "praise")
    if (
        cues.STATISTICS.search(low)
        and not (cues.ACTION.search(low) or (ctx.in_request_list and imperative))  # "- Cho phép xã chuyển 2 ha …"
        and not re.search(r"\bđã\b", low)
        and not names_problem(low)
        and not result_in(_PERCENT.sub(" ", low))
    ):
        # "Xã có tổng diện tích 120 km², dân số 9.286 người": a description, not a result.
        return Verdict(EXCLUDED, None, "statistics")
    gift = _COUNTED_GIFT.search(low)
    if gift and actor_before(text[: gift.start()], ctx.people, ctx.speaker) == LEADER:
        # "Chủ tịch UBND tỉnh trao 50 suất quà cho các hộ có nhà bị sập": the leader's gifts are
        # context, whatever plight names who got them (the commune's own "xã đã trao 640 suất quà"
        # is its work, a result).
        return Verdict(EXCLUDED, LEADER, "visit")
    visit = cues.VISIT.search(core)
    if visit and _VISITORS.search(core[: visit.start()]):
        visit = None  # "du khách đến tham quan ...": tourists visiting are content, not the leader's visit
    if visit and _GIVEN.search(core[: visit.start() + (len(visit.group(0)) - len(visit.group(0).lstrip()))]):
        # "100% hộ nghèo được tặng quà", "… đều được thăm hỏi, tặng quà": people given gifts are what
        # the commune did for them, no visit of the leader's (the passive holds over the verbs listed).
        visit = None
    if visit:
        # The visitor is the subject right before the visit verb (usually the leader).
        offset = len(low.rstrip()) - len(core) + visit.start()
        return Verdict(EXCLUDED, actor_before(text[:offset], ctx.people, ctx.speaker) or ctx.prev_actor, "visit")
    if _PROVINCE_WILL.search(low):
        # "Đồng chí cho biết tỉnh sẽ hỗ trợ ngay mỗi hộ có nhà bị sập 40 triệu đồng": the province's
        # promise, though what it is for names the damage.
        return Verdict(EXCLUDED, None, "promise")
    if cues.PROMISE.search(low) and not names_problem(low):
        return Verdict(EXCLUDED, None, "promise or future")

    result = result_in(low)
    if (
        result
        and not (ctx.in_request_list or PRIORITY.search(low))  # "… việc quan trọng nhất là hoàn thành …": a task
        and actor_before(text[: result.start()], ctx.people, ctx.speaker) == LEADER
        and not names_problem(low)
        # "đồng chí X cùng đoàn đã kiểm tra ...": the leader's own doings are context (but in a
        # commune's list of requests, "Tỉnh sớm bố trí …" is what the province is asked to do).
        and not cues.COMMUNE_MARK.search(low[: result.start()][-40:])
    ):
        return Verdict(EXCLUDED, LEADER, "leader's activity")

    need = NEED_FROM_ABOVE.search(low)
    if need and (ctx.speaker != LEADER or WE_BELOW.search(low[: need.start()])):
        # "Chúng tôi rất cần tỉnh hỗ trợ xây cầu", "Xã mong thành phố sớm …": a need put to those
        # above is the commune's ask, though the running speaker is the leader's.
        return Verdict(REQUEST, COMMUNE, "need put to those above")
    if ctx.speaker == LEADER:
        passive = re.search(r"\b(?:cần|phải|cần phải)\s+được\b", core)  # "việc X cần được triển khai"
        # A shortfall stated is a fact, though it opens with a verb: "Thu hút đầu tư mới đạt 30% kế hoạch."
        shortfall = behind_plan(low) or re.search(r"\b(?:mới|chỉ)\s+đạt\b", low)
        communes_told = _COMMUNES_TOLD.match(core) or (commune_told(core, text) and not result_in(low))
        if holds_to_norm(said, bool(past)):
            # "Việc cấp bách nhất là không để người dân nào bị đói", "Xã không thể chờ cấp trên": a harm
            # kept off, or a norm the commune is held to, is an order, whatever harm it names (`norms`).
            return Verdict(DIRECTIVE, LEADER, "leader's instruction")
        condition = _WHICHEVER.match(core)
        if not past and condition and cues.IMPERATIVE_START.match(core[condition.end() :]):
            # "Khu vực nào chưa có sóng, sắp xếp người trực …": whichever place lacks something is
            # told what to do about it; the lack is the condition of the order.
            return Verdict(DIRECTIVE, LEADER, "leader's instruction")
        if communes_told and not past:
            # "Các xã bám sát chỉ tiêu …", "Các xã tuyệt đối không để phát sinh …": the communes
            # are told what to do, in the leader's conclusion.
            return Verdict(DIRECTIVE, LEADER, "communes told")
        if not past and not shortfall and (imperative or passive or cues.COMMUNE_SUBJECT_MODAL.search(core)):
            return Verdict(DIRECTIVE, LEADER, "leader's instruction")
        if not past and not future and DUE_BY.search(core) and problem_or_result(low) == ACHIEVEMENT:
            # "Xã A hoàn thành làm nhà cho hộ nghèo trước 30/4": a result still due is a task.
            return Verdict(DIRECTIVE, LEADER, "result still due")
        if not past and not future and (_AGENCY_ACTS.match(core) or cues.PROVINCE_BODY_ACTS.match(core) or body_acts(core)):
            # In the leader's conclusion, "Sở Tài chính hướng dẫn xã …", "Bưu điện tỉnh phối hợp
            # với xã chi trả …" assign the body named, whatever plight the task names.
            return Verdict(DIRECTIVE, LEADER, "agency assigned")
        if not future and (_RESPONSIBLE.search(core) or PRIORITY.search(core)):
            # "…, nhưng giữ cho người dân an toàn là trách nhiệm trước hết của xã", "Xã nào để người
            # dân ở vùng nguy hiểm mà không có phương án là chịu trách nhiệm": the leader puts the
            # duty on the commune, or warns who fails it: an order, whatever it names.
            return Verdict(DIRECTIVE, LEADER, "responsibility placed")
        if not past and not future and _ANY_SUBJECT_MUST.match(core):
            # "Công tác nhân sự phải thực hiện đúng quy trình": whatever must be done is told to.
            return Verdict(DIRECTIVE, LEADER, "leader's modal instruction")
    elif ctx.in_request_list and (imperative or _province_acts(core) or THING_ASKED.match(core)):
        return Verdict(REQUEST, COMMUNE, "request list")
    if ctx.speaker == COMMUNE and cues.IMPLICIT_REQUEST.search(low):
        return Verdict(REQUEST, COMMUNE, "stated need")
    if ctx.speaker == COMMUNE and not past and _province_acts(core, cues.PROVINCE_SUBJECT_WISHES):
        # In the commune's voice, "Tỉnh sớm bố trí kinh phí ..." is what it asks of the province.
        return Verdict(REQUEST, COMMUNE, "province to act")

    if URGED.match(after_time_frame(core)) and not (past or ctx.in_request_list or ctx.speaker == LEADER):
        # "Khẩn trương khắc phục hậu quả mưa lũ, …": an urging outside the leader's words and a list
        # of asks (a headline, a slogan) tells no fact, whatever it names.
        return Verdict(None, None, "")

    kind = problem_or_result(low)
    still = still_unchanged(low, kind, ctx.prev_kind)
    if still is not None:
        return Verdict(DIFFICULTY, None, still)
    if cues.POTENTIAL.search(low) and not re.search(r"\b(?:đã|đạt|hoàn thành)\b", low) and kind != DIFFICULTY:
        # Potential is context, unless it is said to be poorly used ("tiềm năng ... còn hạn chế").
        return Verdict(EXCLUDED, None, "potential")
    return Verdict(kind, None, "content" if kind else "")
