"""The English the finders read, each word list defined once.

These are properties of English news writing, not of one negotiation (that is the profile's
job). Every finder that needs one of these words takes it from here, and every speed helper
(a regex's look-ahead, a `Cue`'s words, a `Phrases` gate) is derived from the same list by
the functions below, so a word added here reaches the pattern and its shortcuts together.
"""

from __future__ import annotations

from collections.abc import Iterable

# -- meetings -------------------------------------------------------------------------------

#: what a numbered sitting is called: "the fifth round", "the third ministerial meeting"
#: a title after one of these is a past holder's, not the profile's person ("a former trade negotiator")
PAST_HOLDER_WORDS = ("former", "ex-", "onetime", "one-time", "erstwhile", "retired")
#: pronouns that open a sentence as a subject: "He" there is the pronoun, not a family name He
#: shared by two listed people
SUBJECT_PRONOUNS = ("he", "she", "it", "we", "they", "i", "you")
#: a title after one of these (with a hyphen or a space) is held by whoever held it at the time
#: told, an earlier holder than today's ("then-industry minister Ahn", "the then finance minister")
THEN_HOLDER_WORDS = ("then",)
#: a title after one of these is a lower office's, not the profile's person ("deputy minister of
#: commerce" is not the minister of commerce)
LOWER_OFFICE_WORDS = ("deputy", "vice", "assistant", "associate", "under")
#: a form of address before a family name: "Mr He", "Ms. Kim"
HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Madam")
#: words that may stand between a name, its comma and a title that describes that name ("He
#: Lifeng, his chief trade negotiator", "Li, China's top negotiator"): determiners and possessives
APPOSITION_DETERMINERS = ("his", "her", "their", "its", "the", "a", "an")
MEETING_NOUNS = ("round", "meeting", "session", "sitting", "sit-down", "negotiation", "consultation")
#: words that may stand between an ordinal and its meeting noun: "the fifth and final round",
#: "the third Japan-U.S. ministerial consultation" (two names joined, whoever the sides are)
MEETING_QUALIFIERS = (
    r"and\s+final", "final", "consecutive", "straight", "formal", "official", "ministerial(?:-level)?", "high-level",
    "cabinet-level", "in-person", "face-to-face", "new", "latest", "bilateral", "trade", "tariff", "such",
    r"[a-z.]+[-–][a-z.]+",
)  # fmt: skip
#: qualifiers of a meeting noun that point back to the meeting the sentence before told of: "The
#: talks were led by ... They were the fifth such meeting since May" (the count is of those talks)
BACK_POINTING_QUALIFIERS = ("such",)
#: what a length of time may be the length of: "a 90-minute meeting", "a two-hour phone call"
SITTING_NOUNS = (
    *MEETING_NOUNS, "talks?", "discussion", "conversation", "encounter", "gathering", "call", "phone", "video",
    "telephone", "press",
)  # fmt: skip
#: the two sides, named with no one of their people, said to have sat down together: "Vietnam and the
#: United States held trade talks in Kuala Lumpur", "the two countries met in Geneva"
SIDES_MET_PHRASES = (
    r"(?:held|hold|holding|holds|concluded|wrapped up) (?:[\w-]+ ){0,3}(?:talks|negotiations|consultations|meetings?)",
    r"met (?:in|at)",
)  # fmt: skip
#: verbs of sitting down together: like a meeting noun, one by a round's city names the round
#: ("the two teams met on Saturday and Sunday at the tower in Kuala Lumpur")
MEETING_VERBS = ("met", "meet", "meets", r"s[ai]ts? down")
#: verbs of a place that receives a meeting, the place their subject: "Geneva will host this weekend
#: the first meeting", "Oslo plays host to the talks on Monday"
HOSTING_VERBS = (
    r"(?:will|is\s+to|is\s+set\s+to|is\s+due\s+to|is)\s+(?:host|hosting)", "hosts", "hosted",
    r"(?:will\s+)?plays?\s+host", r"is\s+playing\s+host", r"played\s+host",
)  # fmt: skip
#: besides meetings, what else an ordinal counts: "the 4th straight week", "the 3rd time"
OTHER_COUNTED_THINGS = (
    "talks", "times?", "visits?", "trips?", "weeks?", "years?", "months?", "anniversary", "century", "summit",
    "edition", "place",
)  # fmt: skip
#: qualifiers of counted things other than meetings: "the 2nd annual summit", "the 7th leaders' summit"
OTHER_COUNT_QUALIFIERS = ("annual", "summit", "leaders['’]?")

#: what a sitting that did not happen is said to have been: "The sixth round, which was to have
#: been held in August, was called off", "The round due in July never happened", "The sixth
#: round, scheduled for 25 August, has been deferred"
CALLED_OFF_PHRASES = (
    "called off", r"cancell?ed", "scrapped", "shelved", "fell through", r"never (?:happened|took place|materiali[sz]ed)",
    r"(?:did not|didn't|didn’t) (?:happen|take place|materiali[sz]e)", r"(?:was|were) to have been",
    # put back with no new day yet: "has been deferred", "was put off", "was postponed indefinitely"
    "postponed", "deferred", "put off",
)  # fmt: skip

#: a day a meeting was once set for and is no longer: "had been pencilled in for Friday", "was
#: originally scheduled for June 20"
SUPERSEDED_PLAN_PHRASES = (
    r"had been (?:pencill?ed in|scheduled|planned|slated|set|expected|penciled)", r"(?:was|were) originally",
    "originally (?:scheduled|planned|slated|set)",
)  # fmt: skip

#: a round named as the aim of a trip still to come, or as one not planned yet: "was ready to return
#: to Washington next week for a fifth round", "was considering returning as early as next week for
#: a fourth round", "had no plans yet for an eighth round" (a "was" that counts no round held)
ROUND_PLAN_PHRASES = (
    r"no (?:firm |concrete |fixed )?plans? (?:yet |so far |as yet )?for",
    # a round with no day yet is still to come: "No date for a seventh round", "no date has been set for"
    r"no (?:firm |fixed |new )?dates? (?:(?:has|have) (?:yet )?been (?:set|fixed|announced) )?(?:yet |so far |as yet )?for",
    r"(?:ready|prepared|willing|considering|planning|hoping|intends?|intending|aims?|aiming|wants?|wanting) "
    r"(?:to )?(?:return|returning|come back|coming back|travel|travell?ing|go back|going back|head back|visit|visiting)",
    r"as early as next (?:week|month)",
    # "is expected back in Washington on Friday, May 30, for a fourth round"
    r"(?:is|are|was|were) (?:expected|due|set|scheduled) (?:back|to (?:return|come back|go back|head back|travel|visit))",
)  # fmt: skip

#: what a day's name before it names: an issue of a publication, not a day of the news ("the Monday
#: letter for Canadians who cross the border", "our Sunday edition", "the Friday column")
ISSUE_NOUNS = ("letter", "newsletter", "edition", "issue", "column", "digest", "roundup", "podcast", "bulletin")
#: what the outlet says it did to the story on a day ("Posted on 27 October", "published June 14",
#: "updated 5 September"): on the day of publication, that day stamps the issue, not the news
FILING_VERBS = ("published", "posted", "updated", "filed")
#: what the outlet says it did with an issue, on the day that stamps it: "Shared with key accounts
#: on July 23", "Circulated to members on 5 May" (a filing line's only: "sent on July 7" tells of a
#: letter's day in a story's own words)
ISSUE_SENDING_VERBS = ("shared", "circulated", "distributed", "emailed")

#: what "will have" assumes a reader already did ("as you will have seen on Wednesday"): the
#: future perfect of knowing, which looks back
KNOWING_PARTICIPLES = ("seen", "noticed", "read", "heard", "learned", "learnt", "gathered")
#: what a meeting to come is said to do: "to begin", "is set to hold", "agreed to meet again"
PLAN_VERBS = (
    "begin", "hold", "start", "take place", "meet", "visit", "travel", "resume", "kick off", "open", "launch", "sit down",
)  # fmt: skip
#: a plan the sides agreed at a meeting, which says the meeting was held: "agreed to begin
#: expert-level meetings", "agreeing to start sector-wise talks"
AGREED_PLAN = rf"agree(?:s|d|ing)? to (?:{'|'.join(PLAN_VERBS)})"

#: a meeting only guessed at: "the two could meet again in Paris", "they might hold talks in June"
GUESSED_MEETING = r"(?:may|might|could) (?:(?:also|well|even|again|yet) )?(?:meet|hold|see|sit down|gather|convene)"
#: the verbs of sitting down with someone that a meeting still to come is told with
MEET_AHEAD_VERBS = ("meet", "see", "sit down", "hold talks")
#: the verbs of joining or leading a sitting still to come: "are expected to lead", "is due to join"
JOIN_AHEAD_VERBS = ("lead", "join", "attend", "travel")
#: the verb of a call scheduled, no sitting: "with Trump and Xi due to speak on Friday to complete it"
CALL_AHEAD_VERBS = ("speak",)
#: a meeting verb only guessed at or wished for, said of the people who would meet: "he could
#: meet Xi", "whether he would still meet Xi", "where he may meet Greer", "no reason to meet Xi",
#: "the President still expects to meet Xi"
GUESSED_MEETING_AHEAD = (
    rf"(?:may|might|could|would) (?:(?:also|well|even|again|yet|still|not|never) )?(?:{'|'.join(MEET_AHEAD_VERBS)})",
    r"(?:hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|wants?|wanted|expects|likely|reason|invited?|offer(?:s|ed)?)[\"”’']? to "
    rf"(?:(?:also|again|finally|still) )?(?:{'|'.join(MEET_AHEAD_VERBS)})",
)
#: a meeting verb scheduled or agreed: "is expected to see Greer", "is scheduled to meet Xi",
#: "agreed to meet in person soon", "who are to meet in Busan", "will also meet", "will be
#: meeting", "are expected to lead", a call: "due to speak on Friday" (a bare "will join" may be
#: the story's own sitting ahead: "the ambassador will join them at the USTR on Friday")
SCHEDULED_MEETING_AHEAD = (
    r"(?:expected|scheduled|due|set|slated|planning|plans?|plann?ed|agree(?:s|d|ing)?|(?:is|are) also|(?:is|are)) to "
    rf"(?:(?:also|again|finally|still) )?(?:{'|'.join((*MEET_AHEAD_VERBS, *JOIN_AHEAD_VERBS, *CALL_AHEAD_VERBS))})",
    rf"will (?:(?:also|again|then|later) )?(?:{'|'.join(MEET_AHEAD_VERBS)}|be meeting)",
)

