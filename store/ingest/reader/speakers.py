"""Who is speaking: the commune reporting, the provincial leader concluding, or the narrator.

An article alternates between the commune's report (its results, problems, requests) and
the leader's speech (praise and directives). The turn is marked by a speech verb with an
actor ("Bí thư Đảng ủy xã X báo cáo", "Phát biểu kết luận, đồng chí ..."), and the
speaker stays until the article turns back. Photo captions interrupt the text at random
places, so they never move the turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from haicap.store.ingest.reader.cues import (
    AGENCY_MARK,
    COMMUNE_MARK,
    LEADER_MARK,
    LEADER_TURN,
    REPORT_VERB,
    SAYING_OPENS,
    SPEECH_VERB,
    VISIT,
    speech_verbs,
    strip_connectives,
)
from haicap.store.ingest.reader.interviews import INTERVIEW_GIVEN, REPORTER_LINE, SPEAKER_LABEL, asks_interviewee, reporter_asks
from haicap.store.ingest.reader.leader import SURNAMES
from haicap.store.ingest.reader.letters import CAPITALISED_WORD, UPPER

__all__ = [
    "ACTOR_WINDOW",
    "COMMUNE",
    "LEADER",
    "NARRATOR",
    "OWN_PLANS",
    "RESIDENT",
    "People",
    "SpeakerState",
    "actor_before",
    "reporter_asks",
]

LEADER, COMMUNE, NARRATOR = "leader", "commune", "narrator"
RESIDENT = "resident"
"""A resident or voter speaking for themself (in a dialogue): their asks are not the commune's."""

# A person named after an honorific, or after a bare title ("Phó chủ tịch Nguyễn Tự A ghi nhận …",
# "Bí thư B nói"): the role learnt for the name says whose words they are.
_HONORIFIC_NAME = re.compile(
    rf"\b(?:đồng chí|Đồng chí|ông|Ông|bà|Bà|(?:[Pp]hó\s+)?(?:[Cc]hủ tịch|[Bb]í thư|[Gg]iám đốc))\s+"
    rf"({CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{0,3}})"
)
_BARE_COMRADE = re.compile(rf"\b[Đđ]ồng chí\b(?!\s+[{UPPER}])")
_PERSON_TITLE = re.compile(
    r"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+((?:"
    + "|".join(SURNAMES)
    + rf")(?:\s+{CAPITALISED_WORD}){{1,3}})\s*[,\-–]\s*([^,.;]{{3,80}})",
)
# "Ông Đậu Văn A (xóm 4)", "bà Lê Thị B, người dân thôn 3": a resident introduced by their hamlet.
_PERSON_HAMLET = re.compile(
    rf"(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị)\s+({CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{1,3}})\s*"
    r"(?:\(\s*(?:ngụ\s+|trú\s+)?(?:ở\s+|tại\s+)?|,\s*(?:người dân|cử tri|ngụ|trú)\s+(?:ở\s+|tại\s+)?)"
    r"(?:ấp|thôn|bản|xóm|khu phố|tổ dân phố|khóm|làng|buôn|plei|sóc|tổ)\b"
)
# Residents as the subject of a clause: "Cử tri kiến nghị ...", "Nhiều người dân đề nghị ...".
_RESIDENT_SUBJECT = re.compile(
    r"^(?:(?:một số|nhiều|các|đông đảo|có|một|những)\s+)?(?:cử tri|người dân|bà con|hộ dân|nhân dân|các hộ)\b"
)
_COMMUNE_TITLE = re.compile(r"\b(?:xã|phường|đặc khu)\b")
_PROVINCE_TITLE = re.compile(r"Tỉnh ủy|Thành ủy|\btỉnh\b|thành phố|TP|Trung ương|UBND tỉnh", re.I)


