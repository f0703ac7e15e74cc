"""Words that change what a sentence reports: tense, speculation, negation, telephone calls.

These are properties of English news writing, not of one negotiation, so they live in code;
what the negotiation is about (people, topics, sectors, stance words) lives in the profile.
Each cue is a `Phrases` set (lower-case patterns matched on word boundaries), found once per
article and then asked about per sentence or clause.
"""

from __future__ import annotations

import operator
import re

from bot.extract.lexicon import (
    AGREED_PLAN,
    ATTENDANCE_PHRASES,
    ATTRIBUTIONS,
    BEFORE_ANOTHER_MEETING,
    BOTH_SIDES,
    COMMITMENTS_LISTED,
    CONCESSION_WORDS,
    CONTRAST_WORDS,
    DEAL_DOCUMENTS,
    DEAL_FUNDING_VERBS,
    DEAL_TERM_ADVERBS,
    DEAL_TERM_MODALS,
    DEAL_TERM_PARTICIPLES,
    DEAL_TERM_PASSIVES,
    DEAL_TERM_VERBS,
    EXEMPTION_TERMS,
    GOING_OVER_PHRASES,
    JOINED_SPEECH_VERBS,
    KNOWING_PARTICIPLES,
    LATER_MEETING_CLAUSES,
    MOST_FAVOURED_TERMS,
    NOT_AT_HAND,
    NOT_SPEECH_AFTER_VERB,
    OTHER_MEETING_CLAUSES,
    OUTCOME_LINKS,
    OUTCOME_NOUNS,
    PLAN_VERBS,
    PURPOSE_PARTICIPLES,
    QUOTE_MARKS,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    SEEING_VERBS,
    SIDES_AT_THE_TABLE,
    SIGNED_ON,
    SIGNING_PHRASES,
    SITTING_IN,
    SPEECH_VERBS,
    SPENT_WITH,
    TIME_OFFSETS,
    TIME_RELATIONS,
    alternation,
    first_characters,
)
from bot.extract.near import Cue, Near
from bot.extract.phrases import Phrases

_NEG = r"(?:did not|didn't|didn’t|does not|doesn't|doesn’t|do not|don't|don’t|was not|wasn't|wasn’t|were not|weren't|will not|won't|could not|couldn't|is not|isn't|never|not)"

