"""Words that change what a sentence reports: tense, speculation, negation, telephone calls.

These are properties of English news writing, not of one negotiation, so they live in code;
what the negotiation is about (people, topics, sectors, stance words) lives in the profile.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

FUTURE = re.compile(
    r"\b(?:will|would|shall|to (?:begin|hold|start|take place|meet|visit|travel|resume|kick off|open|launch|sit down)|"
    r"(?:is|are|was|were) (?:set|scheduled|expected|slated|due|poised|planning|going) to|scheduled|upcoming|"
    r"ahead of|gearing up|preparing|prepares? (?:for|to)|plans? to|next (?:week|round|month)|later this (?:week|month)|"
    r"tomorrow|preview)\b",
    I,
)
PAST = re.compile(
    r"\b(?:held|hold|holds|concluded|concluding|wrapped up|ended|finished|met|took place|after (?:a|the|their) "
    r"(?:\w+ )?(?:round|meeting|talks|session)|in (?:a|the) \w+ round|following|was|were|yesterday|last (?:week|night))\b",
    I,
)
SPECULATION = re.compile(
    r"\b(?:(?:may|might|could|must) have|possibly|perhaps|presumably|it is unclear whether|unclear if|no indication|"
    r"speculat\w*|rumou?r\w*|is said to have)\b",
    I,
)
CONSIDERING = re.compile(
    r"\b(?:consider\w*|contemplat\w+|mull\w*|weigh(?:s|ing)?|plan(?:s|ning)? to|look(?:s|ing)? into|explor\w+|"
    r"eye(?:s|ing)|aim(?:s|ing)? to)\b",
    I,
)
DISCUSSED = re.compile(
    r"\b(?:discuss\w*|talk(?:ed|s)? (?:about|on)|agenda|topics?|focus\w*|areas?|fields?|issues? (?:of|such as)|"
    r"demand\w*|call(?:ed|ing|s)? (?:for|on)|urg\w+|press(?:ed|ing|es)? (?:for|on|to)|propos\w+|seek\w*|sought|"
    r"secur\w+ exemptions?|exempt\w*|rais(?:e|ed|es|ing)|address\w*|cover\w*|negotiat\w+|concessions?|"
    r"highlight\w*|importance of|desire|request\w*|insist\w*|ask(?:ed|s|ing)?|touch(?:ed|es)? on|on the table|"
    r"priorit(?:y|ies)|push(?:ed|es|ing)? for|sought|want(?:s|ed)?|wish(?:es)?|agreed (?:on|to))\b",
    I,
)
NOT_DISCUSSED = re.compile(
    r"\b(?:(?:were|was|are|is|had|have|has) not (?:been )?(?:discussed|raised|taken up|on the agenda|addressed|covered|"
    r"brought up|touched|mentioned)|(?:did not|didn't|didn’t|do not|don't|don’t|does not|doesn't|doesn’t|never|"
    r"not) (?:discuss|raise|address|cover|come up|bring up|touch on|take up|talk about)|"
    r"not (?:part of|among|on) the (?:discussions?|talks|agenda)|(?:no|without) discussion (?:of|on|about)|"
    r"off the (?:table|agenda)|(?:was|were) not (?:a )?(?:topic|subject)|(?:was|were|is|are) left out)\b",
    I,
)
PHONE = re.compile(
    r"\b(?:phone|telephone|video ?(?:call|conference|link)|videoconference|teleconference|virtual(?:ly)?|"
    r"online (?:meeting|talks)|by video|remotely|conference call)\b",
    I,
)
MEETING = re.compile(
    r"\b(?:met|meet(?:s|ing|ings)?|talks|session|sat down|sit down|held (?:talks|a meeting|discussions)|"
    r"negotiat(?:ed|ing) with|led by|round|gathering|hosted|attend(?:ed|ing|s)?|join(?:ed|s)?|sitting|visit(?:ed|s|ing)?)\b",
    I,
)
STRONG_MEETING = re.compile(
    r"\b(?:met|meet(?:s|ing)? with|meetings? (?:with|between)|talks (?:with|between)|held (?:talks|a meeting|discussions)|"
    r"sat down|sit down with|led by|session|gathering|sitting|attend(?:ed|ing|s)?|join(?:ed|s)?|hosted)\b",
    I,
)
SPEECH_AFTER = re.compile(r"^[’']?s?\s*(?:,\s*)?(?:said|says|told|added|noted|stated|wrote|posted|tweeted|explained)\b")
SPEECH_BEFORE = re.compile(r"(?:\bsaid|\bsays|\baccording to|\btold)\s*$")
ABSENT_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:did not|didn't|didn’t|does not|doesn't|was not|wasn't|wasn’t|will not|won't|could not|"
    r"couldn't|is not|isn't|were not) (?:take part|attend|join|participate|be present|be there|present|make it)|"
    r"was absent|were absent|skipped|missed (?:the|it)|stayed away|sat out|was not among)\b",
    I,
)
ABSENT_BEFORE = re.compile(r"\b(?:without|not including|excluding|but not|except(?: for)?|absent|minus)\s+(?:[\w.’']+\s+){0,4}$", I)
EARLIER = re.compile(
    r"\b(?:had (?:long |previously |initially |earlier )?(?:demanded|sought|insisted|called|pushed|pressed|wanted|"
    r"urged|asked)|earlier (?:insistence|demand|position|stance|call)|previous(?:ly)?|initial(?:ly)?|originally|"
    r"at first|no longer|abandon\w*|backed away|back(?:ing)? down|retreat\w*|shift(?:ed|ing)? (?:away )?from|"
    r"moved away from|dropp(?:ed|ing) (?:its|the|their|a) (?:demand|insistence|call|request)|gave up|giving up|"
    r"once (?:demanded|sought|insisted))\b",
    I,
)
CLAUSE_SPLIT = re.compile(r"\s*(?:;|\bbut\b|\bwhile\b|\bwhereas\b|, although\b|, though\b|\bhowever\b)\s*", I)