@dataclass
class People:
    """Roles of the people an article names, looked up by full name or given name."""

    roles: dict[str, str] = field(default_factory=dict)
    quoted: dict[str, str] = field(default_factory=dict)
    """Sentences of a quote that runs over several sentences, with the role of who said it."""

    @classmethod
    def from_sentences(cls, sentences: list[str], leader: str | None) -> People:
        """Learn roles from "ông NAME, TITLE" introductions and the detected leader."""
        people = cls()
        if leader:
            people.add(leader.split(" (")[0], LEADER)
        for sentence in sentences:
            for match in _PERSON_HAMLET.finditer(sentence):
                people.add(match.group(1), RESIDENT)
            for match in _PERSON_TITLE.finditer(sentence):
                title = match.group(2)
                if _COMMUNE_TITLE.search(title):
                    people.add(match.group(1), COMMUNE)
                elif _PROVINCE_TITLE.search(title):
                    people.add(match.group(1), LEADER)
        people._attribute_quotes(sentences)
        return people

    def _attribute_quotes(self, sentences: list[str]) -> None:
        """Give a quote of several sentences to the speaker named at its end or right after it.

        «“A. B”. Đó là yêu cầu được bà X, Trưởng ban ... Tỉnh ủy nhấn mạnh ...»: A and B are X's;
        so are they in «“A. B”, ông X nói.»
        """
        index = 0
        while index < len(sentences):
            if not _OPENS_QUOTE.match(sentences[index]) or _CLOSES_QUOTE.search(sentences[index]):
                index += 1
                continue
            end = next(
                (
                    j
                    for j in range(index + 1, min(index + 8, len(sentences)))
                    if _CLOSES_QUOTE.search(sentences[j]) or _OPENS_QUOTE.match(sentences[j])
                ),
                None,
            )
            if end is None or _OPENS_QUOTE.match(sentences[end]):
                index += 1
                continue
            closing = sentences[end]
            closed = _CLOSES_QUOTE.search(closing)
            assert closed is not None  # found above: the sentence closes the quote and opens none
            tail = closing[closed.end() :]
            said = _SAID_BY.search(tail)
            source = tail[: said.start()] if said else None
            if source is None and end + 1 < len(sentences):
                following = sentences[end + 1]
                pointer = _POINTS_BACK.match(following)
                if pointer:
                    # "Đó là chỉ đạo của ông X, Chủ tịch UBND tỉnh khi làm việc với xã ...": X said it.
                    source = _WHEN_WHERE.split(following[pointer.end() :], 1)[0]
            role = actor_before(source, self) if source else None
            if role in (LEADER, COMMUNE):
                for j in range(index, end + 1):
                    self.quoted[sentences[j]] = role
            index = end + 1

    def add(self, name: str, role: str) -> None:
        """Remember `name` (and its last word, the given name) as having `role`."""
        self.roles.setdefault(name, role)
        self.roles.setdefault(name.split()[-1], role)

    def role(self, name: str) -> str | None:
        """Return the role of a name as written ("Nguyễn Văn A" or just "A"), if known."""
        words = name.split()
        for size in range(len(words), 0, -1):
            role = self.roles.get(" ".join(words[:size]))
            if role:
                return role
        return self.roles.get(words[-1]) if words else None


_OPENS_QUOTE = re.compile(r"^\s*[\"“«]")
_CLOSES_QUOTE = re.compile(r"[”»]|(?<=\S)\"(?=\s*[,.;:!?]|\s*$)")
# "Đó là yêu cầu được bà X nhấn mạnh", "Đây là chỉ đạo của ông X": the words before were X's.
_POINTS_BACK = re.compile(r"^\s*(?:Đó|Đây|Trên đây|Những điều trên)\s+(?:là|chính là)\b")
_WHEN_WHERE = re.compile(r"\b(?:khi|tại|trong|lúc|sáng|chiều|ngày|hôm)\b")
_SAID_BY = re.compile(
    r"\b(?:nói|cho biết|nhấn mạnh|khẳng định|chia sẻ|bày tỏ|phát biểu|yêu cầu|đề nghị|kiến nghị|"
    r"nêu|lưu ý|cho hay|tâm sự|quán triệt|chỉ đạo|mong muốn|căn dặn|gửi gắm|dặn dò)\b(?!.*\b(?:nói|"
    r"cho biết|nhấn mạnh|khẳng định|chia sẻ|phát biểu|lưu ý|căn dặn)\b)"
)