FUTURE = Phrases([
    # not "as you will have seen on Wednesday" nor "would have been" (a past not come about);
    # "would have to pay" still looks ahead
    rf"will(?! have {alternation(KNOWING_PARTICIPLES)}\b)", r"would(?! have (?!to\b))", "shall",
    rf"to {alternation(PLAN_VERBS)}",
    # "is set to meet", also denied ("is not expected to feature in Friday's talks"): still a plan
    r"(?:is|are|was|were)(?: not)? (?:set|scheduled|expected|slated|due|poised|planning|going) to",
    # a day a sitting is awaited on: "a meeting with Lutnick is expected on Tuesday"
    r"(?:is|are) (?:expected|due|slated) (?:on|for)\b",
    # "A third round is to be held in mid-May", "the two are to meet in June": be + to, a plan
    # ("to be held" outweighs the "held" in it: "talks scheduled to be held on Friday")
    rf"(?:is|are) to (?:be held|{alternation(PLAN_VERBS)})", "to be held",
    "scheduled", "upcoming", "ahead of", "gearing up", "preparing", r"prepares? (?:for|to)", r"plans? to",
    r"next (?:week|round|month)", r"later this (?:week|month)", "tomorrow", "preview",
], shared=True)  # fmt: skip
PAST = Phrases([
    "held", "concluded", "concluding", "wrapped up", "ended", "finished", "met", "sat down", "took place", "has ended",
    r"after (?:a|the|their) (?:\w+ )?(?:round|meeting|talks|session)", r"in (?:a|the) \w+ round",
    "was", "were", "yesterday", r"last (?:week|night)",
], shared=True)  # fmt: skip
#: a plan agreed at the meeting ("agreed to begin expert meetings"): its "to begin" looks ahead
#: from a meeting held, so it is not counted as the meeting's own future
AGREED_PLANS = Phrases([AGREED_PLAN], shared=True)
# "ahead of G7" says nothing about the round: only "to begin", "will", "set to" preview it
HEADLINE_FUTURE = Phrases(
    [r"to (?:begin|hold|start|meet|resume|open|head|travel|visit|leave|fly)", r"heads? (?:to|for)", "will",
     r"(?:is|are) set to", "set for", "preview",
     # "where things stand before Akazawa's third round on Friday": what a story stands before is ahead
     r"(?:before|ahead of) (?:[\w'’]+ ){0,2}(?:round|talks|meeting|session)"],
    shared=True,
)
HEADLINE_PAST = Phrases([
    "hold", "holds", "held", r"after (?:\w+ ){0,2}(?:round|talks|meeting|session)", "end", "ends", "ended", "conclude",
    "concludes", r"fail(?:s|ed)? to",
    r"wraps? up", r"yields?", r"makes? progress", "no deal", "without",
], shared=True)  # fmt: skip
SPECULATION = Phrases([
    r"(?:may|might|could|must) (?:also |well |even )?have", "possibly", r"perhaps(?! (?:most|more|above all|the (?:most|biggest|best|largest)))", "presumably", "it is unclear whether", "unclear if",
    "no indication", r"speculat\w*", r"rumou?r\w*", "is said to have", "groundless",
    r"(?:may|might|could) (?:also |well )?(?:touch on|discuss|raise|address|come up|feature)",
], shared=True)  # fmt: skip
#: what the press says others reported ("Japanese media report that Tokyo has floated soybeans"): a
#: report of what was put forward is no guess at what was said, so it names topics; a stance only
#: reported is not taken as the side's own (`bot.extract.positions`)
HEARSAY = Phrases([r"reports? that", "reportedly"], shared=True)
CONSIDERING = Phrases([
    "under review", "under consideration", "being considered", r"being (?:studied|weighed)",
    r"consider\w*", r"contemplat\w+", r"mull\w*", r"weigh(?:s|ing)?", r"plan(?:s|ned|ning)? to", r"look(?:s|ing)? into",
    r"explor\w+", r"eye(?:s|ing)", r"aim(?:s|ing)? to",
], shared=True)  # fmt: skip
DISCUSSED = Phrases([
    r"discuss\w*", r"talk(?:ed|s)? (?:about|on)", "agenda", r"topics?", r"focus\w*", r"areas?", r"fields?",
    r"cent(?:red|ered) (?:on|around)",
    r"issues? (?:of|such as)", r"demand\w*", r"call(?:ed|ing|s)? (?:for|on)", r"urg\w+", r"press(?:ed|ing|es)? (?:for|on|to)",
    r"propos\w+", r"seek\w*", "sought", r"secur\w+ exemptions?", *EXEMPTION_TERMS, r"rais(?:e|ed|es|ing)", r"address\w*",
    r"cover\w*", r"negotiat(?!ors?\b)\w+", r"concessions?", r"highlight\w*", "importance of", "desire", r"request\w*",
    r"insist\w*", r"ask(?:ed|s|ing)?(?! by)(?! whether)(?! if)", r"touch(?:ed|es)? on", "on the table", r"priorit(?:y|ies)",
    r"push(?:ed|es|ing)? for", r"press(?:ed|es|ing)? (?:[\w.’']+ ){1,3}to", r"press(?:ed|es|ing)? (?:[\w.]+ ){1,4}(?:on|for|over)",
    r"want(?:s|ed)?", r"wish(?:es)?", r"agreed (?:on|to)",
    "went into detail", "in detail", r"exchanged? views", "conferred", "sticking point", r"(?:main|key|central) issue",
    "bone of contention", r"offer(?:s|ed|ing)?", r"grievances?", r"differences? (?:remained|remain|over|on)",
    r"as part of (?:the|a|its|this) (?:\w+ )?(?:package|deal|agreement)",
    r"(?:will|would|to) (?:also )?(?:increase|expand|raise) (?:its )?(?:imports|purchases)",
    # what a deal's text holds: "named in the MOU among the sectors"
    rf"(?:named|listed|included|written|set out|spelled out) (?:in|into) (?:the|a|an|its|their|this|that) (?:[\w-]+ ){{0,2}}{alternation(DEAL_DOCUMENTS)}",
    r"(?:agreed|committed|pledged|promised) to (?:buy|purchase|invest)", r"(?:will|would|to|was|were|be|been) (?:be )?(?:cut|lowered|reduced|removed|eliminated|scrapped)",
    rf"{alternation(DEAL_TERM_MODALS)} (?:{alternation(DEAL_TERM_ADVERBS)} ){{0,2}}{alternation((*DEAL_TERM_VERBS, *DEAL_FUNDING_VERBS))}",
    rf"{alternation(DEAL_TERM_PASSIVES)} (?:{alternation(DEAL_TERM_ADVERBS)} ){{0,2}}[{QUOTE_MARKS}]?{alternation(DEAL_TERM_PARTICIPLES)}",
    *MOST_FAVOURED_TERMS, r"comes down (?:to|from)",
    # what a side bound itself to buy or invest in ("committed to purchases of farm goods"), what both
    # sides agreed ("both sides agreed zero-for-zero tariffs on aircraft"), and what a side put
    # forward ("floated purchases of LNG")
    r"(?:committed|commits|pledged|pledges|promised|promises) to (?:[\w-]+ ){0,2}(?:purchases|imports|investments?|procurement)",
    rf"{alternation(BOTH_SIDES)} agreed",
    r"float(?:s|ed)",
    rf"{alternation(OUTCOME_NOUNS)}[\"”’']? {alternation(OUTCOME_LINKS)}", *GOING_OVER_PHRASES, *SIGNED_ON,
    *COMMITMENTS_LISTED,
    # what a deal's text holds, said of the deal: "the agreement includes chapters on digital trade",
    # "a package that includes cooperation on shipbuilding"; the sectors it names: "the sectors named
    # include chips and energy", "it lists the sectors in which the investment is to be made"
    rf"{alternation(DEAL_DOCUMENTS)} (?:that |which )?(?:also )?(?:includes?|included|covers|covered|contains|sets out)",
    r"(?:sectors|areas|industries) (?:named|listed|covered|eligible)",
    # what a clause says is so under a deal is its term: "Under the package, Beijing suspends ...",
    # "under the terms South Korea announced, Seoul will put $150 billion into shipbuilding"
    rf"under (?:the|this|that|its|their|[\w.-]+['’]s) (?:[\w-]+ ){{0,3}}?(?:{alternation(DEAL_DOCUMENTS)}|terms)",
    r"(?:lists?|listed|names?|named) the (?:sectors|areas|industries)",
    # "a final agreement had been reached on TikTok"
    rf"{alternation(OUTCOME_NOUNS)}[\"”’']? (?:had |has |have |was |were |is |are )?(?:been |now )?"
    rf"(?:reached|struck|agreed|made|found) {alternation(OUTCOME_LINKS)}",
], shared=True)  # fmt: skip
# A subject "off the table" was withdrawn from talks that had it ("the 100% tariff is effectively off
# the table"), and one "not covered" by a deal or an announcement, or "left out of" a deal or a
# signing, is outside its terms: neither says the talks left it out.
NOT_DISCUSSED = Phrases([
    rf"(?:were|was|are|is|had|have|has) [{QUOTE_MARKS}]?not (?:been )?(?:discussed|raised|taken up|on the agenda|addressed|brought up|touched|mentioned)",
    _NEG + r" (?:discuss|raise|address|cover|come up|bring up|touch on|take up|talk about)",
    r"(?:not|never) (?:been )?(?:part of|among|on) (?:the|these|those) (?:[\w-]+ )?(?:discussions?|talks|agenda|negotiations?|conversations?)",
    r"denied (?:that )?(?:[\w'’]+ ){0,5}(?:had |has )?(?:come up|been discussed|been raised)", r"(?:no|without) discussion (?:of|on|about)",
    r"off the agenda", r"(?:was|were) not (?:a )?(?:topic|subject)", r"(?:was|were|is|are) left out(?! of (?:the |this |that |its |today['’]s |[\w.-]+['’]s )?(?:[\w-]+ )?(?:deal|agreement|accord|signing|package|order|framework|text|pact))",
    r"(?:did not|didn't|didn’t) come up",
    r"(?:will|would|is|are|was|were) not (?:be )?(?:on the agenda|on the table|discussed|raised|taken up|addressed)",
    r"not on (?:the|anyone['’]s) (?:[\w'’]+ ){0,2}(?:agenda|table)",
    r"(?:is|are|was|were) not expected to be (?:on the agenda|on the table|discussed|raised|taken up)",
    r"(?:were|was|are|is|had|have|has) (?:not|never) (?:been )?on the table",
    # "nothing was said on Monday about the trial": a subject the talks passed over
    r"nothing (?:was |has been |had been )?said (?:[\w'’-]+ ){0,3}?(?:about|of)",
], shared=True)  # fmt: skip
PHONE = Phrases([
    "phone", "telephone", "speakerphone", r"video ?(?:calls?|conferences?|links?)", "videoconference", "teleconference",
    r"virtual(?:ly)?", r"online (?:meeting|talks)", "by video", "remotely", "conference call",
], shared=True)  # fmt: skip
# "then on Friday he saw Treasury Secretary Scott Bessent": seeing someone by his title is meeting him
_SAW_SOMEONE = rf"(?:{'|'.join(SEEING_VERBS)}) (?:[\w.]+ ){{0,2}}(?:secretary|minister|president|premier|representative|counterparts?|negotiator)"
MEETING = Phrases([
    "met", "at the table", r"in the room", r"(?:was|were) (?:also )?present", "in attendance",
    r"paid a (?:courtesy )?call on", "courtesy call", r"meet(?:s|ing|ings)?", "talks", "session",
    "negotiation", r"consultations?",
    "sat down", "sit down",
    r"sat in", r"sits? in", r"held (?:talks|a meeting|discussions)", r"negotiat(?:ed|ing) with", "led by", "round",
    "gathering", "hosted", r"attend(?:ed|ing|s)?", r"join(?:ed|s)?", "sitting", r"(?:spoke|speaks|talked|talks) with",
    r"(?:also )?(?:took|take|takes|taking) part", r"participat(?:ed|es|ing)",
    r"(?:was|were) received by", SPENT_WITH, _SAW_SOMEONE,
    *SIGNING_PHRASES,
], shared=True)  # fmt: skip
#: the sides at the table ("the two sides reached a consensus"): a negotiator telling of them tells of the talks
AT_THE_TABLE = Phrases(list(SIDES_AT_THE_TABLE), shared=True)
#: a clause of a meeting other than the reported one ("when Ishiba and Trump meet", "since they met")
OTHER_MEETING = Phrases(list(OTHER_MEETING_CLAUSES), shared=True)
#: a sentence saying who sat at the talks for one side ("China's delegation was led by He"): in a
#: round's story, its people took part though no one of the other side is named
ATTENDING = Phrases(list(ATTENDANCE_PHRASES), shared=True)
#: ... unless it says who did not: "Trump, who had said on Wednesday ..., did not join the meeting"
NOT_ATTENDING = Phrases(
    [rf"{_NEG} (?:also |even )?(?:join|attend|accompany|take part|be present|present|be there|there|"
     rf"lead (?:the|its|their|his|her) (?:[\w'’-]+ ){{0,2}}delegation)"],
    shared=True,
)
STRONG_MEETING = Phrases([
    "met", "at the table", r"in the room", r"(?:was|were) (?:also )?present", "in attendance",
    r"paid a (?:courtesy )?call on", "courtesy call", r"meet(?:s|ing)? with", r"meetings? (?:with|between)", r"talks (?:with|between)",
    r"held (?:talks|a meeting|discussions)", "sat down", "sit down with", *SITTING_IN, "led by", "session", "gathering",
    "sitting", r"attend(?:ed|ing|s)?", r"join(?:ed|s)?", "hosted", r"(?:spoke|talked) with", r"(?:also )?took part",
    "participated", r"(?:was|were|also) in (?:the|that|this) (?:meeting|session)",
    # present in the room of the sitting: "Lutnick and Bessent were also in the Oval Office for the meeting"
    r"(?:was|were|is|are) (?:also )?in (?:the )?(?:[\w.'’-]+ ){1,3}for (?:the|that|this) (?:meeting|session|talks)",
    r"(?:was|were) received by", SPENT_WITH, _SAW_SOMEONE,
], shared=True)  # fmt: skip
SITTING = Phrases([r"meetings?", r"sessions?", "talks", r"sittings?", r"discussions?", "talked", "spoke"], shared=True)
NO_MEETING = Phrases([
    r"no (?:date|plans?|meeting|talks) (?:has|have|had|was|were|is|are)? ?(?:been )?(?:set|scheduled|planned|arranged|fixed)?",
    r"(?:has|have|had|is|are|was|were) (?:not|yet to be) (?:yet )?(?:been )?(?:set|scheduled|planned|arranged|confirmed)",
    r"ruled out (?:a|any) meeting", r"(?:cancel|postpon)\w+",
], shared=True)  # fmt: skip
ABSENCE_HINT = Phrases([
    "hoped to", "take place", "took place", "not held",
    "unable", "failed", "seeking", "seeks", "sought", r"hop(?:e|es|ing) for", "requested", "requesting", "trying",
    "fell through", r"materiali[sz]e", r"cancell?ed", "called off",
    "not", r"(?:did|does|do|was|were|is|are|wo|could|would|has|have|had)n['’]t", "never", "absent", "skipped", "missed", "without", "excluding", "except",
    "stayed away", "sat out", "minus",
], shared=True)  # fmt: skip
EARLIER = Phrases([
    r"had (?:long|previously|initially|earlier|once|until (?:now|recently)) (?:demanded|sought|insisted|called|pushed|pressed|wanted|urged|asked)",
    r"(?:at|in) (?:the )?(?:earlier|previous|past|prior) (?:rounds?|meetings?|talks)",
    r"earlier (?:insistence|demand|position|stance|call)", r"previous(?:ly)?", r"initial(?:ly)?", "originally",
    "at first", "no longer", r"abandon\w*", "backed away", r"back(?:ing)? down", r"retreat\w*",
    r"shift(?:ed|ing)? (?:away )?from", "moved away from",
    r"dropp(?:ed|ing) (?:its|the|their|a|an) (?:early |earlier |original |initial )?(?:demand|insistence|call|request)", "gave up", "giving up",
    r"once (?:demanded|sought|insisted)",
    # a stance dated to a time gone by, or one the side has ceased to hold: "Japan's stated aim at
    # that time was the removal", "Tokyo has stopped insisting that the tariff be removed", "had
    # given up the idea that the tariffs could be removed", "began these talks demanding removal"
    r"at (?:that|the) time(?! of)", r"stopp(?:ed|ing) (?:insisting|demanding|seeking|pushing|pressing|calling|asking)",
    "given up", r"(?:began|opened|started) (?:the |these |its |their )?(?:talks|negotiations) (?:by )?"
    r"(?:demanding|seeking|insisting|pressing|pushing|calling|asking)",
], shared=True)  # fmt: skip