#: a count of sittings: "met five times", "held two rounds of talks", "flew to Washington eight
#: times for talks": a recap of many meetings, none of them the one a story reports
MEETINGS_COUNTED = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|[2-9]|[1-9][0-9]) (?:times|rounds)",
)

#: the words that give every counted trip its sitting, however far an aside puts it: "has flown to
#: Washington six times, weekly since late May, to meet Bessent"
COUNTED_PURPOSE = ("to", "for")

#: a call as the thing reported: "in Diwali call", "after a call with von der Leyen", "calls
#: between the leaders" (not the verb: "calls for", "called on")
CALL_PHRASES = (
    r"(?:in|after|during|over|following) (?:a |an |the |their |his |her |its )?(?:[\w'’-]+ )?call\b(?! for| on)",
    r"calls? (?:with|between)",
)  # fmt: skip

#: people who talk without sitting together: "spoke by phone", "held a 90-minute call", "in a video
#: conversation". Between people of every side, such a call is an event of the talks (leaders'
#: calls set their course), though it is no meeting.
PHONED_PHRASES = (
    r"(?:spoke|speak|speaks|speaking|spoken|talked|talk|talks|talking) (?:by|on the|over the) (?:tele)?phone",
    r"(?:phone|telephone|video) (?:call|conversation)s?",
    r"(?:held|had|hold|holds|holding) (?:a |an |their |his |her )?(?:[\w'’-]+ )?call\b",
)  # fmt: skip

#: what a story can report that is no round of the talks, though it recalls rounds: an instrument
#: issued ("signed an executive order", "published a fact sheet", "In a letter to", "a notice"),
#: a measure taking effect ("will stop implementing", "takes effect"), a leaders' summit or a
#: meeting held on the sidelines of another gathering, a signing. Only a summit that was held
#: counts: "ahead of the summit" looks to another event (see `bot.extract.lead_event`).
OTHER_EVENT_PHRASES = (
    r"executive orders?", r"(?:presidential )?proclamations?", r"fact ?sheets?", r"in (?:a|an|his|her|its|their) letters?",
    r"letters? (?:to|from|dated|sent)", r"(?:public )?notices?", r"announcements?", r"gazett(?:e|ed)",
    r"(?:take|takes|took|taking) effect", r"(?:came|come|comes|coming) into (?:force|effect)",
    r"(?:stop|stops|stopped|cease|ceases|ceased) (?:implementing|applying|collecting)",
    r"on the sidelines? of", r"summits?", r"signing ceremony", r"signed (?:an? |the |their )?(?:[\w-]+ ){0,3}"
    r"(?:order|agreement|deal|document|memorandum|proclamation|framework|declaration)s?",
)  # fmt: skip
#: what names a meeting of the leaders themselves: "Busan summit lifts the port-fee cloud"
SUMMIT_WORDS = (r"summits?", r"summitry")
#: what puts a summit or a signing still to come, not the story's event: "ahead of the summit"
#: words of the talks themselves ("talks", "the third round"): before another event in a story's
#: news sentence, they make the talks the story's event
TALKS_WORDS = ("talks", "negotiations?", "rounds?", "consultations?")
#: what else two governments hold talks about, another channel than a trade negotiation: "consular
#: talks", "climate envoy talks", "military maritime talks", "talks on the risks of AI" (a profile whose
#: subject is one of these keeps its own talks: its subject terms win)
OTHER_CHANNEL_SUBJECTS = (
    "consular", "climate", "military", r"defen[cs]e", "security", "maritime", r"arms[- ]control", "nuclear",
    "(?-i:AI)", "artificial intelligence", "human rights", "police", r"law[- ]enforcement", r"cyber(?:security)?",
)  # fmt: skip
#: what names a sporting contest, whose "rounds" are a fight's, a race's or a tournament's, never a negotiation's:
#: "stops Cardenas in round eight" after a "knockdown", "the round robin", "Standings after round 3"
CONTEST_WORDS = (
    r"knock(?:down|out)s?", r"referees?", r"round[- ]robin", r"tournaments?", r"championships?", r"grand prix",
    "standings", r"(?:semi|quarter)[- ]?finals?", r"play-?offs?", r"bouts?", "chess", "pole position", r"laps?",
)  # fmt: skip
#: what such talks are called, and the words that may stand between the subject and them ("climate envoy talks")
OTHER_CHANNEL_NOUNS = ("talks", r"consultations?", r"dialogues?", r"negotiations?", r"channels?")
OTHER_CHANNEL_BETWEEN = (r"envoys?", r"working")
#: the sittings such talks are counted in: "a round of consular consultations"
OTHER_CHANNEL_SITTINGS = (r"rounds?", r"sessions?")
_CHANNEL_SUBJECT = rf"(?:{'|'.join(OTHER_CHANNEL_SUBJECTS)})"
_CHANNEL_NOUN = rf"(?:{'|'.join(OTHER_CHANNEL_NOUNS)})"
#: "a round of consular consultations", "climate envoy talks" / "talks on the risks of artificial
#: intelligence": the subject (group ``subject``) before the talks or after "on", "about", "over"
OTHER_CHANNEL_TALKS = (
    rf"(?:(?:{'|'.join(OTHER_CHANNEL_SITTINGS)})\s+of\s+)?(?P<subject>{_CHANNEL_SUBJECT}(?:\s+{_CHANNEL_SUBJECT})*)"
    rf"(?:\s+(?:{'|'.join(OTHER_CHANNEL_BETWEEN)}))?\s+{_CHANNEL_NOUN}\b",
    rf"{_CHANNEL_NOUN}\s+(?:on|about|over)\s+(?:the\s+)?(?:(?:risks?|future|use)\s+of\s+)?"
    rf"(?P<subject>{_CHANNEL_SUBJECT})\b",
)
#: a sentence that sets the story's own event against an earlier one ("It comes three weeks after the
#: leaders met", "The visit took place as the truce nears its deadline"): what it says of the earlier
#: event is backdrop, not the story's news. (A call "followed" talks may be a step of the same talks.)
BACKDROP_SUBJECTS = ("it", "this", r"the (?:meeting|talks|visit|exchange|session|trip|dialogue|discussions?)")
BACKDROP_LINKS = ("after", "as", "amid", "following", "on the heels of", "against a backdrop of")
BACKDROP_OPENING = (
    rf"(?:{'|'.join(BACKDROP_SUBJECTS)})\s+(?:came|comes?|took place|takes? place)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:{'|'.join(BACKDROP_LINKS)})\b"
)
#: verbs that report a speaker's stance besides `REPORTING_VERBS` ('"...," Koo stressed')
STANCE_REPORTING_VERBS = ("stressed", "insisted")
#: seeing someone by his title is meeting him, in any tense: "then on Friday he saw Treasury
#: Secretary Bessent", "he is due to see Commerce Secretary Lutnick on Thursday"
SEEING_VERBS = ("saw", "sees", "seeing", "see")
#: sitting in on a meeting, done or still to be done, seats one at it: "Akazawa sat in on the
#: meeting", "the commerce secretary is expected to sit in on the talks as well"
SITTING_IN = ("sat in", r"sits? in on")
#: days spent with the other side are a sitting, however long the place named between: "Bessent
#: spent Monday and Tuesday at the residence, the envoy's villa by the lake, with He Lifeng";
#: a colon or a full stop between ends it ("spent the week reading reports: Bessent ...")
SPENT_WITH = r"sp(?:end|ent|ends|ending) (?:[\w.'’-]+,? ){1,16}?with"
#: the words a meeting's other party follows: "Akazawa met Lutnick for an hour and did not meet
#: Bessent" (the absence is the subject's, Akazawa's, not Lutnick's)
MEETING_OBJECT_WORDS = ("met", "meets", "meet", "meeting", "saw", "sees", "with")
#: a speech verb followed by one of these words reports no speech: "Greer added to the delegation",
#: "Bessent, said to be close to the president"
NOT_SPEECH_AFTER_VERB = ("to",)
OTHER_EVENT_AHEAD = (
    r"ahead of", "before", "upcoming", "planned", "proposed", "possible", "expected", "next", "coming", "prospective",
    r"(?:is|are|was|were) (?:due|set|scheduled|expected) to",
)  # fmt: skip

#: how a correction notice marks itself: "CORRECTION:", "(Corrects paragraph 3 to say ...)", "An
#: earlier version of this story said", "not 16 hours as previously reported", "UPDATE 1 had said"
CORRECTION_MARKERS = (
    "corrections?", "corrects", "corrected", "earlier version", r"previously (?:reported|stated|said)", r"misstat\w*",
    "incorrectly", "erroneously", "wrongly", "mistakenly", r"(?:update|version|story|article|report)(?: \d+)? had said",
)  # fmt: skip
#: how a correction gives the figure it withdraws: a length after one of these, in the same clause,
#: is not the sitting's ("incorrectly stated that Akazawa met Lutnick for 170 minutes", "an earlier
#: version said the talks lasted 90 minutes", "UPDATE 1 had said Trump met him for about an hour")
WITHDRAWING_PHRASES = (
    r"(?:incorrectly|erroneously|wrongly|mistakenly) (?:stated|said|reported|gave|put|described)",
    r"misstat\w*", r"misreport\w*",
    r"(?:version|story|article|report|update)(?: \d+)?(?: of this (?:story|article|report))? (?:had )?(?:said|stated|reported|gave|put)",
)  # fmt: skip

#: how the press says a meeting was no round of the series: "officials said it was not a formal
#: round", "the talks did not constitute a negotiating round"
NOT_A_ROUND_PHRASES = (
    r"not (?:a|an) (?:[\w-]+ ){0,2}round",
    r"(?:did|does|do|was|is)(?: not|n't|n’t) (?:constitute|count as|amount to|qualify as|called|billed as) (?:a|an) (?:[\w-]+ ){0,2}round",
)  # fmt: skip