# ("phối hợp với UBND xã": the body named between the preposition and the mark is no actor either.)
_PREPOSITION = re.compile(
    r"\b(?:của|với|cho|tại|ở|về|đến|từ|trên địa bàn|đối với)\s+(?:các\s+|những\s+|\d+\s+|hai\s+|ba\s+)?"
    r"(?:(?:ubnd|đảng ủy|chính quyền|ủy ban nhân dân|lãnh đạo)\s+(?:các\s+)?)?$"
)
_PREPOSITION_CHARS = 60
"""Characters before a mark that `_PREPOSITION` needs ("trên địa bàn những " has 19; words are
separated by single spaces): it is matched there, not over all the text before the mark."""
ACTOR_WINDOW = 400
"""Characters before a verb in which `actor_before` looks for who speaks it."""


def actor_before(text: str, people: People, speaker: str | None = NARRATOR) -> str | None:
    """Return who speaks a verb preceded by `text`: the nearest actor marker decides.

    "Chủ tịch UBND tỉnh đề nghị" -> leader; "lãnh đạo 2 phường kiến nghị" -> commune;
    "ông A cho biết" -> the role learnt for A. A bare "đồng chí" is the person speaking
    now (a commune secretary in the middle of the report), else the leader. Only the last
    `ACTOR_WINDOW` characters of `text` are searched for actors (its start still tells
    whether residents are the subject).
    """
    marks: list[tuple[int, str]] = []
    low = text.lower()
    # Only the text near the verb can name who speaks it: the marks are looked for in its last
    # `ACTOR_WINDOW` characters (from every verb back to the start, a long sentence was quadratic).
    near = max(0, len(text) - ACTOR_WINDOW)
    for pattern, role in ((LEADER_MARK, LEADER), (AGENCY_MARK, LEADER), (COMMUNE_MARK, COMMUNE)):
        for match in pattern.finditer(low, near):
            # "đề xuất của xã và giao ...": a place after a preposition owns, it does not act.
            if not _PREPOSITION.search(low, max(0, match.start() - _PREPOSITION_CHARS), match.start()):
                marks.append((match.end(), role))
    for match in _BARE_COMRADE.finditer(text, near):
        marks.append((match.end(), COMMUNE if speaker == COMMUNE else LEADER))
    for match in _HONORIFIC_NAME.finditer(text, near):
        known = people.role(match.group(1))
        if known:
            marks.append((match.end(), known))
    subject = _RESIDENT_SUBJECT.match(strip_connectives(low))
    if subject and not marks:
        marks.append((len(text), RESIDENT))
    if not marks:
        return None
    return max(marks)[1]


_ACCORDING_TO = re.compile(
    rf"^\s*[Tt]heo\s+((?:ông|bà|đồng chí|anh|chị)\s+{CAPITALISED_WORD}(?:\s+{CAPITALISED_WORD}){{0,3}})\s*,"
)
_ORDERED_WORK = frozenset({"chỉ đạo", "giao", "quán triệt", "yêu cầu", "nhắc nhở", "động viên", "khuyến khích"})
"""Verbs a commune may be told to carry out ("chỉ đạo quyết liệt …"), which do not make it the speaker."""

_SECTION_HEADING = re.compile(
    r"^(?:[ivx]{1,4}|\d{1,2}|[a-zđ])[.)]\s+(?:về\s+)?(?:các\s+|những\s+)?"
    r"(?:(kiến nghị|đề xuất|kiến nghị, đề xuất|đề nghị)|nhiệm vụ|giải pháp|chỉ đạo|kết luận|phương hướng)\b[^.;:]{0,50}$"
)
_OPINIONS_OF = re.compile(
    r"^\W*(?:(?:[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+)?(?:ý kiến|phát biểu|ý kiến phát biểu|ý kiến thảo luận|kết luận|ý kiến kết luận|ý kiến chỉ đạo)"
    r"\s+(?:của\s+)(.{3,120}?)\s*(?::\s*$|$(?<![.!?]))"
)
_HEARS_REPORT = re.compile(r"\b(?:nghe|lắng nghe)\s+(?:[^;,]{0,30}\s)?báo cáo\b")
# (At a voter meeting the deputy "tiếp thu, giải trình" the voters' points: the floor is the deputy's.)
_LEADER_SPEECH = re.compile(
    r"\b(?:ghi nhận|đánh giá cao|khẳng định|biểu dương|khen ngợi|khen|phân tích|khuyến khích|cho rằng|tiếp thu|giải trình)\b"
)