SPEECH_AFTER = re.compile(
    rf"^[’']?s?\s*(?:,\s*)?{alternation([*SPEECH_VERBS, *REPORTING_VERBS])}\b(?!\s+{alternation(NOT_SPEECH_AFTER_VERB)}\b)"
)
SPEECH_BEFORE = re.compile(rf"\b{alternation(ATTRIBUTIONS)}\s*$")
ABSENT_AFTER = re.compile(
    rf"^[^.;]{{0,60}}?\b(?:{_NEG} (?:(?:expected|going|able|planning|set|due|scheduled|likely) to )?"
    r"(?:take part|attend|join|participate|be present|be there|present|make it|accompany|accompanying|"
    rf"travel(?:l?ing)? with|{alternation(NOT_AT_HAND)}|(?P<meet>meet))|"
    # "skipped a Diet session to make the trip" skipped something else to be there
    r"was absent|were absent|(?:skipped|missed (?:the|it))(?![^.;]{0,60}?\bto (?:make|attend|join|travel|fly|lead|head|be))|"
    r"stayed away|sat out|was not among|(?:was|were) not (?:involved|included|part of)|"
    r"(?:did not|didn't|didn’t|failed to) materiali[sz]e|fell through|was (?:cancell?ed|called off)|"
    r"(?:did not|didn't|didn’t|never) take place|never took place|was not held|"
    r"(?:was|were) not (?:in|at) (?:the )?(?-i:[A-Z])\w*)\b",
    re.IGNORECASE,
)
# the person after: "without Greer"; "unable to meet Bessent" (`meet`: the meeting, not the round,
# did not happen, and the negotiator who was not met still held his round)
ABSENT_BEFORE = re.compile(
    r"\b(?:without|not including|excluding|but not|except(?: for)?|absent|minus|(?P<meet>"
    r"(?:unable|failed|did not get) to (?:meet|see|hold talks with)|(?:did not|didn't|didn’t|could not|couldn't) meet|"
    r"(?:seeking|seeks|sought|hopes? for|hoping for|requested|requesting|trying to (?:arrange|secure)) a meeting with|"
    r"had (?:also )?hoped to (?:meet|see|hold talks with)))"
    r"\s+(?:[\w.’']+\s+){0,4}$",
    re.IGNORECASE,
)
# Where one clause ends and another, possibly with the opposite sense, begins: "they discussed
# chips, adding that currency was not discussed". The words are the lexicon's; the pattern, the
# words a sentence needs for it (`CLAUSE_HINTS`) and the words its windows are cut around
# (`Cue`) are all derived from them.
_BREAK_BRANCHES = (
    ";",
    *(rf"\b{word}\b" for word in CONTRAST_WORDS),
    *(rf", {word}\b" for word in CONCESSION_WORDS),
    rf",\s+{alternation(REPORTING_PARTICIPLES)}\b",
    rf"\band {alternation(JOINED_SPEECH_VERBS)}\b",
    rf",\s+{alternation(PURPOSE_PARTICIPLES)} to\b",
    rf"\b{alternation(TIME_OFFSETS)} {alternation(TIME_RELATIONS)}\b",
    *(rf"(?=\b{clause}\b)" for clause in LATER_MEETING_CLAUSES),
)
#: the word each kind of break holds, as spelled in the text (the first of a later meeting's clause is "when")
_BREAK_CUES = (
    ";", *CONTRAST_WORDS, *CONCESSION_WORDS, *REPORTING_PARTICIPLES, *(f"and {verb}" for verb in JOINED_SPEECH_VERBS),
    *PURPOSE_PARTICIPLES, *TIME_OFFSETS, *(clause.split()[0] for clause in LATER_MEETING_CLAUSES),
)  # fmt: skip
CLAUSE_BREAK = re.compile(
    # every character a break starts with: the regex engine gives up elsewhere at once
    f"(?={first_characters([';', ',', 'and', *CONTRAST_WORDS, *TIME_OFFSETS, *LATER_MEETING_CLAUSES])})"
    + alternation(_BREAK_BRANCHES)
)