#: a document the two sides' people sign together, which they do at one table: "Akazawa and
#: Lutnick signed a memorandum of understanding at the Commerce Department"
SIGNING_PHRASES = (
    r"(?:signed|sign|signs|signing|initialled|initialed) (?:a|an|the|their) (?:[\w-]+ ){0,3}"
    r"(?:memorandum|MOU|agreement|deal|accord|pact|joint statement|declaration)",
)
#: what a signed text is on, which makes its subject a topic: "signed a memorandum on critical
#: minerals", "signed a memorandum of understanding with the commerce secretary on the investment"
SIGNED_ON = tuple(
    rf"{p}(?: of understanding)? (?:with (?:[\w.'’-]+ ){{1,5}}?)?(?:on|covering|regarding)" for p in SIGNING_PHRASES
)
#: the head word of an office named with the person who holds it ("Treasury Secretary Scott
#: Bessent"): a side's team said to be such a person is a seat at the talks (`ATTENDANCE_PHRASES`)
SEAT_TITLES = ("secretary", "minister", "representative", "premier", "president", "ambassador", "negotiator")
#: the head words of the name of an office or a body, written in capitals with the subject it is
#: in charge of: "Agriculture Minister Koizumi", "the Minister of Trade, Industry and Energy",
#: "Investment, Trade and Industry Minister Zafrul", "Hanseong Investment & Securities". A topic's
#: word inside such a name names the office, not a subject of the talks.
OFFICE_HEADS = (
    "Minister", "Ministry", "Secretary", "Department", "Agency", "Commission", "Commissioner", "Committee",
    "Council", "Bureau", "Office", "Assistant", "Adviser", "Advisor", "Securities", "Corporation",
)  # fmt: skip
#: how the press says who sat at the talks for one side, with no one of the other side named:
#: "China's delegation was led by He", "Lutnick was joined at the talks by Bessent", "Wang
#: Wentao also attended the talks", "Greer will join Bessent", "is expected to accompany He"
ATTENDANCE_PHRASES = (
    r"(?:delegations?|side|team),? (?:[\w'’-]+ ){0,3}?(?:was |were |is |are |will be )?(?:led|headed) by",
    r"(?:lead|led|leads|leading|headed|heads|head) (?:the|its|their|his|her|a|[\w.-]+['’]s?) (?:[\w.'’-]+ ){0,2}(?:delegation|side|team)",
    r"(?:added|named|appointed) to (?:the|its|their|his|her|a|[\w.-]+['’]s?) (?:[\w'’-]+ ){0,2}delegation",
    # a seat at the table: "sat on the Chinese side", "with Li at his side", "sat alongside He",
    # "spent two days across the table from He", "took part and briefed the media"
    r"(?:sat|sits|sit|seated) (?:on|at) (?:the|its|their|his|her) (?:[\w.'’-]+ )?(?:side|table)",
    r"at (?:his|her|their) side", r"(?:sat|sits|seated|sitting) (?:alongside|beside|next to|opposite)",
    r"across the table from", r"(?:also )?(?:took|take|takes|taking) part\b(?! in (?:a|an|the) (?:[\w'’-]+ )?(?:call|interview|conference|briefing|hearing|forum|summit))",
    r"(?:a )?(?:member|members|head) of (?:the|its|their|his|her) (?:[\w'’-]+ ){0,2}delegation",
    # who a delegation holds: "Li is also on the delegation", "the Swiss delegation also included
    # the state secretary", "the team comprised Bessent and Greer"
    r"(?:is|are|was|were|will be) (?:also )?(?:on|in|part of) (?:the|its|their|his|her|a|[\w.-]+['’]s?) (?:[\w'’-]+ ){0,2}delegation",
    r"(?:delegations?|team|side) (?:also |will also |will )?(?:included|includes|include|comprised|comprises|comprise|consisted of|consists of)",
    # a side's seat named by who held it: "the US side was represented by Bessent and Greer",
    # "On the American side of the table were Lutnick and Greer", "Across the table was He", "sat
    # across from He", "sat with the president", "among the officials on the American side", "The
    # American team was Treasury Secretary Bessent"
    r"(?:was|were|is|are|will be) (?:also )?represented (?:at (?:the|these|this) (?:talks|table|meeting) )?by",
    r"on (?:the|its|their|his|her|[\w.-]+['’]s?) (?:[\w.'’-]+ ){0,2}side(?: of the table)?,? (?:were|was|sat|are|is)",
    r"among (?:the )?(?:[\w'’-]+ ){1,2}on (?:the|its|their|his|her|[\w.-]+['’]s?) (?:[\w.'’-]+ ){0,2}side",
    r"across the table (?:was|were|sat|is|are)", r"(?:sat|sits|sit|seated|sitting) (?:across from|with)",
    rf"(?:delegation|side|team) (?:was|were|is|are) (?:(?![\w'’-]+ing )[\w.'’-]+ ){{0,2}}(?:{'|'.join(SEAT_TITLES)})",
    r"(?:join|joined|joins|joining|attend|attended|attends|attending) (?:[\w'’-]+ )?(?:at |for |in )?(?:the|these|this) "
    r"(?:[\w'’-]+ ){0,2}(?:talks|meetings?|negotiations|session|delegation)",
    r"(?:was|were|is|are|will be) (?:also )?(?:joined|accompanied|flanked) (?:at the talks |at the table |in the room )?by",
    # "Lutnick, who joined Treasury Secretary Bessent and Trade Representative Greer at the table"
    r"(?:join|joined|joins|joining) (?:[\w.'’-]+ ){1,10}?at the table",
    r"(?:will|to|would) (?:also )?(?:attend|join|accompany)",
    r"accompan(?:y|ied|ies|ying)",
)  # fmt: skip

#: a side's team told as it stands, in the present ("Vietnam's delegation is led by its trade
#: minister", "the US side is represented by the trade representative"): who leads it, not a sitting
STANDING_TEAM = (r"(?:is|are) (?:also )?(?:led|headed|represented) by",)
#: a person said not to be at hand for a sitting, after a negation ("was not available this time",
#: "will not be available"): absent from it
NOT_AT_HAND = ("available", "be available", "on hand", "be on hand")
#: the other side's seat told after a semicolon with the verb left out, after a clause saying who
#: sat for one side: "...; the Chinese side by He Lifeng", "...; Xi by He and Wang", "...; China
#: sent He Lifeng", "...; on the Chinese side, He Lifeng and Li Chenggang"
#: a side's seat named at a clause's start: "On the American side Bessent and Greer negotiated; ...",
#: "On the American side we have Bessent and Greer", "...; on the Chinese side, He Lifeng and Li"
SIDE_SEAT = r"on (?:the|its|their|his|her|[\w.-]+['’]s?) (?:[\w.'’-]+ ){0,2}side(?! of the (?!table))\b,?"
GAPPED_ATTENDANCE = (
    r"(?:[\w.'’-]+ ){1,3}by", r"(?:[\w.'’-]+ ){1,2}(?:sent|brought|fielded)",
    SIDE_SEAT,
)
#: a sitting told by its people sitting, with its length after: "the delegations sat for about six
#: hours", "sat together for about ten hours", "we were at the table for more than five hours"
SAT_FOR = (r"s[ai]t (?:together |down )?for", "at the table for")
#: a day opening a sentence before its "he"/"she", with or without a comma: "On Friday he met
#: Commerce Secretary Howard Lutnick", "On June 5 (Thu., U.S. time), he met Lutnick", "After that
#: he sat down with the two secretaries" (not "On his last trip, ...": a trip, no day)
DAY_OPENINGS = (
    r"(?:Then |And |Later )?[Oo]n [A-Z]\w+(?:,? [A-Z]\w+ \d{1,2}|,? \d{1,2})?(?: \([^)]{0,30}\))?,?",
    r"After that,?", r"Then,?",
)  # fmt: skip
#: a sitting's length told by a verb of lasting, with no meeting noun: "The consultation lasted about
#: an hour and ten minutes", "Japanese side says it ran about 2 hours 15 minutes", "That one ran
#: roughly seventy-five minutes"; the verb's subject is the sitting (`SITTING_SUBJECTS`)
LASTING_VERBS = (
    r"last(?:ed|s)",
    r"r[au]ns? (?:long|for|about|around|roughly|some|nearly|almost|just|over|more|well|close)\b",
)  # fmt: skip
#: what stands for a sitting just before a verb of lasting: a pronoun for the sitting told before
#: ("it ran long", "That one ran", "What followed lasted"), a word for a sitting ("The exchange
#: lasted"); not a call, a hearing or a day ("the call lasted", "The first day, Monday, ran")
SITTING_SUBJECTS = (
    "it", "one", "which", "followed", r"consultations?", "exchange", "encounter", "conversation", r"discussions?",
    "talks", "negotiations", *MEETING_NOUNS,
)  # fmt: skip
#: a sitting's length told by its people meeting for it, with no one named and no meeting noun:
#: "The two leaders met for about 30 minutes", "The delegations met for approximately six hours"
MET_FOR = (r"(?:met|meet|conferred|negotiated) (?:together |again |alone |privately )?for",)
#: a time before the story's own event, said in a sentence: "did hard work in Kuala Lumpur last
#: weekend", "two weeks ago": what the sentence tells was done then, not at the reported sitting
RECALLED_TIMES = (r"last (?:week|weekend|month|year)", r"(?:a|two|three|several) (?:weeks|months) ago", "earlier this (?:month|year)")

#: what makes a length no sitting's, right after it: a total over several days ("close to 20 hours
#: over the two days", "twenty hours spread over two days") or the time since talks began ("ended
#: some twenty hours after they began")
NOT_ONE_SITTING = (
    r"(?:spread |spanning )?(?:over|across) (?:the |both )?(?:two|three|four|five|several|\d+)? ?days",
    r"after (?:they|it|the talks) (?:began|started|opened)",
)

#: the word that lists a side's people under its name, in a roster of who sat: "For the US:
#: Bessent and Greer", "Bessent and Greer for the Americans, He and Li for the Chinese"
ROSTER_LINKS = ("For", "for")