_QUOTE_THEN_SPEAKER = re.compile(
    r"^[\"“«].+[\"”»]\s*,?\s*([^\"“”«»]{3,160}?\b(?:nói|cho biết|nhấn mạnh|khẳng định|chia sẻ|bày tỏ|"
    r"phát biểu|yêu cầu|đề nghị|kiến nghị|nêu|lưu ý|cho hay|thông tin|tâm sự|quán triệt|chỉ đạo|mong muốn)\b)"
)


_QUOTE_THEN_TAIL = re.compile(r"^[\"“«].+[\"”»]\s*,\s*([^\"“”«»,;:]{3,80}?)\s*[.!]?\s*$")
"""Words in quotes, then a comma and a short attribution with no verb known (see `_QUOTE_THEN_SPEAKER`)."""
OWN_PLANS = "own plans"
"""A section of a commune's own report that sets its plans ("IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM") where
no leader has spoken: neither the leader's orders nor the commune's asks."""
_PLANS = re.compile(r"^\W*(?:[ivx]{1,4}|\d{1,2}|[a-zđ])[.)]\s+(?:các\s+|những\s+)?(?:nhiệm vụ|giải pháp|phương hướng)\b")


class SpeakerState:
    """The running speaker of the article, moved by turns and never by captions."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.speaker = NARRATOR
        self.leader_held = False
        """Whether the leader has held the floor yet (a section of tasks is theirs only then)."""
        self.interviewee = LEADER
        """Who answers an interview's questions: the leader, unless the text names someone else."""

    def _leader_speaks(self, text: str) -> bool:
        """Tell whether the leader speaks in `text` ("..., Chủ tịch UBND tỉnh đánh giá cao ...")."""
        low = text.lower()
        for verb in [*speech_verbs(low), *_LEADER_SPEECH.finditer(low), *LEADER_TURN.finditer(low)]:
            if actor_before(text[: verb.start()], self.people, self.speaker) == LEADER:
                return True
        return False

    def update(self, sentence: str) -> str:
        """Move the speaker if `sentence` turns the article, and return the speaker now."""
        speaker = self._turn(sentence)
        self.leader_held = self.leader_held or speaker == LEADER
        return speaker

    def _turn(self, sentence: str) -> str:
        low = sentence.lower()
        given = INTERVIEW_GIVEN.search(low)
        if given and actor_before(sentence[: given.start()], self.people, None) in (LEADER, COMMUNE):
            self.interviewee = actor_before(sentence[: given.start()], self.people, None) or LEADER
        reporter = REPORTER_LINE.match(low)
        if (reporter and reporter_asks(low)) or (not reporter and asks_interviewee(sentence)):
            # An interview: the reporter asks, and the answer that follows is the interviewee's
            # (the article's leader, unless the text named someone else or the answer does).
            self.speaker = self.interviewee
            return NARRATOR
        if reporter:
            # A bulletin: "PV: Kết luận buổi làm việc, đồng chí … yêu cầu …" is the reporter
            # telling what happened; what it tells decides who speaks, as in any sentence.
            sentence = sentence[reporter.end() :].lstrip()
            low = sentence.lower()
        label = SPEAKER_LABEL.match(sentence)
        if label:
            # "Ông Triệu Văn Quân: …", "[PHỎNG VẤN - Ông X, Bí thư Đảng ủy xã Y]: …": a transcript
            # gives the floor by name; the person's role (or the title given) says whose words follow.
            # What follows the label may still turn to someone else ("Ông A: Đồng chí Chủ tịch
            # UBND tỉnh yêu cầu …" reports the leader), so the rest is read as any sentence.
            role = self.people.role(label.group(1)) or actor_before(label.group(0), self.people, None)
            if role in (LEADER, COMMUNE):
                self.speaker = role
            sentence = sentence[label.end() :]
            low = sentence.lower()
        according = _ACCORDING_TO.match(sentence)
        if according:
            # "Theo bà Nga, xã rất cần …": what follows is said by the person named.
            role = actor_before(according.group(1), self.people, self.speaker)
            if role in (LEADER, COMMUNE):
                self.speaker = role
                return self.speaker
        opinions = _OPINIONS_OF.match(low)
        if opinions:
            # Minutes: "3. Ý kiến của đồng chí Bí thư Đảng ủy xã:" gives the floor to the commune,
            # "Ý kiến của đồng chí Giám đốc Sở …" to the province's side, until the next one;
            # "3. Kết luận của đ/c Chủ tịch HĐND tỉnh:" gives it to the leader for the bullets below.
            role = actor_before(sentence[opinions.start(1) : opinions.end(1)], self.people, None)
            if role in (LEADER, COMMUNE):
                self.speaker = role
                return self.speaker
        section = _SECTION_HEADING.match(low)
        if section:
            # A section of minutes: "3. Về kiến nghị của xã" holds the commune's asks,
            # "2. Nhiệm vụ trọng tâm năm 2026" the leader's tasks.
            self.speaker = COMMUNE if section.group(1) else LEADER
            leaderless = not self.leader_held and LEADER not in self.people.roles.values()
            if self.speaker == LEADER and leaderless and _PLANS.match(low):
                # A commune's own report sets its own tasks ("IV. Nhiệm vụ 6 tháng cuối năm"): it
                # names no leader, who has not spoken, so they are no orders (a report of the session
                # or minutes name the leader first).
                self.speaker = OWN_PLANS
            return self.speaker
        if sentence in self.people.quoted:
            self.speaker = self.people.quoted[sentence]
            return self.speaker
        # ... or by a short attribution after a comma, whatever its verb: «"…", đồng chí dặn dò.»
        quote = _QUOTE_THEN_SPEAKER.match(sentence) or _QUOTE_THEN_TAIL.match(sentence)
        if quote:
            # «"...", ông A, Chủ tịch UBND xã cho biết.»: the words are A's, whatever they say.
            actor = actor_before(quote.group(1), self.people, self.speaker)
            if actor in (LEADER, COMMUNE):
                self.speaker = actor
                return self.speaker
        if LEADER_TURN.search(low):
            self.speaker = LEADER
            return self.speaker
        heard = _HEARS_REPORT.search(low)
        if heard and not self._leader_speaks(sentence[heard.end() :]):
            self.speaker = COMMUNE  # "đã nghe báo cáo ...": the commune's report follows
            return self.speaker
        spoken = list(speech_verbs(low))
        used = {m.start() for m in spoken}
        # "giải quyết kiến nghị của người dân": a speech word used as a noun turns nobody.
        reports = [m for m in REPORT_VERB.finditer(low) if m.start() in used or not SPEECH_VERB.fullmatch(m.group(0))]
        # A verb of saying that opens the words said gives its subject the floor (`SAYING_OPENS`).
        opens = list(SAYING_OPENS.finditer(low))
        verbs = sorted([*reports, *spoken, *_LEADER_SPEECH.finditer(low), *opens], key=lambda m: m.start())
        for verb in verbs:
            # Only the clause of the verb tells who speaks: "...của xã; đồng thời động viên".
            actor = actor_before(sentence[: verb.start()].rsplit(";", 1)[-1], self.people, self.speaker)
            if actor == LEADER and verb.group(0) not in ("báo cáo", "kiến nghị", "đề xuất"):
                self.speaker = LEADER
                return self.speaker
            if actor in (COMMUNE, RESIDENT):
                if self.speaker == LEADER and verb.group(0) in _ORDERED_WORK:
                    # In the leader's conclusion, "UBND xã tập trung chỉ đạo …" is what the
                    # commune is told to do, not the commune speaking.
                    continue
                if self.speaker == LEADER and re.search(
                    r"\b(?:cần|phải|nên)\b", sentence[: verb.start()].rsplit(";", 1)[-1].lower()
                ):
                    # "Xã cần rà soát …, kiên quyết đề xuất thu hồi …": told to propose, in the
                    # leader's words; the commune is not speaking.
                    continue
                self.speaker = actor
                return self.speaker
            if actor is None and verb.re not in (REPORT_VERB, _LEADER_SPEECH, SAYING_OPENS):
                break  # "Đề nghị UBND tỉnh chỉ đạo ...": later verbs belong to the request's complement
        if low.startswith("theo báo cáo"):
            self.speaker = COMMUNE
        if verbs:
            return self.speaker
        visit = VISIT.search(strip_connectives(low))
        if (
            visit
            and actor_before(sentence, self.people) == LEADER
            and not re.search(r"\b(?:cần|phải|nên)\b", strip_connectives(low)[: visit.start()])
        ):
            self.speaker = NARRATOR  # back to the visit: the speech is over
        return self.speaker