#: the words a clause break needs; a sentence with none of them is one clause (no regex run)
CLAUSE_HINTS = Phrases(
    [
        *CONTRAST_WORDS, *CONCESSION_WORDS, *REPORTING_PARTICIPLES, *(f"and {verb}" for verb in JOINED_SPEECH_VERBS),
        *LATER_MEETING_CLAUSES, *(f"{word} to" for word in PURPOSE_PARTICIPLES), *TIME_OFFSETS, BEFORE_ANOTHER_MEETING,
    ],
    shared=True,
)  # fmt: skip
# a break starts at most a comma and a space before its word, and ends (or looks ahead) at most
# "the two will meet" after it
CLAUSE_BREAKS_NEAR = Near(CLAUSE_BREAK, Cue(tuple(dict.fromkeys(_BREAK_CUES))), before=4, after=26)
# Another meeting's clause, apart from the others as its look-ahead reaches further ("before
# Prime Minister Shigeru Ishiba meets").
_BEFORE_MEETING = re.compile(rf"(?=\b{BEFORE_ANOTHER_MEETING}\b)")
BEFORE_MEETING_NEAR = Near(_BEFORE_MEETING, Cue((BEFORE_ANOTHER_MEETING.split()[0],)), before=0, after=72)


_START = operator.methodcaller("start")


def clauses(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, offset by ``start``."""
    spans = []
    position = 0
    lower = text.lower()
    matches = CLAUSE_BREAKS_NEAR.finditer(lower, lower)
    if "before" in lower:
        matches = sorted(matches + BEFORE_MEETING_NEAR.finditer(lower, lower), key=_START)
    for match in matches:
        if match.start() > position:
            spans.append((start + position, start + match.start()))
        position = max(position, match.end())
    if position < len(text):
        spans.append((start + position, start + len(text)))
    return spans or [(start, start + len(text))]


# "- Whether they pencil in a fourth round before the G7 in Kananaskis (June 15-17).": a list item
# that is a "whether" clause alone (no comma); "Whether He can steer the round ... may depend on
# ..." is the subject of a sentence that asserts
_WHETHER_ALONE = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s*Whether\b[^,;:]*$")


def is_question(text: str) -> bool:
    """A question asserts nothing ("Will Bessent attend?", "Is currency on the table?"), nor does
    an indirect one standing alone as a list item of what to watch ("- Whether they pencil in a
    fourth round before the G7."). Its regex runs only on a sentence that holds its word."""
    return text.rstrip("”\"’' ").endswith("?") or ("Whether" in text and _WHETHER_ALONE.match(text) is not None)