#: what a deal's terms say one side will do, which makes what it is done to a topic of the talks:
#: "the US would ease some of its export controls", "Beijing would resume rare-earth deliveries",
#: "the US will lower the fentanyl tariff", "Beijing would make substantial purchases of soybeans"
DEAL_TERM_VERBS = (
    "ease", "lift", "remove", "suspend", "pause", "delay", "resume", "approve", "halve", "relax", "roll back",
    "drop", "scrap", "extend", "speed up", "resolve", "loosen", "allow", "lower", "cut", "reduce", "end", "stop",
    "eliminate", "buy", "purchase", "invest", r"open(?: up)?", "accept", r"make (?:[\w\"'“”‘’-]+ ){0,2}purchases",
    "expand", "increase", r"(?:start|begin|resume) (?:buying|purchasing|importing)",
    # what a deal gives, sends or charges: "will provide $350 billion for investments", "$150 billion
    # would go to a shipbuilding fund", "intends to procure LNG", "the tariff on cars will come down
    # to 15%", "will apply only MFN tariffs to aircraft", "will work on standards for cars", "intend
    # to cooperate on overcapacity"
    "provide", "procure", "supply", "go to", r"come down", r"apply (?:[\w()-]+ ){0,3}(?:tariffs?|duty|duties|rates?)",
    "work on", r"cooperate (?:on|in)",
    "receive", "recognise", "recognize",
    # what a deal puts off, takes away or steps up: "China would defer its rare earth controls by a
    # year", "the curbs would come off", "Beijing will in return step up its action on fentanyl"
    "defer", "postpone", r"come off", "step up",
    # what a fact sheet says a side commits to: "will take significant measures to stop the flow",
    # "commits to facilitate digital trade", "to strengthen its protection of patents", "to prohibit
    # imports made with forced labour"
    r"take (?:[\w\"'“”‘’-]+ ){0,2}(?:measures|steps|action)", "facilitate", "strengthen", "prohibit",
)  # fmt: skip
#: what a side's commitments under a deal are, listed after them: "Japan's commitments, according
#: to the White House: $550 billion in investment in sectors such as energy", "Indonesia's other
#: commitments under the deal are $15 billion of US energy and $4.5 billion of farm goods"
COMMITMENTS_LISTED = (
    r"(?:commitments|pledges)(?: (?:under|in) (?:the|this|that|its|their) (?:[\w-]+ ){0,2}"
    r"(?:deal|agreement|framework|accord|pact|package))?(?:, according to [^,:;]+,?)?(?::| (?:are|include|included|includes|were))",
)
#: where a deal sends money, a term only after a modal ("Tokyo will finance projects in
#: shipbuilding", "will steer its investment into chips"): at the head of a sentence these are
#: nouns ("Finance Minister Kato said"), so no list item of commitments opens with one
DEAL_FUNDING_VERBS = ("finance", "fund", "steer")
#: the same terms said of what they are done to: "export controls will be eased", "the port fees
#: are paused for a year", "the rare earth issue is settled"
DEAL_TERM_PARTICIPLES = (
    "eased", "lifted", "removed", "suspended", "paused", "delayed", "resumed", "approved", "halved", "relaxed",
    "rolled back", "dropped", "scrapped", "extended", "resolved", "loosened", "allowed", "lowered", "cut", "reduced",
    "ended", "eliminated", "released", "increased", "expanded", "settled",
    # "pharmaceutical tariffs are capped at 15%", "auto parts will also be charged 15%", "$200
    # billion will be paid in installments"
    "capped", "paid", "supplied", "provided", "allocated", "earmarked",
    # "aircraft will be exempted", "generic drugs are exempted under the deal"
    "exempted",
    "deferred", "postponed",
)  # fmt: skip
#: an exemption as something sought, granted or written into a deal: "sought an exemption for cars",
#: "agreed to exempt aircraft", "the deal exempts generic drugs", "cars would be exempt". Not the
#: state of goods a tariff leaves out ("aircraft were exempted from the surcharge in July",
#: "pharmaceuticals remain exempt"): that tells the tariff's reach, not what the talks went through
EXEMPTION_TERMS = (
    r"exemptions?", r"exempt(?:s|ing)\b", r"(?:to|will|would|shall|could|should|must) (?:also |not )?exempt\b",
    r"(?:to|will|would|shall) (?:also )?be exempt\b",
)  # fmt: skip
#: what a suspension of tariffs is called: on an issue about tariffs, extending "the truce" or "the
#: 90-day pause" is about the tariffs it suspends, named or not ("Beijing wants an extension of the
#: truce" is a stance on the US tariffs)
TRUCE_WORDS = ("truce", "pause", "ceasefire")
#: the words of a tariff an issue's `about` words are tried on, to tell an issue on tariffs (where
#: an exemption sought is from the tariff, said or not) from one on anything else
TARIFF_SAMPLES = ("tariffs", "tariff", "duties")
#: the verbs that open an indirect question ("the senator asked whether chips had been discussed",
#: "Asked whether Japan could offer LNG, she said ..."): what the question names is only asked about
ASKING_VERBS = ("asked", "asking", "asks", "ask", "wondered", "wondering", "wonders", "queried", "questioned")
#: a commitment written as a list item opening with its verb, as fact sheets do: "1. Suspend the
#: rare earth export controls", "Buy at least 12 million tons of soybeans"
COMMITMENT_VERBS = (*DEAL_TERM_VERBS, "keep", "take", "grant", "issue", "terminate", "maintain")
#: what makes the bare form of an act of one side (`TERM_ACTS`) a term rather than a wish ("will
#: lower", "is to suspend"; "demands that the US eliminate its tariffs" is a demand): without one,
#: only the present of a fact sheet's list ("Beijing suspends", "Washington halves") is a term
TERM_MODALS = ("will", "would", "shall", "is to", "are to")
#: a side's promise of an act, which makes the act a term as a modal does: "Trump agreed to halve
#: the fentanyl tariff", "Beijing has committed to suspend the controls"
TERM_PROMISES = (r"(?:has |have |had )?agreed to", r"(?:has |have |had )?committed to", r"(?:has |have |had )?pledged to")
#: the words that make such a verb a term of the deal rather than a wish: "would ease", "is to
#: lift", "was willing to relax" (the modals of `TERM_MODALS`, and a promise's words)
DEAL_TERM_MODALS = (
    *TERM_MODALS, "agreed to", "committed to", "pledged to", "willing to", "ready to",
    "prepared to", "offered to",
    # a plan written into a deal or a statement of intent: "the EU intends to procure", "EU
    # companies are expected to invest", "he expected China to delay its controls"
    r"intends? to", r"(?:is|are) expected to", r"expect(?:s|ed)? (?:[\w.'’-]+ ){1,3}to",
    # what a deal obliges a side to: "Washington is supposed to ease its controls"
    r"(?:is|are) supposed to",
    # a side's promise as a noun: "Beijing's commitment to buy soybeans"; a promise in the present
    # of a fact sheet: "Vietnam commits to facilitate digital trade"
    r"commitments? to", r"commits? to",
)  # fmt: skip
#: what may stand between such a word and its verb: "will also come down", "will be almost
#: halved", "intends to substantially increase"
DEAL_TERM_ADVERBS = ("also", "almost", "only", "still", "further", "then", "now", "in turn", "in return", "[a-z]+ly")
#: the treatment a deal promises one side's goods against others': "treatment no less favorable than
#: other countries", "will not be treated worse", "no higher than those imposed on any other
#: country", a rate that "will not exceed 15%" or is "a ceiling"; what the words are said of is a term
MOST_FAVOURED_TERMS = (
    r"no less favou?rabl[ey]", r"not (?:be )?treated (?:less favou?rably|worse)",
    r"no (?:higher|worse) than (?:those|that|the rates?|what) (?:\w+ ){0,2}(?:on|to|for|of) (?:any )?other",
    r"not face (?:higher|worse) (?:rates|tariffs|treatment) than", r"(?:will|would|shall|to) not exceed",
    r"(?:tariff )?ceiling", r"capped at",
)  # fmt: skip
#: what makes a participle a term rather than history: "will be eased", "are paused" (not "were
#: raised in April")
DEAL_TERM_PASSIVES = ("will be", "would be", "to be", "is", "are", "be", "been", "being")
#: a participle may stand in quotation marks: "the issue had been 'settled'"
QUOTE_MARKS = "\"'“”‘’"

#: the words that refer back to what the sentence before named ("the curbs", "these measures",
#: "them"): a stance in a clause with one of them is on the issue the sentence before was about
REFERRING_BACK = (
    r"(?:the|these|those|such) (?:[\w-]+ )?(?:measures|controls|curbs|restrictions|package|proposal|plan|rules)",
    "them",
)
#: what says a sentence goes on with the topics of the one before ("Energy was also on the table")
ALSO_WORDS = ("also", "as well as", "in addition", "too")
#: what makes such a sentence a possibility rather than a topic ("could also be brought into the talks")
MAYBE_WORDS = ("could", "might", "may", "suggest", "suggests", "reportedly")
#: the adverbs of doubt, which govern only the words after them: in "buying more corn and soybeans,
#: and possibly more rice" the corn and soybeans are sure, the rice a guess (a modal of doubt, "may
#: come up", governs its whole clause)
DOUBT_ADVERBS = ("possibly", "perhaps", "presumably")
#: the words that name both sides at once, so that what they agree is each side's stance: "the
#: two sides reached a preliminary consensus", "the two leaders have reached a deal"
#: the sides at the table, whose doings a negotiator tells of the talks: "the two sides reached a
#: preliminary consensus," Li told reporters
SIDES_AT_THE_TABLE = (r"(?:the )?two (?:sides|delegations|teams)", r"both (?:sides|delegations|teams)")
BOTH_SIDES = (
    r"(?:the )?(?:world['’]s )?two (?:largest |biggest )?(?:sides|countries|governments|leaders|delegations|nations|economies|teams)",
    r"both (?:sides|countries|governments|leaders|delegations|nations|ministers|negotiators|teams)",
)  # fmt: skip
#: what one side does to a measure of its own as a deal's term, said with the side as its subject
#: ("the US will lower the fentanyl tariff", "Beijing suspends for a year the export controls",
#: "Washington halves its tariff"): the other side's deal on that measure
TERM_ACTS = (
    r"lower(?:s)?", r"cut(?:s)?", r"reduce(?:s)?", r"slash(?:es)?", r"halve(?:s)?", r"suspend(?:s)?", r"pause(?:s)?",
    r"lift(?:s)?", r"remove(?:s)?", r"scrap(?:s)?", r"ease(?:s)?", r"drop(?:s)?", r"eliminate(?:s)?", r"delay(?:s)?",
    r"defer(?:s)?", r"postpone(?:s)?", r"roll(?:s)? back", r"bring(?:s)? down",
    # a limit set on the measure: "the order caps the tariffs on Japanese goods at 15%"
    r"cap(?:s)?",
    # a control eased by licensing what it holds back: "agreed to speed up approvals of rare earth
    # export licences", "will approve export licences for magnets", "is to resume approving them"
    r"speed(?:s)? up (?:the )?approvals? of", r"approve(?:s)?", r"resume(?:s)? approving",
    # the present of one act under way ("Trump says he is cutting the fentanyl tariff")
    "lowering", "cutting", "reducing", "slashing", "halving", "suspending", "pausing", "lifting", "removing",
    "scrapping", "easing", "dropping", "eliminating", "delaying", "deferring", "postponing",
)  # fmt: skip
#: a deal's terms told in the past, which make an act a term as a modal does: "under the framework,
#: Beijing was to resume approving export licences"
TERM_REPORTED_MODALS = ("was to", "were to")
#: what may stand between a side and its act in a deal's term: "the US will also", "Trump agreed to",
#: "Washington is to" (never a wish's "to": "wants Beijing to lift" is a demand, nor a negation)
TERM_ACT_GAP = (
    *TERM_MODALS, *TERM_PROMISES, *TERM_REPORTED_MODALS, "is", "are", "also", "then", "now", "further", "in turn", "in return",
    "correspondingly", "formally",
)  # fmt: skip
#: the same acts said of the measure itself, its subject, as a deal's term: "the tariff on Japanese
#: cars will be lowered to 15%", "the export controls would be suspended for a year", "the fentanyl
#: tariff is halved to 10%" (a modal's passive, or the present with the level it sets: "is
#: suspended until July 9" is a state, "was cut in May" history)
TERM_ACT_PARTICIPLES = (
    "lowered", "cut", "reduced", "slashed", "halved", "suspended", "paused", "lifted", "removed", "scrapped", "eased",
    "dropped", "eliminated", "delayed", "deferred", "postponed", "rolled back", "brought down", "capped",
)  # fmt: skip
TERM_ACT_PASSIVES = ("will be", "would be", "shall be", "is to be", "are to be")
TERM_ACT_PRESENT_PASSIVES = ("is", "are")
#: a measure that goes down by itself under a deal, said with the rate it goes to: "tariffs on
#: Japanese cars fall to 15%", "the overall level will fall by about 10 points", "comes down to 15%"
TERM_FALLS = (r"(?:(?:will|would|shall) )?(?:fall|come down|go down)", "falls", "comes down", "goes down")
#: what the level such an act sets opens with: "to 15%", "from 27.5% to 15%", "by 10 points"
TERM_ACT_RATES = (r"(?:to|from|by) (?:about |around |roughly )?\d[\d.]*",)

#: what talks are said to have been about: a stance's words after one of these name a topic of the
#: talks ("the rounds focused on rare earths and extending the pause"), not a side's demand
TOPIC_FRAMES = (
    r"focus(?:ed|es|ing)? on", r"discuss(?:ed|es|ing)?", r"cover(?:ed|s|ing)?", r"talk(?:ed|s)? about",
    "dealt with", r"cent(?:red|ered) on",
)  # fmt: skip
#: what a deal is called, which a deal's stance needs where no tariff is named ("Beijing agreed to
#: the package", "the two sides reached a preliminary consensus")
DEAL_WORDS = (
    "deal", "agreement", "accord", "rates?", "arrangement", "terms", "package", "framework", "consensus", "truce",
)  # fmt: skip
#: what a deal's text is called, whose terms a sentence reports when it says what is "in" it:
#: "Shipbuilding is named in the MOU among the sectors eligible for projects"
DEAL_DOCUMENTS = (
    "deal", "agreement", "accord", "pact", "arrangement", "framework", "package", "memorandum(?: of understanding)?",
    "MOU", "order", "executive order", "fact sheet", "joint statement",
)  # fmt: skip
#: what says a deal's terms are its own before the deal is named by its day: "Under the July
#: agreement, the tariff is 15%", "in the July 22 deal Japan pledged" (not "has kept the July
#: agreement from being put on paper", "the Nov 10 truce deadline")
DEAL_TERMS_PREPOSITIONS = ("under", "in", "by", "through", "per", "according to")
#: the documents of `DEAL_DOCUMENTS` that one side issues on its own: no deal between the sides
ORDER_DOCUMENTS = ("order", "executive order", "fact sheet")
#: what says a list that follows holds the subjects of the talks: "the Thai side presented an
#: improved proposal covering five areas:", "The agenda included:", "Beijing's demands:" (not a
#: lead-in that only asks the reader something: "Enterprises are asked to note the following:")
SUBJECT_LIST_WORDS = (
    r"propos\w+", r"areas", r"topics", "agenda", r"issues", r"cover\w*", r"includ\w*", r"demands", r"requests",
    r"offers?", r"discuss\w*", r"items",
)  # fmt: skip
#: what a list of a deal's terms is introduced as: "Quick summary of what the executive order does:",
#: "Key points of the agreement:", "... settled the details of the tariff deal. The headlines:"
TERM_LIST_WORDS = (*DEAL_WORDS, "order", "fact sheet", "memorandum", "joint statement", "headlines", "agreed")
#: what a heading over a list names when the list holds a deal's terms or the talks' subjects:
#: "WHAT WAS AGREED", "3. Other elements of the agreement", "WHAT'S ON THE MENU" (not the words of
#: a lead-in that may name anything: "ACTION ITEMS", "Areas covered by the survey")
LIST_HEADING_WORDS = (
    *TERM_LIST_WORDS, "agenda", "topics", "issues", r"discuss\w*", r"propos\w+", "demands", r"on the (?:table|menu)",
)  # fmt: skip
#: what the sides together agree to do to what an issue is about, which is a deal's term stated
#: by its terms rather than by a deal's name: "the two economies agreed to lower their tariffs",
#: "both sides agreed to cut the levies", "US and China Agree to Slash Tariffs"
JOINT_DEAL_VERBS = (
    "lower", "cut", "reduce", "slash", "halve", "suspend", "pause", "roll back", "lift", "remove", "scrap", "ease",
    "drop", "eliminate", "delay",
)  # fmt: skip
#: what may stand between the sides and their "agreed": "the two sides have agreed", "both
#: countries also agreed", "the two economies on Monday agreed" (never a modal: "could agree")
JOINT_SUBJECT_GAP = (r"have", r"has", r"had", r"also", r"jointly", r"on \w+", r"in \w+")
#: the verbs of a deal made between the parties, whoever says it ("we have reached an agreement",
#: "We just completed a massive Deal with Japan")
DEAL_MADE_VERBS = ("reached", "struck", "sealed", "signed", "clinched", r"finali[sz]ed", "concluded", "completed")
#: how a stance that is a deal's term opens: "agreed to suspend", "would pause", "reached a deal",
#: "completed a deal". A deal binds both sides, so such a term said of either side is each side's stance.
AGREEMENT_OPENINGS = ("agreed", "agrees", "agreement", *DEAL_MADE_VERBS, "will", "would")
#: the English of the stance ids every profile may use, read besides the profile's own phrases
#: of a stance of that id: a deal made ("the two countries signed the trade pact", "a deal was
#: struck in July", "concluded probably the largest deal in history"); the words must still name
#: the issue or a deal, and the issue's side or both sides, as the profile's phrases must
_MADE = "|".join((*DEAL_MADE_VERBS, "agreed"))
#: an adverb between a deal's verb and the deal: "concluded probably the largest deal"
DEAL_MADE_ADVERB = r"(?:[a-z]+ly )?"
# (a deal's name may run to five words before its noun: "India–UK Comprehensive Economic and Trade Agreement")
_A_DEAL = r"(?:(?!the |an? )\S+ ){0,5}?(?:deal|agreement|accord|pact|framework|truce)"
STANCE_WORDS: dict[str, tuple[str, ...]] = {
    "agreed": (
        # ("put their signatures to the agreement": signed it)
        rf"(?:{_MADE}|agreeing|secured|inked|put (?:their|its|his|her) signatures? to) {DEAL_MADE_ADVERB}(?:a|an|the|its|their|this|that) {_A_DEAL}",
        rf"(?:deal|agreement|accord|pact|framework|truce) (?:was|were|has been|had been|have been) (?:{_MADE})",
        # agreeing on a deal: "agreed on a framework", 'had agreed "in principle" on a one-year truce'
        # (never "agreed to work on a deal": a plan, not a deal)
        rf"(?:agreed|agreeing) (?:(?!to )[\w\"“”'’]+ ){{0,3}}?(?:on|upon) (?:a|an|the|its|their|this|that) {_A_DEAL}",
    ),
}
#: a deal named by those who made it, said after its name: "the tariff agreement the two sides
#: struck in July", "the framework agreed with Japan", "the truce agreed between Washington and
#: Beijing", "the deal the President announced with Tokyo"
DEAL_NOUNS = ("deal", "agreement", "accord", "pact", "framework", "truce")
DEAL_NAMING_VERBS = (*DEAL_MADE_VERBS, "agreed", "announced", "closed")
#: what makes a deal named by its makers one not made: "the deal the two sides have not signed",
#: "the accord both sides hope to conclude", "the pact that is to be signed"
NOT_MADE_WORDS = (
    "not", "never", "yet", "no", "could", "would", "might", "may", "should", "will", "to", "be", "being", "is", "are",
    "if", "once", "when", r"hop\w+", r"want\w*", "expected",
)  # fmt: skip
#: the words that name a deal's makers after its verb: "struck with Japan", "agreed between the
#: two countries"
MAKER_LINKS = ("with", "between")
#: what a side did to bring in a measure of its own, said after the measure with "it": "the export
#: controls it imposed in May", "the export control measures it introduced", "the curbs it put on China"
OWN_MEASURE_VERBS = ("imposed", "introduced", "put", "placed", "adopted", "added", "unveiled", "announced")
#: what a side does to a measure of its own in the dispute, told as news with no word of talks:
#: "China announced sweeping new export controls on rare earths", "the US imposed export controls
#: on chip design software", "Beijing suspends for a year the rare earth controls". What the
#: measure is on is a subject of the talks, as each side's measures are what the other bargains over
MEASURE_ACTS = (
    r"announce[sd]?", r"impose[sd]?", r"introduce[sd]?", r"unveil(?:s|ed)?", r"publish(?:es|ed)?",
    r"expand(?:s|ed)?", r"tighten(?:s|ed)?", r"widen(?:s|ed)?", r"add(?:s|ed)?",
    r"suspend(?:s|ed)?", r"lift(?:s|ed)?", r"ease[sd]?", r"postpone[sd]?", r"delay(?:s|ed)?", r"defer(?:s|red)?",
)  # fmt: skip
#: what says the words after such an act are its cause, not what the measure is on: "the 20% levy
#: Trump imposed over fentanyl", "imposed on national security grounds", "in retaliation for"
MEASURE_CAUSE_LINKS = ("over", "because", "retaliation", "response", "account", "grounds", "after", "since")
#: a span of time said between a verb and its object ("would delay for one year the export
#: controls", "suspend by a year the rules"), which leaves the object as near the verb as without it
TIME_SPAN = r"(?:for|by)\s+(?:[\w-]+\s+){1,3}?(?:days?|weeks?|months?|years?)\b"

#: the English of a reduction of what an issue is about, read for a stance of id "reduction"
#: besides the profile's own phrases, where a word of wanting or aiming stands before it in the
#: clause: "Taipei wants the rate cut", "is pressing for a rate lower than 32%", "has asked the
#: US to cut the rate substantially", "the objective remains to obtain a reduction of the tariffs"
REDUCTION_WORDS = (
    "cut", "cuts", "cutting", "lower", "lowered", "lowering", r"reduc(?:e|ed|es|ing|tions?)",
    r"(?:bring|brings|bringing|brought) down", r"(?:come|comes|coming) down",
)  # fmt: skip
#: a side's own body named without the side: "The team is pressing for a lower rate", "The
#: government's negotiating team will continue to seek ...", "our negotiators"
SIDE_BODIES = (
    "government", "team", "delegation", "negotiators", r"negotiat(?:ing|ion) team", "cabinet",
)  # fmt: skip

#: the seasons, which date a statement to an earlier time: "told the nation in the spring that"
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
#: what sets a demand against another as its alternative, so that the two are one demand: "a
#: significant reduction of the tariffs rather than their removal", "removal or a cut"
ALTERNATIVES = ("rather than", "instead of", "or")
#: what names a side's aim, as a word of wanting does: "Our objectives are unchanged: a rate lower
#: than 20%", "its goal is a lower rate"
AIM_WORDS = (r"objectives?", r"goals?", r"aims?")

#: what a day of a deadline or of a measure taking effect is said with: "before the pause runs
#: out on July 9", "the duty that took effect on August 27" (the day of something else than a
#: meeting)
#: what a measure taking effect is said with: "the duty that took effect on August 27", "the
#: tariff kicks in on Friday"
TAKING_EFFECT_VERBS = (
    r"kick(?:s|ed)? in", "kicking in", r"takes? effect", "took effect", "taking effect",
    r"(?:comes?|came|coming|goes|went|going) into (?:force|effect)",
)  # fmt: skip
DEADLINE_VERBS = (
    r"expire[sd]?", "expiring", r"runs? out", "ran out", "running out", r"lapse[sd]?", "lapsing",
    *TAKING_EFFECT_VERBS,
)  # fmt: skip
#: the words that open the day a measure starts to apply ("effective August 7", "as of July 1",
#: "with effect from Monday", "takes effect on Aug. 1"): the day a rate applies from, not the
#: day of the event a story reports; a `FROM_WORDS` word does so after a measure's noun or rate
#: ("a 25% tariff from May 3", "duties rise to 30% starting April 5")
MEASURE_START_WORDS = (
    "effective", "effective from", "as of", "with effect from", *(rf"{verb}(?:\s+on)?" for verb in TAKING_EFFECT_VERBS),
)  # fmt: skip
#: what a lead says when the measure taking effect is the story's event ("the tariffs took effect
#: on Thursday", "the agreement came into force on Monday")
TOOK_EFFECT_VERBS = (
    r"kick(?:s|ed)? in", r"takes? effect", "took effect",
    r"(?:comes?|came|goes|went) into (?:force|effect)", r"(?:is|was|are|were) now in (?:force|effect)",
)  # fmt: skip
#: the words before a day that can open either a measure's term ("a 25% tariff from Aug. 1") or
#: a meeting's days ("three days of talks from Wednesday", "held from 14th to 17th July")
FROM_WORDS = ("from", "starting", "beginning")

# -- topics ---------------------------------------------------------------------------------

#: what talks reach or make on a subject, which makes the subject a topic of the talks: "reached
#: a basic framework consensus on TikTok", "made progress on fentanyl", "a path forward on chips"
OUTCOME_NOUNS = (
    "consensus", "deal", "agreement", "accord", "progress", "framework", "understanding", "path forward",
    "breakthrough", "headway",
)  # fmt: skip
#: what an outcome noun is "on": "a deal on TikTok", "a framework for rare earths"
OUTCOME_LINKS = ("on", "over", "regarding", "about", "for", "covering", r"(?:that|which) (?:includes?|included)")
#: how the press says a subject was gone through, with no verb of discussion: "the delegations
#: reviewed the flow of magnets", "they went over trade expansion", "an exchange of views on
#: non-tariff measures", "chips came up", "semiconductors were taken up", "the conversation turned to TikTok", "the Chinese side
#: stated its position on export controls", "soybeans would feature in the meeting", "the measures
#: in play"
GOING_OVER_PHRASES = (
    r"review(?:ed|ing)", r"(?:went|go|goes|going) over", r"(?:taken|took|take|takes|taking) up", r"exchanges? (?:of (?:\w+ )?views )?(?:on|over|about)", r"exchanges? of (?:\w+ )?views", r"(?:came|comes|come|coming) up",
    r"(?:conversation|discussions?|talks|focus|attention) (?:then |later |also )?(?:turned|turns|shifted|moved) to",
    r"(?:stated|set out|laid out|explained|expressed|presented|made clear|outlined|voiced|registered) (?:its|their|his|her|the|our|[\w.-]+['’]s) "
    r"(?:\w+ )?(?:positions?|concerns?|views?|stance|case|opposition|objections?|dissatisfaction) (?:on|over|about|regarding|to)",
    # time given to a subject: "they spent much of the meeting on non-tariff barriers", "went deep on
    # autos", "delved into the investment package"
    r"sp(?:ent|end|ends|ending) (?:[\w-]+ ){0,3}(?:meeting|talks|session|time|hours?|minutes|day|morning|afternoon) (?:on|discussing)",
    r"(?:went|go|goes|going) deep(?:er)? (?:on|into)", r"(?:went|go|goes|going) through", r"(?:dug|dig|digs|digging|delved|delve|delves|delving) into",
    r"featur(?:e|ed|es|ing) (?:in|at|on)", r"featur(?:ed|es) (?:prominently|heavily|large|strongly)", "in play",
    # a subject one side put to the other: "Trump brought up the cost of the troops", "he spoke
    # candidly about autos", "she said she mentioned beef", "the talks also bore on the deficit"
    r"(?:brought|bring|brings|bringing) up", r"mention(?:ed|s)", r"(?:spoke|speaks|speak|speaking) (?:[a-z]+ly )?about",
    r"(?:bore|bears|bear) on",
    # work given to a subject, as focus is: "the working groups concentrated on rules of origin",
    # "the teams had worked on goods, services and rules of origin", "the chapter on energy and raw
    # materials", "six parallel working groups: (a) rules of origin, (b) ..."
    r"concentrat(?:e|ed|es|ing) on", r"(?:worked|work|works|working) on", r"chapters? (?:on|covering)",
    r"working groups?(?: on|:)",
    # "the delegation briefed the US side on its aircraft purchases" (not "people briefed on the talks")
    r"brief(?:ed|s)? (?:[\w.'’-]+ ){1,4}on",
)  # fmt: skip

#: the prepositions that make a noun after a denial a thing about a subject rather than the
#: subject: "did not raise any target for the yen", "no demand on the exchange rate"
ASPECT_LINKS = ("for", "on", "of", "about", "over", "to")

# -- speech ---------------------------------------------------------------------------------

#: the verbs that say who said something: "..., Akazawa said", "Bessent told reporters"
SAYING_VERBS = ("said", "says")
TELLING_VERBS = ("told", "tells")  # with whom told: "told reporters"
SPEECH_VERBS = (*SAYING_VERBS, *TELLING_VERBS)
#: the same, and the phrase that attributes without a verb: "according to Akazawa"
ATTRIBUTIONS = (*SPEECH_VERBS, "according to")
#: other verbs that report a statement: "Akazawa added", "wrote on X"
REPORTING_VERBS = ("added", "noted", "stated", "wrote", "posted", "tweeted", "explained")
#: a statement that is also an act: "Trump announced the agreement after meeting Akazawa" says
#: when, but not that Trump is only a speaker there
ANNOUNCING_VERBS = ("announced",)
#: what a group does with news on the day it answers it: "The Federation today welcomed the orders
#: signed on Tuesday", "The Alliance today issued the following statement"
RESPONDING_VERBS = (
    "welcomed", "welcomes", "issued", "issues", "applauded", "applauds", "praised", "praises", "hailed", "hails",
    "criticized", "criticised", "criticizes", "criticises", "condemned", "condemns",
)  # fmt: skip

# -- tariffs --------------------------------------------------------------------------------

#: what a rate is a rate of: "a 25% levy", "tariffs of 24 percent", "a 15% all-inclusive ceiling"
TARIFF_NOUNS = (
    "tariffs?", "levy", "levies", "dut(?:y|ies)", "tax(?:es)?", "surtax(?:es)?", "rates?", "surcharges?", "penalt(?:y|ies)", "ceilings?",
)  # fmt: skip
#: a tariff named by the law or the trade remedy it is levied under, on particular products: "Section
#: 301 duties", "a preliminary anti-dumping duty of 93.5%" (never a rate on all of a country's goods)
PRODUCT_TARIFF_PROGRAMMES = (r"section\s+\d{3}", r"anti-?dumping")
#: words that join a second phrase, never words of a rate's own noun phrase: "145% and China's rate"
#: is two rates, not one "145% ... rate"
PHRASE_JOINERS = ("and", "or", "but", "while")
#: what a rate that is no tariff is the rate of: "contracted at an annualized rate of 0.7 percent",
#: "the central bank held its policy rate at 0.5%"
OTHER_RATE_WORDS = (
    r"annuali[sz]ed", "growth", "inflation", "unemployment", "interest", "savings", "approval", "jobless", "exchange",
    "birth", "participation", "policy", "lending", "mortgage", "deposit", "repo", "bank",
)  # fmt: skip
#: what a tax that is no tariff is levied on, or called: "a 2% levy on the revenues of tech firms",
#: "a 3% digital services tax", "a 10% sales tax"
OTHER_TAX_BASES = (
    r"revenues?", r"profits?", "income", "earnings", "turnover", "sales", r"transactions?", "wealth", r"payrolls?",
    r"salar(?:y|ies)", "wages",
)  # fmt: skip
OTHER_TAX_WORDS = (
    "digital services?", "digital", "sales", "income", "corporate", "corporation", "value[- ]added", "consumption",
    "wealth", "windfall", "payroll", "property", "capital gains", "withholding", "minimum",
)  # fmt: skip
#: what a percentage is said to do that a rate does not: a share of goods ("40% are imported"), of
#: money ("after that, 90% goes to the investor"), an amount more or less ("75% more of what we sell")
SHARE_PREDICATES = (
    r"(?:is|are|was|were|will be)\s+(?:imported|exported|made|produced|sold|owned|held|shipped|assembled|sourced)",
    r"go(?:es)?\s+to", r"went\s+to", "more", "less", "fewer", "higher", "lower", "cheaper", "dearer",
)  # fmt: skip
#: a tariff word made into "free of it": "a tariff-free quota", "duty-free access" (no rate)
FREE_OF_SUFFIX = r"[-‐ ]free"
#: a levy's own verbs: "could be charged 30%", "slapped with 25%"
LEVY_VERBS = ("taxed", "levied", "charged", "charges", "charge", "charging", "imposes", "impose", "imposing")
LEVY_VERBS_WITH = ("slapped with", "hit with")
#: verbs a rate follows at once: "taxed at 25%", "faces 25%", "was cut 10%"
RATE_VERBS = (
    *LEVY_VERBS, "face", "faces", "facing", "pay", "pays", "paying", "paid", "stay", "stays",
    "stayed", "stand", "stands", "standing", "set", "sets", "setting", "cut", "cuts", "lowered", "reduced", "raised",
    "capped", "kept", "remain", "remains", "remained",
)  # fmt: skip
#: verbs a rate follows after "to": "rising to 25%", "cut ... fell to 15%"
RATE_VERBS_TO = (
    "rise", "rising", "rose", "raise", "increase", "increases", "increased", "go up", "jump", "climb", "fall", "falls",
    "fell", "drop", "drops", "dropped",
)  # fmt: skip

#: how the press says a rate is set anew for goods, by a deal, an order or a side's word: with its
#: old value ("cars will face 15%, down from 25%", "will pay 15% instead of 27.5%", "15% all-in,
#: replacing 27.5%") or with a verb of change in the present or to come ("the tariff on cars falls to
#: 15%", "it also lowers the tariff on cars to 15%", "auto parts get the same 15%"). Goods given a
#: new rate are a subject of the talks that set it; goods only said to pay or face a rate ("cars
#: have paid 25% since April", "lumber will also face a 10% tariff") are not, nor goods whose rate
#: was changed in the past ("Washington lowered its fentanyl tariff to 10%"): that is history.
NEW_RATE_CUES = (
    r"(?:down|up) from", "instead of", "replacing", "versus",
    r"(?:falls?|drops?|comes? down|goes|go|going|cut|lowered|reduced|halved|slashed) (?:from|to)",
    r"(?:will|would|shall|to|going to) (?:also |now |only |then )?(?:fall|drop|come down|be cut|be lowered|be reduced)",
    r"gets? the same",
    r"(?:lowers|cuts|halves|sets|reduces|slashes|cutting|lowering|halving) (?:the |its |their )?"
    r"(?:[\w-]+ ){0,4}?(?:tariffs?|dut(?:y|ies)|levy|levies|rates?)",
)  # fmt: skip
#: ... unless the rate is said to go on or not yet to have changed ("will continue to pay 25%", "the
#: promised cut to 15% has not yet taken effect"), or is recalled from a deal of a month before
#: ("Japan agreed in July to a 15% tariff on cars, down from 27.5%", in a story of September)
RATE_UNCHANGED = (
    r"continue[sd]? to", r"not yet", "still",
    r"agreed (?:back )?in (?:january|february|march|april|may|june|july|august|september|october|november|december)",
)  # fmt: skip
#: what goods are said to be at, or to move to, before a bare rate in a sentence with no tariff
#: word: "steel remains subject to 50%", "auto parts go to 25% in May", "steel and aluminum are still
#: at 50%", "parts enter at 15%", "parts get the same 15% treatment"
HELD_AT_WORDS = (
    r"subject\s+to", r"(?:went|go|goes|going|moved?|moves)\s+to", r"(?:still|now)\s+at", r"enter(?:s|ed|ing)?\s+at",
    r"(?:get|gets|got|receive|receives|received)\s+the\s+same",
)  # fmt: skip
#: what compares a bare rate with the rate just before it, so that it is a rate of the same kind:
#: "30% or 35%, far higher than the 24% announced in April", "50%, double the 25% they paid"
#: what puts a rate in the place of another, its old or alternative value: "15%, replacing the 27.5%",
#: "in place of the 24% announced in April", "15% versus the 25% threatened in July"
REPLACING_WORDS = ("replacing", "in place of", "instead of", "versus", r"vs\.?", "compared with", "compared to")
COMPARED_WITH_WORDS = (
    r"(?:higher|lower|more|less)\s+than", "above", "below", "rather than", "up from", "down from",
    "double", "twice", "triple", "half", *REPLACING_WORDS,
)  # fmt: skip

#: what a side's goods do with a rate, said right after the side: "China pays 55%", "Japan could be
#: made to pay 30%", "India assigned 26%" (the side pays the rate; it does not levy it)
PAYING_VERBS = (
    "pay", "pays", "paid", "paying", "face", "faces", "faced", "facing", "get", "gets", "got", "assigned", "given",
    "handed", "told", "receives", "received",
)  # fmt: skip
#: the word right after a side that is the subject of a rate it pays ("Japan could be made to pay
#: 30%"), not an adjective of goods ("UK metal stays at 25%")
SUBJECT_AUXILIARIES = (
    "could", "would", "will", "might", "may", "must", "should", "can", "is", "are", "was", "were", "has", "have", "had",
    "also", "still", "now", "already",
)  # fmt: skip

#: what a side does with a rate it levies, said as the other side's clause says it too: "WE ARE
#: GETTING A TOTAL OF 55% TARIFFS, CHINA IS GETTING 10%" (alone, "Japan gets 15%" is what it pays)
COLLECTING_VERBS = ("getting", "collecting")
#: a rate's change from an old value, said after it: "50% tariffs on steel, doubled from 25%" (the
#: old value is of the same goods)
RATE_CHANGED_FROM = ("doubled", "tripled", "halved", "raised", "increased", "hiked", "lowered", "reduced", "cut", "slashed")

#: what says a rate is what is left of the rate before: "suspended the remaining 24%", "24 points of
#: the 34% are suspended, leaving 10%", "while retaining a 10% rate"
REMAINDER_WORDS = ("remaining", "remainder", "leaving", "retaining")

#: what names a rate as the duty the goods paid before any new tariff, a part of their rate: "the existing
#: 2.5% duty", "added in April to the old 2.5%", "the ordinary 2.5% duty", "the 2.5% MFN duty"
STANDING_DUTY_WORDS = ("existing", "MFN", "old", "ordinary", "normal", "regular", "standard", "usual")

#: what says a rate is a share of the rate just before it: "went to 34%, of which 24% is suspended"
#: (before the share), "set at 34%, with 24% of it suspended" (after it)
SHARE_OF_BEFORE = ("of which",)
SHARE_OF_AFTER = ("of it", "of that", "of them")

#: what joins the parts of a rate said as a sum: "the 25% tariff plus the 2.5% duty", "the 25% levy on
#: top of the existing 2.5%", "2.5 + 25"
SUM_JOINERS = (
    "plus", r"\+", "on top of", "added to", "in addition to", "over and above", "layered on", r"stack(?:s|ed|ing)? on",
)  # fmt: skip
#: what goods are said to be when a rate is not on them: "chip exports, which are exempt from the
#: reciprocal tariff", "medicines are not subject to the 39%" (not "not covered", "excluded": by a
#: deal, as often as by a tariff)
EXEMPT_WORDS = ("exempt", "exempted", "spared", r"not\s+subject")
#: how the tariff goods are exempt from, or a rate is added to, is named: "exempt from the reciprocal
#: tariff", "not to be stacked on top of most-favored-nation duties" (it is no goods of the rate)
EXEMPT_FROM_WORDS = (r"exempt(?:ed)?\s+from", r"not\s+subject\s+to", r"spared\s+from")
#: what opens a subject that points back at what the sentence before named: "That tariff now
#: stands at 27.5%", "those imports pay 27.5%", "The rate is now 15%"
REFERRING_DETERMINERS = ("that", "this", "those", "these", "the")
#: what traded goods are called as a whole: "those imports", "these products"
TRADED_GOODS_NOUNS = ("goods", "products", "imports", "exports", "shipments")
#: words that give a rate by reference to the one before: "a similar tax on autos", "a matching levy"
SAME_RATE_WORDS = ("similar", "same", "identical", "equivalent", "matching")
#: words that hedge a rate's figure: "to around 15%", "tariffs of up to 100%"
# the part of a month an undated entry of a timeline gives ("Early June - a fifth round expected")
MONTH_PARTS = ("early", "mid", "late")
APPROXIMATORS = ("about", "around", "roughly", "nearly", "just", "almost", "up to", "as much as", "as high as")

# -- clauses --------------------------------------------------------------------------------
# Where one clause ends and another, possibly with the opposite sense, begins: "they discussed
# chips, adding that currency was not discussed".

#: a word that opens a contrasting clause wherever it stands: "but", "while"
CONTRAST_WORDS = ("but", "while", "whereas", "however")
#: a concession after a comma: ", although ..."
CONCESSION_WORDS = ("although", "though")
#: a reporting participle after a comma: ", adding that ..."
REPORTING_PARTICIPLES = ("adding", "saying", "noting", "stressing", "explaining", "insisting", "leaving")
#: a speech verb joined by "and": "and said"
JOINED_SPEECH_VERBS = ("said", "added")
#: what opens the next of several statements one verb reports, after a comma: "he said the threat
#: was off the table, that Beijing would delay its controls, and that soybeans would feature"
STATEMENT_OPENINGS = ("that",)
#: a purpose after a comma, before "to": ", hoping to ..."
PURPOSE_PARTICIPLES = ("hoping", "aiming", "seeking", "looking", "trying")
#: how far from another event a clause puts itself: "days before", "shortly after"
TIME_OFFSETS = ("days", "weeks", "hours", "shortly", "just")
TIME_RELATIONS = ("before", "after", "ahead of")
#: the goods that are parts of another sector's goods: "cars and parts", "25% on parts"; a profile
#: sector named "<goods> parts" ("auto parts") is that sector's parts sector
PARTS_WORDS = ("parts", "components")
#: the words that open a clause recalling an earlier event the story runs from: "the first talks
#: since the meeting in Geneva". Not "after": it often gives the reported round itself ("agreed a
#: truce after talks in Geneva", "tariffs cut for 90 days after weekend talks in Geneva")
RECALLING_WORDS = ("since",)
#: the words that put an event before the one a sentence reports: "six weeks after the deal of July 22"
AFTER_AN_EVENT_WORDS = ("after", "since", "following")
#: the words before the city an event is placed in: "talks in Geneva", "met at the White House",
#: "visited Tokyo", "at an air base near Busan", "a villa outside Geneva", "a hall on the edge of Busan"
PLACE_PREPOSITIONS = (
    "in", "at", "to", "inside", "from", "for", "near", "outside", r"on the (?:edge|outskirts) of", r"visit(?:ed|ing|s)?",
    r"reach(?:ed|es)?",
)  # fmt: skip
#: documents a day is given to by "of": "the executive order of July 30", "the joint statement of
#: 21 August" date the document, not the event a story reports
DOCUMENT_NOUNS = (
    r"(?:executive )?orders?", r"(?:joint )?statements?", "letters?", "proclamations?", r"fact ?sheets?",
    "memorand(?:um|a)", "decrees?", "notices?",
)  # fmt: skip
#: the words that open a clause asking about an event, not telling it: a city in it ("whether
#: LeBlanc returns to Washington before Labour Day") places no event
DOUBT_WORDS = ("whether",)
#: what a city is called before its name: "in the Swedish capital, Stockholm", "met in the South
#: Korean port city of Busan"
CITY_NOUNS = ("capital", "city", "town")
#: the verbs by which a later event says it came after an earlier one: "The extension follows the
#: round of talks in Stockholm", "It followed a round of talks in Kuala Lumpur", "the fifth meeting,
#: following rounds in Geneva and London". The earlier event is recalled, unless the subject is
#: what that sitting gave (`ROUND_OUTCOME_WORDS`) or there is none ("Following the talks, he
#: said"). The participle (`FOLLOWING_PARTICIPLES`) counts only after a comma, and a verb not
#: after an auxiliary (`WATCHING_AUXILIARIES`): someone who "had followed the meeting through the
#: night" watched it
FOLLOWING_VERBS = ("follows", "followed", r"(?:comes|came) (?:after|on the heels of)")
FOLLOWING_PARTICIPLES = ("following",)
WATCHING_AUXILIARIES = ("had", "has", "have", "was", "were", "is", "are", "been", "be")
#: what a sitting gives out, so that "X followed the talks" reports those talks: "The statement
#: followed two days of talks in Geneva", "A joint statement was released following the talks"
ROUND_OUTCOME_WORDS = (
    "statements?", "announcements?", "agreements?", "deals?", "frameworks?", "consensus", "breakthroughs?",
    "communiqu[eé]s?", "readouts?", "released", "announced", "issued", "agreed", "reached",
)  # fmt: skip
#: the parts of a day written after its name: "Thursday afternoon in Washington", "early Friday
#: morning here in Hiroshima"
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
#: the words before a month named without its day, as a time that is over ("in May", "between
#: April and July", "from June to August", "in early September"); not "since April" nor "from
#: April", a span that runs on to the day of writing
MONTH_TIME_WORDS = ("in", "between", "to", "and", "until", "through", "early", "late", "mid-", "mid")
#: a time, not an event, after "since": "since April", "since last month", "since early May"
TIMES_AFTER_SINCE = ("last", "then", "early", "late", "mid", "the start")
#: the clause of a later meeting, which starts at its first word: "when they meet", "when he meets"
LATER_MEETING_CLAUSES = (
    r"when (?:they|the two|both) (?:meet|will meet)",
    r"when (?:he|she) (?:meets|will meet)",
)
#: "... next Thursday, before Ishiba meets Trump at the G7": another meeting's clause
BEFORE_ANOTHER_MEETING = r"before (?:[\w.]+ ){1,6}(?:meets?|will meet|(?:is|are) (?:due|expected|set|scheduled) to meet)"

#: the subject of a meeting verb in a clause of its own: names, titles, "the two leaders", "they"
_SUBJECT_WORDS = r"(?:[\w.'’()-]+ ){1,10}?"
#: a meeting or a call named by its people joined by a dash ("a Trump–Xi meeting", "the Ishiba–Trump
#: phone call"), and the articles that make such a meeting one only spoken of ("a Trump–Xi meeting
#: in the autumn", "if there is a Trump-Xi meeting")
PAIR_NAMED_MEETINGS = ("meeting", "summit", "sit-down", "encounter")
PAIR_NAMED_CALLS = ("call",)
INDEFINITE_ARTICLES = ("a", "an", "any")
#: what opens a clause of an earlier event told by its doer, whatever it did: "the first talks since
#: Trump unveiled his tariffs", "one week after Trump, in a letter to Marcos, announced". Its people
#: acted before the reported meeting, not at it.
RECALLED_EVENT_OPENERS = (
    "since",
    rf"(?:{'|'.join(TIME_OFFSETS)}|(?:a|one|two|three) (?:days?|weeks?|months?)) (?:after|before)",
)
_MEET_NOW = r"(?:meets?|sees?|sits? down|holds? talks|gets? together)"
_MEET_THEN = r"(?:met|saw|sat down|held talks|got together)"
#: a meeting other than the one a story reports, in a clause of its own: one still to come or
#: only supposed ("when Ishiba and Trump meet", "if the two leaders meet in person", "before
#: Ishiba sees Trump", "until Lee meets Trump"), or one the reported meeting came after ("since
#: Ishiba and Trump met in June", "days after Dien sat down with Greer"). The people of the
#: clause, from its first word to its next comma, were not at the reported meeting.
OTHER_MEETING_CLAUSES = (
    rf"(?:when|if|once|until|unless|whether|before) {_SUBJECT_WORDS}(?:{_MEET_NOW}|(?:will|would|could|can) "
    rf"(?:(?:finally|eventually|again|also) )?(?:meet|see|sit down|hold talks)|(?:is|are) (?:due |set |expected "
    rf"|scheduled )?to (?:meet|see|sit down|hold talks))",
    rf"(?:since|(?:{'|'.join(TIME_OFFSETS)}|a day|a week|a month) (?:after|before)) {_SUBJECT_WORDS}{_MEET_THEN}",
    # a meeting to come, named as a thing: "in time for a meeting between Ishiba and Trump",
    # "whether next week's meeting between the presidents produces a deal", "holding orders until
    # after the Trump–Xi meeting", "clearing the way for a
    # Trump-Xi summit", "setting the stage for a meeting between the presidents", "to salvage this
    # week's Trump–Xi summit", "aim for a Lula-Trump meeting", "further talks between Bessent and He";
    # or one the story's event follows: "The move follows the Oct. 30 meeting between the leaders"
    r"(?:in time for|ahead of|before|until(?: after)?|clear(?:s|ing)? (?:the )?way for|pav(?:e|es|ed|ing) the way for|"
    r"set(?:s|ting)? the stage for|(?:lay|lays|laid|laying) the groundwork for|salvag(?:e|es|ed|ing)|"
    r"aim(?:s|ed|ing)? for|follow(?:s|ed)) (?:a |an |the "
    r"|their )?(?:[\w.'’()–-]+ ){0,3}?(?:meeting|summit|sit-down)s?\b(?! (?:on|of) )",
    # a meeting named as a thing and said to be only possible: "a meeting with the president on the
    # sidelines is possible but not confirmed", "the meeting with Xi was still expected to go ahead"
    r"(?:meeting|summit|sit-down)s? (?:with|between) (?:[\w.'’()–-]+ ){1,12}?(?:is|was|are|were|remains?|remained) "
    r"(?:still |now |also )?[\"“']?(?:possible|likely|unlikely|uncertain|in doubt|not confirmed|still expected)",
    r"next (?:week|month)['’]s (?:[\w'’-]+ ){0,2}?(?:meeting|summit|sit-down)",
    r"(?:further|future|possible|potential|proposed|eventual) (?:[\w'’-]+ )?(?:meetings?|talks|summit|sit-down) (?:between|with)",
    # a deal its people would seal at a meeting of theirs to come: "an agreement that Trump and Xi
    # could finalise at their meeting in South Korea on Thursday"
    r"(?:could|would|will|may|might|to) (?:[\w'’-]+ ){1,3}?at their (?:next |upcoming |planned )?(?:meeting|summit)\b",
)
#: the subject of another meeting's clause that points back at the people named just before it:
#: "for Presidents Trump and Xi to finalize a deal when they meet later this week", "a deal put to
#: Trump and Xi when the two leaders meet", "that Trump and Xi could finalise at their meeting".
#: Those people are the other meeting's, though the clause opens after their names.
BACK_POINTING_SUBJECTS = ("they", "their", r"the (?:two )?(?:leaders|presidents|men)", r"both (?:leaders|presidents|men)")
#: a meeting held before, told past the story's news sentences in a relative clause of one of its
#: people: "Goyal, who met Greer in Paris last week, said", "Finance Minister Kato, who saw Bessent
#: on the sidelines of the G7 finance meeting". The clause tells what its people did then; the
#: people of the reported meeting are seated by its own clauses.
RECALLED_MEETING_RELATIVES = (rf"who (?:had )?{_MEET_THEN}",)
#: a meeting held before, told in a clause a subordinator opens: "the deal reached by Trump and Xi
#: when they met in Busan on October 30", "halved last week after Trump met Xi in South Korea". In
#: the story of another event (an order, a fact sheet) it is the meeting the event follows; in a
#: story of a sitting it is as often that sitting itself ("most recently on June 26-28, when he
#: met Lutnick"; "issued a statement after President Trump met President Xi on Thursday").
#: ("where" is left out everywhere: "was in Washington, where he met Lutnick" is the sitting told.)
#: ("That's when Ishiba sat down with Trump" points at the story's own sitting.)
RECALLED_MEETING_CLAUSES = (rf"(?<!['’]s )(?<!was )(?<!is )(?:when|after) {_SUBJECT_WORDS}{_MEET_THEN}",)


def alternation(words: Iterable[str]) -> str:
    """``(?:a|b|c)``: one regex group of the words (patterns) given."""
    return "(?:" + "|".join(words) + ")"


def first_characters(patterns: Iterable[str]) -> str:
    """A character class of the first characters of plain words, for a regex's look-ahead."""
    firsts = sorted({p[0] for p in patterns})
    return "[" + "".join("\\" + c if c in "]\\^-" else c for c in firsts) + "]"


def two_letter_openings(words: Iterable[str]) -> tuple[str, ...]:
    """How each word opens, for a look-ahead: its first two letters, or a short word and its space.

    ``("tariff", "to ", "a ")`` gives ``("ta", "to\\s", "a\\s")``: a word of one or two letters is
    written with the space after it, so that "to" does not let "tomorrow" through.
    """
    seen: dict[str, None] = {}
    for word in words:
        opening = word[:3] if len(word.strip()) <= 2 else word[:2]
        seen.setdefault(opening.replace(" ", r"\s"), None)
    return tuple(seen)


def plain_words(patterns: Iterable[str]) -> tuple[str, ...]:
    """Every word a list of simple patterns spells ("tariffs?" gives "tariff" and "tariffs")."""
    from bot.extract.phrases import expand_alternatives

    out: dict[str, None] = {}
    for pattern in patterns:
        for word in expand_alternatives(pattern):
            out.setdefault(word, None)
    return tuple(out)


#: what joins a compound's head to its modifier said after it: "export controls" are also "controls
#: on exports", "curbs on rare-earth exports"
INVERTED_COMPOUND_LINKS = ("on",)
#: what may follow a noun phrase's last word, so that "controls on chip exports," or "curbs on
#: exports of magnets" end the phrase at "exports" where "security on national grounds" does not
NOUN_PHRASE_ENDERS = (
    "of", "to", "from", "and", "or", "in", "by", "for", "that", "which", "who", "is", "are", "was", "were",
    "will", "would", "has", "have", "had",
)  # fmt: skip
