"""The words of the demo workbook: who Sam is, and the fragments interactions are made of.

Everything here is plain data, written for this program. Each theme is one recurring kind
of conversation (the dishes, a late message from the boss…) with several ways each field
can be filled in, graded by how the conversation went: `bad`, `mixed` or `good`. A `said`
or `heard` line carries the communication problems it shows, so the problems recorded
always match the words. `{slot}` fields are filled in once per interaction, so one story
talks about one thing throughout; `{clock}` and `{part}` come from the time it happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# --- building blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One way of filling a field, with the communication problems it shows; `channel`
    limits it to conversations on that channel (a text message cannot slam a door), and
    `replies`, for words that ask something specific, are the answers that fit them."""

    text: str
    problems: tuple[str, ...] = ()
    channel: str | None = None
    replies: tuple[str, ...] = ()  # what the other person said, when only these fit


def said(text: str, *problems: str, replies: tuple[str, ...] = ()) -> Line:
    return Line(text, problems, replies=replies)


def only(channel: str, text: str, *problems: str) -> Line:
    return Line(text, problems, channel)


@dataclass(frozen=True)
class Graded(Generic[T]):
    """Options for a field, by how the conversation went."""

    bad: tuple[T, ...]
    mixed: tuple[T, ...]
    good: tuple[T, ...]

    def of(self, quality: str) -> tuple[T, ...]:
        return {"bad": self.bad, "mixed": self.mixed, "good": self.good}[quality]


def weak_or_good(weak: tuple[T, ...], good: tuple[T, ...]) -> Graded[T]:
    """For what to try next: the same advice after a bad or a middling conversation."""
    return Graded(weak, weak, good)


@dataclass(frozen=True)
class Slot:
    """Words chosen once per interaction; several names move together (an item and its
    price)."""

    names: tuple[str, ...]
    options: tuple[tuple[str, ...], ...]


def slot(name: str, *options: str) -> Slot:
    return Slot((name,), tuple((option,) for option in options))


def slots(names: tuple[str, ...], *options: tuple[str, ...]) -> Slot:
    return Slot(names, options)


WEEKDAY_EVENING = ("19:45-22:45",)
WEEKEND_EVENING = ("19:00-22:45",)


@dataclass(frozen=True)
class Theme:
    key: str
    people: tuple[str, ...]  # keys of PEOPLE
    focus: str | None  # "dispute", "transition" or None
    weight: float  # how often it comes up at the start of the course…
    late_weight: float | None  # …and at the end (None: the same)
    days: str  # "any", "weekday" or "weekend"
    weekday_hours: tuple[str, ...]
    weekend_hours: tuple[str, ...]
    channels: tuple[tuple[str, int], ...]
    tags: tuple[str, ...]
    summary: str  # how a session note refers to it
    slots: tuple[Slot, ...]
    setting: tuple[str | Line, ...]
    intended: tuple[str, ...]
    said: Graded[Line]
    other_said: Graded[str | Line]
    heard: Graded[Line]
    their_view: tuple[str, ...]
    outcome: Graded[str]
    feelings: Graded[str]
    alternative: Graded[str]
    plan: Graded[str]
    ease: float = 0.0  # conversations with this person go better than average


# --- the people --------------------------------------------------------------------


@dataclass(frozen=True)
class PersonText:
    key: str
    name: str
    relationship: str
    closeness: int
    support: int
    conflict: int
    expectations: str
    expectations_met: str
    notes: str


OWNER = "Sam Rivera"
THERAPIST = "Dr. Ana Costa"
TITLE = "Sam's IPT workbook, autumn 2026"

PEOPLE: tuple[PersonText, ...] = (
    PersonText(
        "alex",
        "Alex",
        "partner",
        1,
        6,
        7,
        "To notice when I'm running on empty and take something off my plate without a "
        "fight. To ask about my day and actually listen to the answer. To back me up when "
        "Mum starts.",
        "partly",
        "Together ten years in October. Physio, works shifts. Mia's dad. Since the move and "
        "the new job we either row or don't talk about anything real.",
    ),
    PersonText(
        "mia",
        "Mia",
        "child",
        1,
        7,
        1,
        "Nothing, really: to be eight. I want more time with her than I've had since August.",
        "partly",
        "Year 4 at her new school. Misses her old friends. Notices every time Alex and I "
        "aren't speaking.",
    ),
    PersonText(
        "mum",
        "Mum",
        "parent",
        2,
        6,
        5,
        "To trust that I know what I'm doing as a parent, and to stop commenting on how much "
        "I work.",
        "no",
        "On her own since Dad died in 2014. Rings every Sunday. Loving and critical in the "
        "same breath. An hour's drive away since the move.",
    ),
    PersonText(
        "lena",
        "Lena",
        "sibling",
        1,
        9,
        1,
        "To let me let off steam without trying to fix it. She nearly always does.",
        "yes",
        "Younger sister, two boys, lives near Mum. The first person I tell things to.",
    ),
    PersonText(
        "jordan",
        "Jordan",
        "boss",
        3,
        4,
        6,
        "Clear priorities. Feedback I can act on. Evenings that are mine unless something is "
        "actually on fire.",
        "partly",
        "Head of Product, my manager since August. Quick, sharp, messages at all hours. Not "
        "unkind, just relentless.",
    ),
    PersonText(
        "marco",
        "Marco",
        "colleague",
        2,
        7,
        1,
        "To tell me straight how things really work here.",
        "yes",
        "Senior designer in my team, six years at the company. Applied for my job and didn't "
        "get it, and has been generous about it anyway.",
    ),
    PersonText(
        "dee",
        "Dee",
        "friend",
        3,
        5,
        2,
        "To stay in touch even though she's far away. I haven't either, to be fair.",
        "no",
        "Sat across the desk from me at the studio for seven years. Moved to Lisbon in 2024. "
        "We used to talk every day; now it's birthday messages.",
    ),
)

# --- the two focus areas -----------------------------------------------------------


@dataclass(frozen=True)
class FocusText:
    area: str
    description: str
    people: tuple[str, ...]
    details: dict[str, str]
    goals: tuple[tuple[str, str], ...]  # (text, status)


DISPUTE = FocusText(
    area="dispute",
    description="Rows with Alex about evenings, chores and money since I started the new "
    "job. Mostly we go quiet for days, then it blows up over something small.",
    people=("alex",),
    details={
        "i_expect": "That Alex notices when I'm worn out and takes things on without being "
        "asked. That he asks about my day. That he sees the new job as a hard few months, "
        "not as me choosing work over the family.",
        "they_expect": "That I'm home by half six like before, put my phone away at dinner "
        "and do my share of bedtimes. That we decide about money together, not me alone "
        "because I earn more now.",
        "what_is_at_stake": "Whether we're still a team. Mia notices everything.",
    },
    goals=(
        (
            "Say what I need from Alex directly, in one sentence, instead of sighing and "
            "hoping he'll guess.",
            "achieved",
        ),
        ("Agree a weekly plan with Alex for school runs, bedtimes and late days.", "achieved"),
        ("Talk about money once a month without it turning into a row.", "open"),
    ),
)

TRANSITION = FocusText(
    area="transition",
    description="From senior designer at a small studio to design lead at a big company, "
    "and a move across town at the same time.",
    people=("jordan", "marco", "dee"),
    details={
        "old_role": "Senior designer at the studio: nine years, small team, doing the work myself.",
        "old_role_good": "I was good at it and everyone knew it. Dee across the desk. Home by six.",
        "old_role_hard": "The same kind of project over and over, nowhere to go, money always "
        "tight.",
        "new_role": "Design lead: six people, Jordan as my boss, more meetings than design.",
        "new_role_good": "Better pay. People ask my opinion. A chance to build a team the way "
        "I'd want one.",
        "new_role_hard": "I don't know yet what good looks like. Evenings disappear. I feel "
        "like a fraud in leadership meetings.",
        "lost": "Seeing Dee and the old team every day; feeling competent; the ten-minute walk "
        "to work; my evenings.",
        "gained": "Money for the flat; a team of my own; Marco; being taken seriously by the "
        "directors.",
    },
    goals=(
        ("Agree with Jordan what being available in the evening means.", "achieved"),
        ("Ask for help at work (Marco, the team) instead of doing it all myself.", "achieved"),
        ("Get back in touch with Dee.", "achieved"),
        ("Go running twice a week again.", "dropped"),
    ),
)

# (stage, date as YYYY-MM-DD): agreed at session 3, moving again after session 7.
STAGE_HISTORY = (("impasse", "2026-09-17"), ("renegotiation", "2026-10-15"))

# --- the timeline ------------------------------------------------------------------

# (date, approximate, kind, people, note)
EVENTS: tuple[tuple[str, bool, str, tuple[str, ...], str], ...] = (
    (
        "2014-03-01",
        True,
        "loss",
        ("mum", "lena"),
        "Dad died. Heart attack, out of nowhere. He was 58 and still working all hours.",
    ),
    ("2018-05-14", False, "transition", ("alex", "mia"), "Mia was born."),
    (
        "2024-09-01",
        True,
        "other",
        ("dee",),
        "Dee moved to Lisbon for her partner's job. We drifted after that.",
    ),
    (
        "2026-05-20",
        False,
        "transition",
        (),
        "Accepted the design lead job and handed in my notice at the studio after nine years.",
    ),
    (
        "2026-06-27",
        False,
        "transition",
        ("alex", "mia"),
        "Moved to the new flat: nearer the new office, an hour from Mum, a new school for Mia.",
    ),
    (
        "2026-07-31",
        False,
        "transition",
        ("dee",),
        "Last day at the studio. Leaving drinks; Dee sent a voice note from Lisbon and I "
        "cried in the toilets.",
    ),
    (
        "2026-08-03",
        False,
        "transition",
        ("jordan", "marco"),
        "First day in the new job. Met Jordan and the team.",
    ),
    (
        "2026-08-21",
        False,
        "conflict",
        ("alex", "mia"),
        "Missed Mia's swimming gala because of a late meeting. Worst row with Alex in years; "
        "we barely spoke for a week.",
    ),
    (
        "2026-09-01",
        False,
        "other",
        (),
        "First appointment with Dr. Costa. Started this workbook the same evening.",
    ),
    (
        "2026-10-17",
        False,
        "other",
        ("alex",),
        "Ten years together. Dinner at the Italian place where we had our first date.",
    ),
    (
        "2026-11-12",
        False,
        "transition",
        ("jordan",),
        "First performance review with Jordan. Better than I feared.",
    ),
    (
        "2026-11-25",
        False,
        "loss",
        ("mum", "lena"),
        "Dad would have been 70 today. Lunch with Mum and Lena, and we told the old stories.",
    ),
)

# --- the sessions ------------------------------------------------------------------

# (phase, notes, homework, client rating, therapist rating), one per weekly session.
SESSIONS: tuple[tuple[str, str, str, int, int], ...] = (
    (
        "initial",
        "First session. Sam described the last three months: the move in June, the new job "
        "since August, and evenings with Alex that are either rows or silence. Sleeping "
        "badly, low most days, cries on the train. Explained how we'll work: sixteen weekly "
        "sessions, looking at relationships and what changed around the time the low mood "
        "started. Began the inventory.",
        "Finish the inventory at home: everyone who matters, the good and the hard. Write down "
        "one conversation with Alex this week, as soon as possible after it happens.",
        1,
        1,
    ),
    (
        "initial",
        "Finished the inventory. Alex, Jordan and Mum came up most; Dee only as 'someone I "
        "used to be close to'. Timeline: mood dropped after the move and got worse in the "
        "first weeks of the new job. Sam answered 'several days' to PHQ-9 item 9, so we "
        "talked it through carefully: passive thoughts on two bad nights ('they'd all manage "
        "fine without me'), no plan, no intent, never acted on. Wrote a safety plan together. "
        "The crisis numbers are in Sam's phone; Sam agreed to tell Alex or Lena, and to call "
        "the practice or emergency services, if the thoughts get stronger.",
        "Keep the safety plan somewhere you'll see it. Two more interaction records: one "
        "with Alex, one at work.",
        1,
        2,
    ),
    (
        "initial",
        "Formulation agreed and signed: depression that started with a double change (new job, "
        "new flat) and is kept going by a dispute with Alex that has gone quiet and bitter. "
        "Main focus: the dispute (impasse). Second focus: the change of role at work. Goals "
        "written down. Sixteen sessions, ending mid-December. The thoughts from two weeks ago "
        "have not come back.",
        "Notice the moments you go quiet or start banging cupboards, and write one of them "
        "down in detail.",
        2,
        2,
    ),
    (
        "middle",
        "Went through two evenings with Alex line by line. Both times Sam expected Alex to see "
        "the tiredness without being told, and Alex heard criticism. Wrote what Sam expects "
        "of Alex and what Alex seems to expect back side by side in the dispute focus. Sam "
        "was surprised how different the two lists are.",
        "Ask Alex for one specific thing, once, at a calm moment. Write down what happens.",
        2,
        2,
    ),
    (
        "middle",
        "The direct request went better than Sam expected. Work side: Jordan's late-evening "
        "messages. Sam answers within minutes, then lies awake. Talked about what was lost "
        "with the old job: the studio, Dee, being good at the work itself.",
        "Don't reply to Jordan after 8pm for three evenings. Note how it feels and what happens.",
        2,
        3,
    ),
    (
        "middle",
        "Role-played telling Alex about the late evenings at work without apologising or "
        "attacking. Sam found it hard to stop after one sentence and kept explaining. "
        "Practised it three times; the third sounded like Sam.",
        "Have the talk about evenings with Alex, using the sentence we practised.",
        3,
        3,
    ),
    (
        "middle",
        "Sam and Alex sat down at the weekend and talked about evenings and the school run. "
        "Still raw in places, but both are trying again: the dispute has moved from impasse "
        "to renegotiation. Mood a little better this week.",
        "Agree one change each with Alex and try it for a week.",
        3,
        3,
    ),
    (
        "middle",
        "A setback: a row about money, the worst for a month. Looked at it closely: anger held "
        "in since the sofa purchase came out all at once. Talked about setbacks being part of "
        "change, not proof that nothing works.",
        "Suggest a set time to talk about money with Alex: thirty minutes, with an end time.",
        2,
        3,
    ),
    (
        "middle",
        "Work: Sam asked Jordan directly for no messages after 8pm unless something is urgent, "
        "and Jordan agreed more easily than Sam had feared. Compared the old role and the new "
        "one side by side, the good and the hard of each.",
        "Write to Dee. No agenda, just say hello and that you miss her.",
        3,
        3,
    ),
    (
        "middle",
        "Dee wrote back warmly and they have a call planned. Interactions with Alex show fewer "
        "problems, and more 'partly' and 'yes' for being understood. Sam now notices the "
        "sighing before it turns into a slammed cupboard.",
        "Keep recording, one interaction every couple of days. Try checking what Alex heard "
        "before reacting.",
        3,
        4,
    ),
    (
        "middle",
        "The tenth anniversary with Alex went well. Rehearsed a harder conversation: telling "
        "Mum that Christmas will be at home this year.",
        "Ring Mum about Christmas.",
        4,
        4,
    ),
    (
        "middle",
        "Mum took the Christmas news badly on the phone, then rang back the next day and "
        "offered to bring the pudding. Sam didn't go quiet or give in, which is new.",
        "Start a list of what has changed since September, at home and at work.",
        4,
        4,
    ),
    (
        "middle",
        "The performance review with Jordan went well, with one point about delegating. Sam "
        "has asked Marco to lead the interview panel. Sam and Alex now spend half an hour on "
        "Sunday planning the week, and it mostly holds.",
        "Keep the Sunday half hour with Alex. Note anything that slips and what happened "
        "just before.",
        4,
        4,
    ),
    (
        "termination",
        "Started talking about the end of our sessions. Sam is worried the old habits will "
        "come back without the weekly appointment. Went through the list of changes and what "
        "made each one possible.",
        "Write down three warning signs that things are slipping.",
        4,
        4,
    ),
    (
        "termination",
        "Warning signs: going quiet for more than an evening; answering work messages in bed; "
        "the cupboard doors. What to do: say it early, ask for the Sunday half hour, ring "
        "Lena, and book a top-up session if low mood lasts two weeks.",
        "Show Alex the warning signs list.",
        4,
        5,
    ),
    (
        "termination",
        "Last session. PHQ-9 in the mild range, down from moderately severe in September. Sam "
        "and Alex still disagree about money sometimes, but they can talk about it now. Work "
        "is busy and has limits. Alex has read the warning signs. Follow-up booked for March.",
        "Keep the workbook going once a week and bring it to the follow-up.",
        5,
        5,
    ),
)

# --- the therapist's notes on reviewed interactions --------------------------------

THERAPIST_NOTES: dict[str, tuple[str, ...]] = {
    "nonverbal_substitute": (
        "The sighing and the cupboard doors did the talking, and {name} read them as anger. "
        "Practised saying the same thing in one plain sentence.",
        "Sam acted it out instead of saying it. Found the words behind it together: 'I'm "
        "exhausted and I need a hand.'",
    ),
    "assumed_communicated": (
        "Sam was sure the point had landed; nothing {name} said shows that it did. Practised "
        "checking: 'What did you hear me ask for?'",
        "The request was clear in Sam's head, not in the room. Worked on saying it out loud "
        "rather than implying it.",
    ),
    "assumed_understood": (
        "Sam filled in what {name} meant without asking, and the worst reading won. Practised "
        "asking 'Do you mean…?' before reacting.",
        "Looked at the gap between what {name} said and what Sam heard. We found two other "
        "ways of hearing it.",
    ),
    "indirect_verbal": (
        "The sarcasm carried the complaint, so {name} answered the sarcasm. Rewrote it as a "
        "plain request.",
        "Hinting again. Sam agreed that hints land as criticism with {name}.",
    ),
    "silence": (
        "Going quiet ended the conversation but not the feeling. Agreed a pause phrase: 'I "
        "need ten minutes, then I'll come back to this.'",
        "The silence lasted far longer than the argument would have. Talked about coming back "
        "to it the same day.",
    ),
    "hostile": (
        "The dig turned it into a contest about who is worse, and {name} got defensive instead of "
        "listening. Rewrote it as 'I feel… when… I'd like…'.",
        "Sam recognised the attack as tiredness and fear coming out sideways.",
    ),
    "need_unstated": (
        "The need underneath (rest, help, being noticed) never got said. Named it together "
        "and practised saying it first.",
        "Sam told {name} what was wrong but not what would help. Worked on the second half.",
    ),
    "pushes_away": (
        "The request came as a list of faults, which makes it hard for {name} to give Sam "
        "what Sam wants. Practised asking for care directly.",
    ),
    "anger_held_in": (
        "Anger saved up from earlier in the week came out over something small. Talked about "
        "saying it sooner and smaller.",
    ),
    "talked_over": (
        "Sam talked over {name} to get the whole explanation in. Practised making one point "
        "and then stopping to listen.",
    ),
}

GOOD_NOTES = (
    "One to keep: a clear request, a calm voice, and Sam checked it had been heard. Compare "
    "with the entries from September.",
    "Sam said what was needed before reaching boiling point, and {name} responded well. "
    "Wrote down what made that possible.",
    "A good example of the new pattern: Sam noticed the urge to go quiet and spoke instead.",
)

REHEARSED_NOTE = "Role-played the plan twice in session."

MOOD_NOTES = (
    "Slept badly.",
    "Long day.",
    "Quiet evening, early night.",
    "Walked Mia to school, nice chat.",
    "Headache all day.",
    "Went for a run. First in ages.",
    "Lena came over.",
    "Takeaway and a film with Alex.",
    "Train chaos both ways.",
    "Good day at work for once.",
    "Rain all day.",
    "Mia's swimming lesson.",
)

SPECIAL_MOOD_NOTES = {
    "2026-10-17": "Ten years with Alex. Lovely evening.",
    "2026-11-12": "Review with Jordan. Relief.",
    "2026-11-25": "Dad's 70th. Sad and nice at the same time.",
}

# --- the user's own vocabulary -----------------------------------------------------

OWN_EMOTION = "overwhelmed"
OWN_PROBLEM = (
    "talked_over",
    "Talking over them",
    "Carrying on over them before they had finished.",
)

# --- the themes --------------------------------------------------------------------

_tired = slot(
    "tired",
    "worn out after a ten-hour day",
    "running on four hours' sleep",
    "fried after back-to-back meetings",
    "still in my coat after a late train",
    "wiped out from Mia's bedtime battle",
    "aching after the commute",
)

CHORES = Theme(
    key="chores",
    people=("alex",),
    focus="dispute",
    weight=10,
    late_weight=7,
    days="weekday",
    weekday_hours=WEEKDAY_EVENING,
    weekend_hours=WEEKEND_EVENING,
    channels=(("face_to_face", 1),),
    tags=("chores",),
    summary="{chore} again",
    slots=(
        slot(
            "chore",
            "the dishes",
            "the laundry",
            "the bins",
            "the bathroom",
            "the recycling",
            "the pile of ironing",
            "the hoovering",
        ),
        _tired,
    ),
    setting=(
        "Kitchen, after dinner. I was {tired}; {chore} still waiting from yesterday.",
        "Got home {tired}. Alex was on the sofa with his phone and there was still {chore} to do.",
        "We were clearing up after dinner. Third time this week that {chore} had been left "
        "for me, or that's how it felt.",
        "Alex had the football on. I was {tired} and started on {chore} on my own.",
        "Mia finally asleep. I came downstairs {tired} and saw {chore}, untouched.",
    ),
    intended=(
        "I wanted Alex to see that I'm exhausted and take {chore} off my hands tonight.",
        "I needed help, and I wanted to hear that he'd noticed how much I'm carrying since "
        "the new job.",
        "I wanted us to share the evening jobs fairly without me having to ask every time.",
        "Mostly I wanted to sit down for twenty minutes and not feel guilty about it.",
    ),
    said=Graded(
        bad=(
            said(
                "Didn't say anything. Started on {chore} myself, loudly, and banged the "
                "cupboard doors.",
                "nonverbal_substitute",
                "need_unstated",
            ),
            said("“Don't get up, I'll do {chore}. Like always.”", "indirect_verbal"),
            said(
                "“You never lift a finger in this house unless I ask. I'm not your cleaner.”",
                "hostile",
                "pushes_away",
            ),
            said(
                "Sighed, said “fine” when he asked what was wrong, and went to bed early.",
                "silence",
                "nonverbal_substitute",
            ),
            said(
                "“Must be nice to have the evening off.” Then I did {chore} and went upstairs "
                "without a word.",
                "indirect_verbal",
                "anger_held_in",
            ),
            said(
                "I started listing everything I'd done since six o'clock, then everything he "
                "hadn't.",
                "pushes_away",
                "hostile",
            ),
        ),
        mixed=(
            said(
                "“Can someone do {chore} for once?” Said to the room, not to him.",
                "indirect_verbal",
            ),
            said(
                "Asked him to do {chore}, but in a clipped voice, while already doing it myself.",
                "assumed_communicated",
            ),
            said(
                "“I'm shattered, and there's still {chore}.” I thought that was clear enough.",
                "assumed_communicated",
            ),
            said(
                "Said I was tired and hoped he'd offer. When he didn't, I asked, but it came "
                "out as a complaint.",
                "need_unstated",
            ),
        ),
        good=(
            said(
                "“I'm done in tonight. Could you do {chore} so I can sit down for a bit? I'll "
                "take tomorrow's.”"
            ),
            said(
                "Sat down next to him and said: “I need a hand. Can you take {chore} "
                "tonight?” Calm voice, no list."
            ),
            said("“Can we split it tonight? You do {chore} and I'll make tomorrow's lunches.”"),
            said(
                "Told him I was running on empty and asked for one thing: {chore}. Then I "
                "stopped talking and waited."
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“I was going to do it. You don't give me a chance.” He turned the TV up.",
            "“Here we go again.” He went out into the garden.",
            "“I've been working too, you know. You're not the only one who's tired.”",
            "Nothing. He kept scrolling his phone.",
            "“If you wanted help, why didn't you just ask?”",
        ),
        mixed=(
            "“Sure, in a minute.” The minute turned into an hour.",
            "“You could have said something earlier.” Then he did it, in silence.",
            "He said “fine” and did it, but the rest of the evening was cool.",
        ),
        good=(
            "“Yeah, course. Sit down, I'll do it.” And he asked how my day was.",
            "“Sorry, I didn't notice. Go and have a bath, I've got this.”",
            "He said he was tired too, but did {chore}, and we had a cup of tea after.",
            "“Deal.” He even put music on while he did it.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm nagging and he'd rather I left him alone.", "assumed_understood"),
            said("That my day doesn't count because his was harder.", "assumed_understood"),
            said("That he doesn't care how tired I am.", "assumed_understood"),
            said("That I'm on my own with all of this."),
        ),
        mixed=(
            said("That he'd help, but only because I'd made a fuss.", "assumed_understood"),
            said("That he was annoyed, but I'm not sure what with."),
        ),
        good=(
            said("That he's happy to help when it's a clear request, not a charge sheet."),
            said("That he simply hadn't noticed, which isn't the same as not caring."),
            said("That he's tired too, and we're on the same side."),
        ),
    ),
    their_view=(
        "He'd had a long day too, with Mia's homework on top. He probably heard “you're lazy”.",
        "He says he can't read my mind. He might have been waiting to be asked.",
        "Maybe he wanted ten minutes' rest before starting on anything.",
        "He may think I'm keeping score. To be honest, I sort of am.",
    ),
    outcome=Graded(
        bad=(
            "We didn't speak for the rest of the evening. I lay awake going over it.",
            "I did {chore} myself and went to bed angry. Still cool with each other at breakfast.",
            "He slept on the sofa. Mia asked in the morning why Dad was downstairs.",
        ),
        mixed=(
            "It got done, but the evening felt tense. We said goodnight and not much else.",
            "Half an hour later we were fine again, but nothing was settled.",
        ),
        good=(
            "He did it, I sat down, and later we watched something together. An easy evening.",
            "Quick and easy. We agreed to put the evening jobs on a list on the fridge.",
            "It took two minutes. I felt silly about how much I'd dreaded asking.",
        ),
    ),
    feelings=Graded(
        bad=("resentful", "frustrated", "hurt", "lonely", "angry", OWN_EMOTION),
        mixed=("frustrated", "disappointed", "resentful", "anxious"),
        good=("relieved", "calm", "close/loved", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Ask him straight out, while I still felt calm: “Could you do {chore} tonight?”",
            "Say I was exhausted instead of showing it with the cupboard doors.",
            "Sit down first and ask, instead of asking while already doing it.",
            "Tell him what I needed (twenty minutes' rest) rather than what he'd done wrong.",
        ),
        (
            "Not much. Maybe ask earlier in the evening, before I get to the end of my rope.",
            "Say thank you afterwards. I forgot to.",
        ),
    ),
    plan=weak_or_good(
        (
            "Ask for one specific thing, in one sentence, before I'm at boiling point.",
            "Put the evening jobs on the fridge list and agree them on Sunday.",
            "When I notice the banging-cupboards mood, stop and ask instead.",
            "Check what he heard: “What do you think I'm asking for?”",
        ),
        (
            "Keep doing this: a clear ask, a calm voice, then stop talking.",
            "Do the Sunday fridge-list chat again this week.",
        ),
    ),
)

_late_reason = slot(
    "reason",
    "a client call that ran over",
    "a cancelled train",
    "Jordan catching me on my way out",
    "a launch that went wrong at five o'clock",
    "a leaving do I couldn't get out of",
    "a fire drill that ate the afternoon",
)

LATE_HOME = Theme(
    key="late_home",
    people=("alex",),
    focus="dispute",
    weight=8,
    late_weight=5,
    days="weekday",
    weekday_hours=("19:45-22:30",),
    weekend_hours=(),
    channels=(("face_to_face", 1),),
    tags=("evenings", "work hours"),
    summary="coming home late after {reason}",
    slots=(
        _late_reason,
        slot(
            "missed",
            "Mia's bedtime",
            "dinner",
            "Mia's reading",
            "the film we'd planned",
            "bath time",
        ),
    ),
    setting=(
        "Got in at {clock} because of {reason}. Missed {missed} again. Alex was clearing up "
        "and didn't look round.",
        "Late home after {reason}. I'd texted, but only at seven. The house was quiet and "
        "Alex was in the kitchen with his arms folded.",
        "Another late one, this time {reason}. I knew I'd missed {missed} before "
        "I even opened the door.",
    ),
    intended=(
        "I wanted him to know I hate missing {missed} too, and that I'm not choosing work over "
        "them.",
        "I needed him to understand that the first months in a new job are like this, and "
        "that it will settle.",
        "I wanted a bit of sympathy, honestly. And not to start the evening with a fight.",
    ),
    said=Graded(
        bad=(
            said(
                "“I'm here now, aren't I?” Then I went upstairs to get changed.",
                "hostile",
                "silence",
            ),
            said(
                "Said “{reason}” as if that explained everything, and waited for him to say it "
                "was fine.",
                "assumed_communicated",
                "need_unstated",
            ),
            said(
                "Went straight up to kiss Mia goodnight and didn't say a word to Alex.",
                "silence",
                "nonverbal_substitute",
            ),
            said(
                "“Don't start. I've had a horrible day and I don't need this as well.”",
                "hostile",
                "need_unstated",
            ),
            said(
                "Said “sorry” in a flat voice and went straight upstairs to change. Didn't "
                "come down for an hour.",
                "nonverbal_substitute",
                "silence",
            ),
            said(
                "“At least one of us is bringing in proper money.” I regretted it straight away.",
                "hostile",
                "anger_held_in",
            ),
            said(
                "Walked in, saw his face, and said nothing at all. Made a sandwich and ate it "
                "standing up.",
                "silence",
                "need_unstated",
            ),
            said(
                "“Well, some of us have jobs that don't finish at five.”",
                "indirect_verbal",
                "hostile",
            ),
        ),
        mixed=(
            said(
                "“Sorry, it was {reason}.” Then I changed the subject to the weekend before "
                "he could answer.",
                "need_unstated",
            ),
            said(
                "Went into the whole story of {reason} and talked over him when he tried to say "
                "something.",
                "talked_over",
            ),
            said(
                "Said I was sorry about {missed} and assumed that covered it.",
                "assumed_communicated",
            ),
        ),
        good=(
            said(
                "“I'm sorry. It was {reason}, and I should have rung earlier. How was your "
                "evening?”"
            ),
            said(
                "Gave him a hug first. Then: “I hate missing {missed}. Let's fix next week "
                "together.”"
            ),
            said(
                "“I'm really sorry I missed {missed}. I hated it too. Can I tell you what "
                "happened, and then hear about your evening?”"
            ),
            said(
                "“I know this is the third time this week. I'm not happy about it either. Can "
                "we look at next week together so it stops happening?”",
                replies=("“Yeah, let's do that on Sunday. Sit down, I'll heat your dinner.”",),
            ),
            said("Said sorry, said I'd missed them, and asked how bedtime went. Then I listened."),
        ),
    ),
    other_said=Graded(
        bad=(
            "“It's every night now. Mia asked if you still live here.”",
            "“Fine. Your dinner's in the microwave.” That was all.",
            "“You could have texted before seven. I'm not your secretary.”",
            "He shrugged and went to watch TV.",
        ),
        mixed=(
            "“OK.” He sounded tired rather than angry, but he didn't ask about my day.",
            "“It's fine,” in the voice that means it isn't.",
            "He said he understood, but he'd been counting on me tonight.",
        ),
        good=(
            "“Thanks for saying that. She was fine, she fell asleep halfway through the story.”",
            "“Sit down, I'll heat your dinner. Then tell me about it.”",
            "He said he'd been fed up, but it helped to hear that I minded too.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm a bad parent and he's keeping score.", "assumed_understood"),
            said("That he doesn't get how much pressure I'm under.", "assumed_understood"),
            said("That he's given up on me being home."),
        ),
        mixed=(
            said("That he was hurt but didn't want another argument."),
            said("That it was fine. I took him at his word, and it wasn't.", "assumed_understood"),
        ),
        good=(
            said("That he misses me more than he's cross with me."),
            said("That we both want the same thing: more evenings together."),
        ),
    ),
    their_view=(
        "He'd done bedtime alone again and probably felt like a single parent.",
        "Maybe he heard “my job matters more than your evening”.",
        "He might have been worried, not just annoyed: I'd said I'd be home at seven.",
    ),
    outcome=Graded(
        bad=(
            "Separate rooms for the evening. Neither of us mentioned it the next day, which "
            "is worse.",
            "He went to bed early. I answered emails till midnight.",
            "Cold for two days.",
        ),
        mixed=(
            "Polite for the rest of the evening. Nothing solved.",
            "Watched TV side by side without really talking.",
        ),
        good=(
            "We sat in the kitchen and talked for half an hour. First proper talk in a while.",
            "We looked at next week's diary and agreed which nights I'll be late.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "ashamed", "resentful", "angry", "lonely", OWN_EMOTION),
        mixed=("guilty", "disappointed", "anxious", "sad"),
        good=("relieved", "close/loved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Text at five, not seven, when I know I'll be late. And say sorry before explaining.",
            "Say that I'd missed them, instead of defending myself.",
            "Ask about his evening first.",
        ),
        ("Nothing much. Warn him about the late nights earlier in the week.",),
    ),
    plan=weak_or_good(
        (
            "Send the “late tonight” message as soon as I know, and go through next week's "
            "late nights on Sunday.",
            "When I walk in late: sorry first, then listen, then explain.",
            "Notice when I'm getting defensive, and stop explaining.",
        ),
        ("Keep the Sunday diary check. Warn Alex early when a late night is coming.",),
    ),
)

LATE_MESSAGE = Theme(
    key="late_message",
    people=("alex",),
    focus="dispute",
    weight=5,
    late_weight=3,
    days="weekday",
    weekday_hours=("17:10-19:15",),
    weekend_hours=(),
    channels=(("message", 1),),
    tags=("evenings", "work hours"),
    summary="the “running late” messages",
    slots=(
        slot("delay", "half an hour", "an hour", "forty minutes", "at least an hour"),
        slot(
            "why",
            "the 6.10 is cancelled",
            "a meeting that won't end",
            "Jordan wants a word",
            "the bus broke down",
            "the release went wrong",
        ),
    ),
    setting=(
        "Still at my desk at {clock}. I'd promised to be home by seven. Messaging Alex from "
        "the office.",
        "On the platform: {why}. Typed a message to Alex.",
        "Alex had texted at five asking when I'd be back. I only saw it at {clock}.",
    ),
    intended=(
        "I wanted to warn him I'd be late, and that I was sorry about it.",
        "I wanted him to know I was trying to get away, not staying for fun.",
        "I needed him to start dinner without me, without a row about it later.",
    ),
    said=Graded(
        bad=(
            said(
                "Texted “{delay} late” and didn't answer when he asked if everything was OK.",
                "silence",
                replies=("“Is everything OK?” Then, twenty minutes later: “Fine.”",),
            ),
            said("Texted: “Late.” Nothing else.", "assumed_communicated", "need_unstated"),
            said("Texted: “Can't talk. Don't wait.” and turned my phone face down.", "silence"),
            said(
                "Didn't answer his message at all. I thought he'd work it out.",
                "silence",
                "assumed_communicated",
                replies=(
                    "Another message an hour later: “Hello??”",
                    "Nothing more from him. When I got home he'd gone to bed.",
                ),
            ),
            said(
                "Texted: “Sorry not all of us can leave at five :)”",
                "indirect_verbal",
                "hostile",
            ),
        ),
        mixed=(
            said(
                "Texted: “{delay} late, sorry, {why}.” No question about how things were at home.",
                "need_unstated",
            ),
            said(
                "Texted that I'd be {delay} late and assumed he'd feed Mia.",
                "assumed_communicated",
            ),
        ),
        good=(
            said(
                "Texted: “Sorry, {why}. I'll be {delay} late. Can you start dinner? I'll do "
                "bedtime.”"
            ),
            said("Texted: “Running {delay} late, {why}. I hate this. Home by eight, promise.”"),
            said("Texted: “Bad news, {why}, {delay} late. What would help most when I'm back?”"),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Of course you will.”",
            "“K.”",
            "Nothing for an hour, then “Mia's asleep.”",
            "“Again? Thanks for letting us know so early.”",
        ),
        mixed=("“OK. Dinner's in the oven.”", "“Fine. Mia wanted to show you her drawing.”"),
        good=(
            "“No worries, pasta's on. She'll want you for the story.”",
            "“Thanks for telling me. Safe trip.”",
            "A thumbs-up and “see you soon x”.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That he's fed up with me for good.", "assumed_understood"),
            said("Sarcasm. That he thinks I don't care.", "assumed_understood"),
            said("Nothing much. I didn't read it properly until I was home."),
        ),
        mixed=(
            said(
                "That it was fine, though I couldn't tell from so few words.", "assumed_understood"
            ),
            said("A small guilt trip, but a fair one."),
        ),
        good=(
            said("That he's OK with it when I tell him early."),
            said("Warmth. That kiss at the end mattered more than I'd admit."),
        ),
    ),
    their_view=(
        "He'd been waiting to know whether to cook for three or two.",
        "From his side, a one-word text looks like I couldn't be bothered.",
        "He probably wanted to know I was thinking of them, not just informing him.",
    ),
    outcome=Graded(
        bad=(
            "Got home to a dark kitchen and a plate under foil. We barely spoke.",
            "Silent evening. I felt like a lodger.",
        ),
        mixed=(
            "Home late, a quick hello, Mia already asleep. Flat evening.",
            "OK in the end, but I felt I'd let them down.",
        ),
        good=(
            "Home by eight, did the story, and Alex had kept me some pasta.",
            "Easy. Such a relief not to walk into a frosty kitchen.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "anxious", "frustrated", "lonely", OWN_EMOTION),
        mixed=("guilty", "sad", "anxious"),
        good=("relieved", "calm", "close/loved"),
    ),
    alternative=weak_or_good(
        (
            "Tell him as soon as I know, and say what I'll do to make up for it.",
            "Write a whole sentence instead of one word. It takes ten seconds.",
            "Ask what he needs from me tonight.",
        ),
        ("Leave earlier. The message was fine; the meeting was the problem.",),
    ),
    plan=weak_or_good(
        (
            "Send a proper message the moment I know I'll be late: when, why, and what I'll "
            "take on at home.",
            "Set a reminder for five o'clock to check whether I'm getting away on time.",
        ),
        ("Same again next time: early warning, one kind word.",),
    ),
)

MONEY = Theme(
    key="money",
    people=("alex",),
    focus="dispute",
    weight=7,
    late_weight=5,
    days="any",
    weekday_hours=("19:30-22:30",),
    weekend_hours=("10:00-12:30", "18:00-22:00"),
    channels=(("face_to_face", 1),),
    tags=("money",),
    summary="money: {item}",
    slots=(
        slots(
            ("item", "amount"),
            ("the new sofa", "£1,200"),
            ("Alex's car repair", "£640"),
            ("the holiday deposit", "£350"),
            ("Mia's school trip", "£85"),
            ("the takeaways this month", "£210"),
            ("my new work bag", "£160"),
            ("the gas bill", "£290"),
        ),
    ),
    setting=(
        "{part}, the banking app open on the table. Alex had seen the {amount} for {item}.",
        "Alex brought up {item} ({amount}) while I was making the packed lunches.",
        "The bill for {item} came: {amount}. We hadn't talked about it.",
        "Doing the monthly budget, which we'd both been avoiding. First thing on the list: "
        "{item}, {amount}.",
    ),
    intended=(
        "I wanted us to decide about money together, calmly, like a team.",
        "I wanted him to see I'm not trying to control him; I'm scared about the rent on the "
        "new flat.",
        "I wanted some credit for the extra I'm bringing in, and for that to count for something.",
        "I needed to know we'd manage, and that he was worried too.",
    ),
    said=Graded(
        bad=(
            said("“So we're just spending my salary now, are we?”", "hostile", "indirect_verbal"),
            said(
                "“Do what you want, you always do.” Then I shut the laptop and walked out.",
                "silence",
                "nonverbal_substitute",
            ),
            said(
                "“I'm the one doing sixty-hour weeks so we can afford {item}.”",
                "pushes_away",
                "hostile",
            ),
            said(
                "Didn't say what I thought about {item}. Said “fine” and stewed on it for days.",
                "anger_held_in",
                "need_unstated",
            ),
            said(
                "Brought up every purchase since June, one after the other.",
                "anger_held_in",
                "hostile",
            ),
        ),
        mixed=(
            said("“{amount} is a lot, isn't it?” And left it hanging.", "indirect_verbal"),
            said(
                "Said we should be more careful and thought he'd know I meant {item}.",
                "assumed_communicated",
            ),
            said(
                "Started calmly, but when he brought up my own spending I got sharp.",
                "hostile",
            ),
        ),
        good=(
            said(
                "“I'd like us to decide about {item} together. Can we sit down for half an hour "
                "and look at the numbers?”",
                replies=("“Yes. Let's do it now, while Mia's asleep.”",),
            ),
            said(
                "“I get anxious about money since the move. Can we look at {item} together and "
                "decide what we can afford?”"
            ),
            said(
                "“I'm not blaming you. I'd just like us to agree anything over £100 before we buy "
                "it.”",
                replies=("“Anything over a hundred, fair enough. Same goes for you, though.”",),
            ),
            said(
                "“Can we each say what we're worried about before we talk numbers?” I went first."
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Your salary? I thought it was our money.”",
            "“Here we go. The accountant's back.”",
            "“You don't get to decide everything just because you earn more now.”",
            "He laughed, not nicely, and went out for a run.",
        ),
        mixed=(
            "“It had to be done. What was I supposed to do?”",
            "“Fine, we'll be careful.” He didn't look at me.",
            "He explained why it cost {amount}, a bit defensively.",
        ),
        good=(
            "“I'm worried too, to be honest. Let's do it together.”",
            "“OK. Let's sit down with the statements on Sunday, both of us.”",
            "He said he'd felt he needed permission to buy anything since my pay rise, and that "
            "it hurt.",
        ),
    ),
    heard=Graded(
        bad=(
            said(
                "That he thinks I've turned into someone who lords it over him.",
                "assumed_understood",
            ),
            said("That my worries are a joke to him.", "assumed_understood"),
            said("That he resents me earning more.", "assumed_understood"),
        ),
        mixed=(
            said("That he felt blamed, though I'm not sure what for exactly."),
            said("That he agreed, but I didn't check what he'd agreed to.", "assumed_understood"),
        ),
        good=(
            said("That it isn't about the money for him; it's about feeling equal."),
            said("That he's been worrying on his own too."),
        ),
    ),
    their_view=(
        "He probably felt he had to justify every pound to me.",
        "He might have heard “you're irresponsible”, which isn't what I think.",
        "Since my pay rise he's felt like the junior partner. He's said as much before.",
    ),
    outcome=Graded(
        bad=(
            "It went on till midnight. Nothing decided, and the statement's still on the table.",
            "He went for a run; I cleaned the kitchen furiously. We didn't talk till the next "
            "evening.",
        ),
        mixed=(
            "We agreed to “be more careful”, which means nothing.",
            "Ended politely. I'm still annoyed and I think he is too.",
        ),
        good=(
            "We set up a shared spreadsheet and a monthly money half-hour. It felt grown-up.",
            "We agreed a limit for big spends and hugged at the end.",
        ),
    ),
    feelings=Graded(
        bad=("angry", "resentful", "anxious", "afraid", "frustrated", "guilty"),
        mixed=("anxious", "frustrated", "disappointed"),
        good=("relieved", "hopeful", "calm", "close/loved"),
    ),
    alternative=weak_or_good(
        (
            "Say I'm scared about money instead of attacking what he bought.",
            "Talk about it at a time we've agreed, not while making packed lunches.",
            "Say what I actually want: a rule we both stick to.",
        ),
        ("Start with the feeling again. It works.",),
    ),
    plan=weak_or_good(
        (
            "Book a monthly money half-hour with Alex. Start with what worries me, not with what "
            "he did.",
            "Before I bring up spending, write down in one line what I'm asking for.",
        ),
        ("Keep the money half-hour going, even when there's nothing to argue about.",),
    ),
)

PHONE_AT_DINNER = Theme(
    key="phone_at_dinner",
    people=("alex",),
    focus="dispute",
    weight=5,
    late_weight=2,
    days="any",
    weekday_hours=("18:15-20:15",),
    weekend_hours=("12:30-13:30", "18:00-20:00"),
    channels=(("face_to_face", 1),),
    tags=("phone", "evenings"),
    summary="my phone at the table",
    slots=(
        slot("app", "Slack", "my work email", "the team chat"),
        slot("who", "Jordan", "a client", "the Berlin team", "Marco"),
    ),
    setting=(
        "All three of us at the table. My phone buzzed: {who} on {app}. I picked it up.",
        "Mia was telling us about her day when {app} pinged. I read the message under the table.",
        "Halfway through eating. I'd promised no phone at the table, then {who} messaged.",
    ),
    intended=(
        "Honestly, I just wanted to check it wasn't urgent and get back to the meal.",
        "I wanted Alex to see that I'm on call in this job, whether I like it or not.",
        "I wanted to be there properly, but the worry about work wouldn't let me.",
    ),
    said=Graded(
        bad=(
            said(
                "Answered {who} under the table and said “nothing” when Alex asked what I was "
                "doing.",
                "silence",
                "indirect_verbal",
            ),
            said(
                "“It's {who}, I have to. You don't understand how this job works.”",
                "hostile",
                "pushes_away",
            ),
            said("Ate with one hand and scrolled {app} with the other.", "nonverbal_substitute"),
            said(
                "Kept typing and said “one sec” three times.",
                "nonverbal_substitute",
                "assumed_communicated",
            ),
            said(
                "When he looked at me I said: “What? It's work. It pays for this food.”", "hostile"
            ),
            said(
                "Said nothing, just got up and took the phone into the hall.",
                "silence",
                "nonverbal_substitute",
            ),
        ),
        mixed=(
            said(
                "“Two minutes, it's {who}.” I thought that would do as an apology.",
                "assumed_communicated",
            ),
            said(
                "Put the phone away but kept glancing at it, and told myself nobody noticed.",
                "assumed_communicated",
            ),
            said("“Sorry, sorry, just this one.” It wasn't just the one.", "assumed_communicated"),
            said("Put it down with a big sigh, so they'd know what it cost me.", "indirect_verbal"),
        ),
        good=(
            said(
                "“Sorry, that's {who}. Give me one minute to say I'll reply later, then it's "
                "going in the drawer.”"
            ),
            said("Said “I'll leave that till Mia's in bed” and turned the phone over."),
            said(
                "“I'm worried about that message. Can I deal with it afterwards, and will you "
                "tell me if I drift off?”"
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Mia, maybe tell the phone about your day.”",
            "He stopped talking and finished eating.",
            "“Every single time, Sam.”",
        ),
        mixed=(
            "“It's fine.” Mia went quiet.",
            "He raised his eyebrows and carried on talking to Mia.",
        ),
        good=(
            "“Thanks. Mia, tell us the bit about the frog.”",
            "He smiled. Mia carried on with her frog story.",
            "“Deal. I'll kick you under the table if you drift.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm a terrible parent for picking up my phone once.", "assumed_understood"),
            said("That he's keeping count.", "assumed_understood"),
        ),
        mixed=(said("Disappointment, I think. I didn't ask.", "assumed_understood"),),
        good=(
            said("That it isn't the job he minds, it's mealtimes. Fair."),
            said("That he's on my side about the phone."),
        ),
    ),
    their_view=(
        "Meals are the one time we're all together. He's protecting that.",
        "Mia probably heard that the phone is more interesting than she is.",
        "He might worry that this is what the job will always be like.",
    ),
    outcome=Graded(
        bad=(
            "We finished early. Mia went to her room. I felt awful.",
            "We didn't talk about it. The phone was on the table the next day as well.",
        ),
        mixed=("Got through the meal, but the mood had gone.",),
        good=(
            "A nice meal. I replied to {who} later; it took four minutes.",
            "Phone in the drawer. Mia's frog story was worth it.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "ashamed", "anxious", "frustrated", OWN_EMOTION),
        mixed=("guilty", "anxious", "embarrassed"),
        good=("calm", "relieved", "happy", "close/loved"),
    ),
    alternative=weak_or_good(
        (
            "Leave the phone in the hall at mealtimes. Nothing at work is that urgent.",
            "Say out loud what I'm doing and when I'll stop, instead of sneaking a look.",
        ),
        ("Turn notifications off from six to eight so it doesn't come up at all.",),
    ),
    plan=weak_or_good(
        (
            "Phone in the drawer at mealtimes, and tell Jordan I reply after eight.",
            "If I really must look, say so and say for how long.",
        ),
        ("Keep the drawer rule. Tell Alex when it's working.",),
    ),
)

WEEKEND_PLANS = Theme(
    key="weekend_plans",
    people=("alex",),
    focus="dispute",
    weight=5,
    late_weight=4,
    days="weekday",
    weekday_hours=("19:30-22:00",),
    weekend_hours=(),
    channels=(("face_to_face", 1),),
    tags=("weekend",),
    summary="weekend plans: {plan}",
    slots=(
        slot(
            "plan",
            "lunch at his parents'",
            "a barbecue at Tom and Ria's",
            "a day at the coast",
            "his friend Dan's fortieth",
            "the garden centre and a long walk",
            "swimming with Mia and her friend",
        ),
    ),
    setting=(
        "Alex said he'd said yes to {plan} this weekend. I'd been hoping for a quiet one.",
        "Planning the weekend. Alex wanted {plan}; I wanted to sleep.",
        "Alex asked what we were doing at the weekend and mentioned {plan}.",
    ),
    intended=(
        "I wanted a weekend to recover. I also didn't want to be the one who always says no.",
        "I wanted him to see that I'm exhausted, not antisocial.",
        "I wanted us to plan it together rather than find out what had been decided.",
    ),
    said=Graded(
        bad=(
            said(
                "“Whatever. Put me down for {plan}; I'll just be tired there instead of here.”",
                "indirect_verbal",
                "pushes_away",
            ),
            said(
                "Said nothing about {plan} and went to bed early.",
                "silence",
                "nonverbal_substitute",
            ),
            said("“Great, so my weekend's gone as well.”", "indirect_verbal", "hostile"),
            said(
                "Said “fine” and then was grumpy for the whole of the next day.",
                "anger_held_in",
                "nonverbal_substitute",
            ),
            said(
                "“You always fill every weekend without asking me.”",
                "hostile",
                "pushes_away",
            ),
            said(
                "Went along with it and said nothing about how tired I am.",
                "need_unstated",
                "silence",
            ),
        ),
        mixed=(
            said("“I'll see how I feel about {plan}.” I already knew.", "indirect_verbal"),
            said("“Fine, {plan}.” I didn't mention that I needed a day off.", "need_unstated"),
            said("“Do we have to?” I didn't say why.", "need_unstated"),
            said("Said I might come, thinking he'd hear that I didn't want to.", "indirect_verbal"),
        ),
        good=(
            said(
                "“I'd like to come to {plan}, but I need one day with nothing in it. Could we "
                "keep the other day free?”"
            ),
            said("“I'm running on empty. Could you and Mia go, and I'll join you for the end?”"),
            said("“Can we look at weekends together before we say yes to things?”"),
        ),
    ),
    other_said=Graded(
        bad=(
            "“You never want to do anything any more.”",
            "“Stay home then. We'll go without you.”",
            "“You used to be fun.”",
        ),
        mixed=("“It's one afternoon. It'll do you good.”", "“Up to you.” He clearly minded."),
        good=(
            "“OK. We'll work it out so you get a proper rest.”",
            "“Fair. I should have asked first.”",
            "He said he's been worried I'm pulling away from everyone, and that's why he keeps "
            "making plans.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That he thinks I'm boring and miserable now.", "assumed_understood"),
            said("That his friends matter more than how I feel.", "assumed_understood"),
        ),
        mixed=(said("That he was disappointed, but he'd cope."),),
        good=(
            said("That he's trying to look after me, in his way."),
            said("That he'd rather have me for half the day than not at all."),
        ),
    ),
    their_view=(
        "He's been stuck in the flat all week with Mia and wants to see people.",
        "He might be scared I'm getting depressed again and trying to pull me out of it.",
        "He probably hears every “no” as “no to you”.",
    ),
    outcome=Graded(
        bad=(
            "He went with Mia. I stayed in and felt guilty all afternoon.",
            "A frosty day. We both pretended it was fine.",
        ),
        mixed=("I went, was quiet, and came home early. No row, no fun either.",),
        good=(
            "We went, left at four, and the other day was properly lazy. Best weekend in ages.",
            "Sorted in ten minutes. We put the weekend in the shared calendar together.",
        ),
    ),
    feelings=Graded(
        bad=("resentful", "lonely", "guilty", "frustrated", "sad"),
        mixed=("guilty", "disappointed", "anxious"),
        good=("relieved", "happy", "calm", "close/loved"),
    ),
    alternative=weak_or_good(
        (
            "Say what I need (a quiet day) and offer something, instead of just saying no.",
            "Ask to plan weekends together, before he's already said yes to people.",
        ),
        ("Nothing. It went well.",),
    ),
    plan=weak_or_good(
        (
            "On Thursday, ask Alex what's on for the weekend and say what I need from it.",
            "Offer half a day instead of all or nothing.",
        ),
        ("Keep the Thursday weekend chat.",),
    ),
)

SCHOOL = Theme(
    key="school",
    people=("alex",),
    focus="dispute",
    weight=5,
    late_weight=4,
    days="weekday",
    weekday_hours=("07:10-08:40",),
    weekend_hours=(),
    channels=(("face_to_face", 1),),
    tags=("school", "Mia"),
    summary="the school morning: {thing}",
    slots=(
        slot(
            "thing",
            "parents' evening",
            "the form for the school trip",
            "Mia's reading log",
            "her swimming kit",
            "who's doing pick-up on Thursday",
            "the email from Mia's teacher",
            "the costume for the school play",
        ),
    ),
    setting=(
        "School-run chaos at {clock}, Mia's shoes missing. Alex asked if I'd sorted {thing}.",
        "Breakfast. Mia mentioned {thing} and Alex looked at me.",
        "Getting out of the door, I realised nobody had done anything about {thing}.",
    ),
    intended=(
        "I wanted us to share the school things properly, not for them to be mine or his by "
        "default.",
        "I wanted him to know I'd forgotten, that I felt bad, and that I need a system, not a "
        "telling-off.",
        "I wanted to get out of the door without a fight in front of Mia.",
    ),
    said=Graded(
        bad=(
            said("“You're the one with the school app. How is {thing} my fault?”", "hostile"),
            said("Said “I'll do it” to end the conversation, knowing I wouldn't.", "need_unstated"),
            said("“Why is that my job? You're here all day on your days off.”", "hostile"),
            said(
                "Rolled my eyes and said “Obviously not.”",
                "nonverbal_substitute",
                "indirect_verbal",
            ),
            said("Said nothing, grabbed my bag and left. Mia watched.", "silence"),
        ),
        mixed=(
            said(
                "“I can't think about {thing} right now.” True, but I didn't say when I could.",
                "need_unstated",
            ),
            said("Mentioned {thing} over my shoulder on the way out.", "assumed_communicated"),
            said(
                "“I'll do it later.” Didn't say I'd forgotten, or that I need help remembering.",
                "need_unstated",
            ),
            said(
                "“I thought you were doing that?” I was sure we'd agreed. We hadn't.",
                "assumed_communicated",
            ),
        ),
        good=(
            said(
                "“I forgot, sorry. Can we put school things on the shared calendar so it's not "
                "all in my head or yours?”",
                replies=(
                    "“Good idea. I'll set it up tonight.”",
                    "“Yes. I've wanted that for ages.”",
                ),
            ),
            said(
                "“I can't do {thing} this week. Can you take it, and I'll take the next one?”",
                replies=("“Yes, I'll take it. Have a good day.” He even smiled.",),
            ),
            said(
                "“Not now, in front of Mia. Can we sort out school things tonight, ten minutes?”",
                replies=("“Tonight, then. Go, you'll miss your train.”",),
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Because you're never here, that's why.”",
            "“Forget it, I'll do it. As usual.”",
            "He sighed loudly and did Mia's shoes without looking at me.",
        ),
        mixed=("“Whatever, I'll sort it.”", "“We didn't agree that.” He was right."),
        good=(
            "“OK. Thanks for saying.” He handed me my coffee.",
            "“Fair enough. Let's sort it out properly later.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm failing as a parent since the new job.", "assumed_understood"),
            said("That he's doing everything and I'm doing nothing.", "assumed_understood"),
        ),
        mixed=(said("That he was annoyed but didn't want a scene."),),
        good=(
            said("That he wants a system as much as I do."),
            said("That he doesn't blame me. He's just busy too."),
        ),
    ),
    their_view=(
        "The school emails go to him, and he feels like the school's secretary.",
        "He didn't want to argue in front of Mia either.",
        "He may feel I've stopped noticing school things since August. That's partly true.",
    ),
    outcome=Graded(
        bad=(
            "Left without saying goodbye. Felt sick on the train.",
            "Mia cried at the school gate, Alex told me later. I felt terrible.",
        ),
        mixed=("We sorted it by text at lunchtime, stiffly.",),
        good=(
            "We did the calendar that evening. Ten minutes, done.",
            "Out of the door on time and Mia happy. A small win.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "ashamed", "angry", "frustrated", "anxious"),
        mixed=("guilty", "frustrated", "anxious"),
        good=("relieved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Admit I'd forgotten, and suggest a system.",
            "Say “not now” and name a time, rather than just leaving.",
        ),
        ("Nothing much. Maybe a kiss goodbye as well.",),
    ),
    plan=weak_or_good(
        (
            "A shared calendar for school things, and ten minutes on Sunday to go through the "
            "week.",
            "When I've dropped a ball, say so first instead of defending myself.",
        ),
        ("Keep the Sunday ten minutes.",),
    ),
)

FAMILY_VISITS = Theme(
    key="family_visits",
    people=("alex",),
    focus="dispute",
    weight=4,
    late_weight=None,
    days="any",
    weekday_hours=("19:30-22:30",),
    weekend_hours=("10:00-21:00",),
    channels=(("face_to_face", 1),),
    tags=("family",),
    summary="{visit}",
    slots=(
        slot(
            "visit",
            "his parents staying for the weekend",
            "Christmas at his sister's",
            "his mum coming over every Sunday",
            "half-term at his parents' house",
            "his parents coming for New Year",
        ),
    ),
    setting=(
        "Alex told me about {visit} while loading the dishwasher, as if it was already decided.",
        "We were talking about the next few weeks and {visit} came up.",
        "His mum had rung him about {visit}. He came off the phone and asked me what I thought.",
    ),
    intended=(
        "I wanted a say in it, and for him to remember how exhausted I am.",
        "I wanted him to understand that his family's visits aren't rest for me.",
        "I wanted to be kind about his family and honest about how much I can take.",
    ),
    said=Graded(
        bad=(
            said("“Oh good, {visit}. Just what I need.”", "indirect_verbal"),
            said("“Lovely. Can't wait.” In that voice.", "indirect_verbal"),
            said("“Your family, your problem. Don't expect me to cook.”", "hostile"),
            said(
                "Said nothing, then made a point of working in the bedroom whenever it came up.",
                "nonverbal_substitute",
                "silence",
            ),
        ),
        mixed=(
            said(
                "“Fine, {visit}, whatever you want.” I didn't say what I wanted.", "need_unstated"
            ),
            said("“Do they have to stay the whole time?” I didn't say why.", "need_unstated"),
            said(
                "Said I was “a bit tired for visitors” and thought that was a no. He took it as "
                "a yes.",
                "assumed_communicated",
            ),
        ),
        good=(
            said("“Can we talk about {visit} on Sunday, when we're both less tired?”"),
            said(
                "“I like your parents. I just need to know what's planned before it's agreed. "
                "Can we decide these things together?”"
            ),
            said(
                "“I'd love to go. Can we keep one evening just for the three of us?”",
                replies=("“Good idea. A takeaway night, just us.”",),
            ),
            said(
                "“Two nights would be great; a whole week is too much for me right now. Can we "
                "say two?”",
                replies=("“Two nights is fine. I'll tell Mum.”",),
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“They're Mia's grandparents. You could make an effort.”",
            "“You've never liked my family.”",
            "He left the room.",
        ),
        mixed=("“It's only a few days.”", "“I've already said yes. I can't undo it now.”"),
        good=(
            "“Yes, let's decide together. I should have asked.”",
            "“Sure. I'll do the cooking while they're here.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm the difficult one in the family.", "assumed_understood"),
            said("That his mum's feelings come before mine.", "assumed_understood"),
        ),
        mixed=(said("That it's decided and my opinion won't change it."),),
        good=(
            said("That he's willing to protect some time for us."),
            said("That he hadn't realised how tiring visits are for me."),
        ),
    ),
    their_view=(
        "He misses his family since the move; they used to be ten minutes away.",
        "His mum puts pressure on him, and he passes it on.",
        "He may feel caught between me and his mum.",
    ),
    outcome=Graded(
        bad=(
            "Stiff for days. His parents came anyway and I was polite and miserable.",
            "We argued about his family for an hour and ended up back on Christmas 2019.",
        ),
        mixed=(
            "A compromise of sorts: they're coming but leaving a day early. Neither of us is "
            "happy.",
        ),
        good=(
            "Two nights, agreed. He rang his mum while I was still in the room.",
            "We put it in the calendar together and planned a takeaway night for just us.",
        ),
    ),
    feelings=Graded(
        bad=("resentful", "frustrated", "lonely", "guilty", "angry"),
        mixed=("disappointed", "frustrated", "anxious"),
        good=("relieved", "close/loved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Say what I can manage (two nights) instead of sulking about the whole thing.",
            "Ask to be part of the decision, not just react to it.",
        ),
        ("Nothing. That's how I'd like it to go every time.",),
    ),
    plan=weak_or_good(
        (
            "Agree family visits together before either of us says yes.",
            "Give a number (how many nights) instead of “it's too much”.",
        ),
        ("Keep deciding family things together on Sundays.",),
    ),
)

FORGOTTEN = Theme(
    key="forgotten",
    people=("alex",),
    focus="dispute",
    weight=2,
    late_weight=1,
    days="any",
    weekday_hours=("19:00-22:30",),
    weekend_hours=("10:00-21:00",),
    channels=(("face_to_face", 1),),
    tags=("birthday",),
    summary="forgetting {occasion}",
    slots=(
        slot(
            "occasion",
            "the present for his brother's birthday",
            "the table for Lena's birthday dinner",
            "his mum's birthday card",
            "a present for Mia's friend's party",
            "the babysitter for his work do",
        ),
    ),
    setting=(
        "I'd promised to sort {occasion}. Only when Alex asked about it did I realise I'd "
        "forgotten.",
        "Alex asked, quite cheerfully, about {occasion}. I'd forgotten all about it.",
    ),
    intended=(
        "I wanted him to know it wasn't because I don't care.",
        "I wanted to own up and fix it without it turning into the whole last three months.",
    ),
    said=Graded(
        bad=(
            said(
                "“I didn't forget {occasion}, I just haven't done it yet.” We both knew.",
                "need_unstated",
            ),
            said(
                "“I've got a hundred things on. I can't remember everything.”",
                "hostile",
                "need_unstated",
            ),
            said(
                "Mumbled something, changed the subject, then sorted it in a panic in the "
                "bathroom.",
                "silence",
                "need_unstated",
            ),
            said(
                "“Why is it always me who has to remember these things?”", "pushes_away", "hostile"
            ),
        ),
        mixed=(
            said(
                "“I'll sort {occasion} first thing tomorrow,” and left the room before he could "
                "answer.",
                "silence",
            ),
            said(
                "“Sorry, I'll do it now,” but so fast and flat that he didn't believe me.",
                "assumed_communicated",
            ),
            said(
                "Said sorry, then reminded him of something he'd forgotten last month.",
                "hostile",
            ),
        ),
        good=(
            said("“I forgot {occasion}. I'm sorry. I'll do it now, before anything else.”"),
            said(
                "“I forgot, I'm sorry. I'll sort it tonight. Could we keep a list of these "
                "things that we both look at?”",
                replies=("“A shared list, yes. I forget things too.”",),
            ),
            said("“I dropped that one, sorry. It's not that I don't care; my head's full.”"),
        ),
    ),
    other_said=Graded(
        bad=("“You forget everything that isn't work now.”", "“Don't bother. I'll do it.”"),
        mixed=(
            "“It's fine.” Then, later: “It's not really fine.”",
            "“OK.” He looked tired more than angry.",
        ),
        good=("“Happens. Thanks for owning it.”", "“OK. Thanks for saying sorry.”"),
    ),
    heard=Graded(
        bad=(
            said("That I've stopped caring about his family.", "assumed_understood"),
            said("That I'm unreliable now.", "assumed_understood"),
        ),
        mixed=(said("That he's letting it go, for now."),),
        good=(said("That it's the saying sorry that matters to him."),),
    ),
    their_view=(
        "To him it might look like one more sign that I've checked out of home life.",
        "He probably wanted me to mind that I'd forgotten.",
    ),
    outcome=Graded(
        bad=("He did it himself. Evening ruined.", "We argued, then made up badly."),
        mixed=("Sorted, but I felt small for the rest of the evening.",),
        good=(
            "Sorted in ten minutes. We started a shared list that night.",
            "He hugged me and said it was fine. It was.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "ashamed", "embarrassed", "frustrated"),
        mixed=("guilty", "embarrassed"),
        good=("relieved", "close/loved"),
    ),
    alternative=weak_or_good(("Just say “I forgot, I'm sorry” and stop there.",), ("Nothing.",)),
    plan=weak_or_good(
        ("A shared list of birthdays and bookings on the fridge. Own up straight away.",),
        ("Keep the shared list going.",),
    ),
)

MISSED_CALL = Theme(
    key="missed_call",
    people=("alex",),
    focus="dispute",
    weight=3,
    late_weight=2,
    days="weekday",
    weekday_hours=("10:00-17:30",),
    weekend_hours=(),
    channels=(("phone", 1),),
    tags=("phone", "work hours"),
    summary="calling Alex back when {why}",
    slots=(
        slot(
            "why",
            "Mia had a temperature",
            "the boiler had packed up",
            "the landlord was coming round",
            "his mum had had a fall",
            "the school had rung him",
        ),
    ),
    setting=(
        "In a meeting with Jordan. Alex rang twice and I declined both. Called him back an "
        "hour later: {why}.",
        "Came out of a workshop to three missed calls from Alex. Rang back from the "
        "stairwell: {why}.",
    ),
    intended=(
        "I wanted him to know I can't just walk out of meetings, and that I was sorry.",
        "I wanted to help, and for him to know I'd have picked up if I could.",
        "I wanted to know how bad it was and what he needed from me.",
    ),
    said=Graded(
        bad=(
            said("“{why}? And you needed me for that?” It came out all wrong.", "hostile"),
            said("“I was in a meeting, Alex. What is it now?”", "hostile"),
            said("“Can't you deal with it? I've got a deadline.”", "hostile", "need_unstated"),
            said(
                "Kept it short and businesslike, as if he were a colleague.",
                "assumed_communicated",
                "need_unstated",
            ),
        ),
        mixed=(
            said(
                "Said “OK, OK” while he told me {why}, and didn't ask how he was.", "need_unstated"
            ),
            said(
                "“Sorry, couldn't pick up.” Then I listened with one eye on my email.",
                "assumed_communicated",
            ),
            said(
                "“Is it urgent?” I meant it as a real question, but it sounded impatient.",
                "assumed_communicated",
            ),
        ),
        good=(
            said(
                "“Sorry I missed you, I was with Jordan. What's happening, and what do you need "
                "from me?”"
            ),
            said("“I'm here now. Is everyone OK? I can leave at three if that helps.”"),
            said("“I'm sorry you had that on your own. What can I take off you?”"),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Forget it, I sorted it. Like always.”",
            "“Would it kill you to pick up once?”",
            "He hung up on me.",
        ),
        mixed=(
            "“It's handled now.” Short and cool.",
            "“Yes, it was urgent. That's why I rang twice.”",
        ),
        good=(
            "“Thanks. It's OK now, but can you do pick-up tomorrow?”",
            "“It's fine, I just wanted you to know. Thanks for calling back.”",
            "“Can you leave at three? That would really help.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That my job always comes second to his emergencies.", "assumed_understood"),
            said("That he thinks I don't care.", "assumed_understood"),
        ),
        mixed=(
            said(
                "That he'd managed without me and was making a point of it.", "assumed_understood"
            ),
        ),
        good=(
            said("That he needed backup, not a rescue."),
            said("That he'd been worried and was glad I rang."),
        ),
    ),
    their_view=(
        "He was on his own with it and worried.",
        "Two calls in a row means urgent, in his book.",
        "He may feel that since August he's the only parent on call.",
    ),
    outcome=Graded(
        bad=(
            "We didn't talk about it that evening. He was asleep when I got in.",
            "A row that evening, starting with “you never pick up”.",
        ),
        mixed=("He managed. I felt guilty all afternoon.",),
        good=(
            "I left at three and did pick-up. He was grateful.",
            "We agreed: two calls in a row means urgent, and I step out.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "anxious", "frustrated", "afraid", OWN_EMOTION),
        mixed=("guilty", "anxious"),
        good=("relieved", "close/loved", "calm"),
    ),
    alternative=weak_or_good(
        ("Step out of the meeting the second time he rings. Jordan would understand.",),
        ("Nothing. Calling straight back was right.",),
    ),
    plan=weak_or_good(
        (
            "Agree with Alex: two calls in a row means urgent, and I step out. Tell Jordan the "
            "rule too.",
        ),
        ("Keep the two-calls rule.",),
    ),
)

_meeting = slot(
    "meeting",
    "our one-to-one",
    "the Monday leadership meeting",
    "a quick call",
    "the review with the directors",
)

FEEDBACK = Theme(
    key="feedback",
    people=("jordan",),
    focus="transition",
    weight=7,
    late_weight=5,
    days="weekday",
    weekday_hours=("09:15-12:30", "13:30-17:45"),
    weekend_hours=(),
    channels=(("face_to_face", 3), ("video", 2)),
    tags=("work", "feedback"),
    summary="Jordan's feedback on {work}",
    slots=(
        slot(
            "work",
            "the roadmap deck",
            "the hiring plan",
            "my first team report",
            "the onboarding redesign",
            "next year's budget",
            "the quarterly review slides",
        ),
        _meeting,
    ),
    setting=(
        "In {meeting}, Jordan went through {work}. She had a lot of comments.",
        "Jordan sent {work} back covered in comments, then wanted to talk about it in {meeting}.",
        "End of {meeting}. Jordan said “one more thing” and brought up {work}.",
    ),
    intended=(
        "I wanted her to see how much work had gone into it, and that I can take feedback.",
        "I wanted to understand what she actually wanted, and to look competent while asking.",
        "I wanted to hear that I'm doing OK in this job.",
    ),
    said=Graded(
        bad=(
            said(
                "Said “that's fair” to every point, then complained about her to Marco all "
                "afternoon.",
                "indirect_verbal",
                "anger_held_in",
            ),
            said(
                "“With respect, you weren't there when we made those decisions.” My voice was "
                "shaking.",
                "hostile",
            ),
            said(
                "Apologised three times for {work} and didn't ask a single question.",
                "need_unstated",
                "assumed_understood",
            ),
            said(
                "Nodded at everything and said “sure, no problem”. Inside I was furious.",
                "anger_held_in",
                "silence",
            ),
            said(
                "Defended every single point, and kept talking over her when she tried to answer.",
                "talked_over",
            ),
            said(
                "Said “fine” and went quiet for the rest of the meeting.",
                "silence",
                "need_unstated",
            ),
            said(
                "“I wish someone had told me that before I spent a week on it.” Muttered, half "
                "to myself.",
                "indirect_verbal",
                "anger_held_in",
            ),
        ),
        mixed=(
            said(
                "Said “OK, I'll rework {work}” and didn't check which comments mattered most.",
                "assumed_understood",
            ),
            said(
                "Asked for an example, then interrupted her before she'd finished giving it.",
                "talked_over",
            ),
            said(
                "Asked one question, then assumed I knew what she meant by “more strategic”.",
                "assumed_understood",
            ),
            said("Explained my reasons at length. She had to cut in twice.", "talked_over"),
            said(
                "Thanked her and said I'd fix it. Didn't ask the question I really had.",
                "need_unstated",
            ),
        ),
        good=(
            said(
                "“Thanks. Before I change it, can you tell me what strategic would look like "
                "here? An example would help.”"
            ),
            said(
                "“I hear that it's too detailed. What matters most to you in {work}, so I know "
                "what to cut?”"
            ),
            said(
                "“That's useful. Can I say what I was aiming for, and you tell me where it misses?”"
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“It's not there yet. The directors will take it apart.”",
            "“I need you to think at a higher level, Sam.” And she moved on.",
            "She looked at her phone while I was talking.",
        ),
        mixed=(
            "“Just make it more strategic.”",
            "“It's fine, just tighten it up.”",
            "“Good start, but no.”",
        ),
        good=(
            "“Sure: one page, three decisions, the numbers behind them. The rest goes in an "
            "appendix.”",
            "“Honestly, it's good work. It's just pitched at the wrong level for this audience.”",
            "She showed me two decks from last year and said I was doing well for three months in.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm out of my depth and she's noticed.", "assumed_understood"),
            said("That they hired the wrong person.", "assumed_understood"),
        ),
        mixed=(
            said("That it's not good enough, but I'm not sure why.", "assumed_understood"),
            said("Criticism. I heard the “no” and not the “good start”.", "assumed_understood"),
        ),
        good=(
            said("That she wants me to succeed, and the bar is just different here."),
            said("Clear instructions. Much easier than guessing."),
        ),
    ),
    their_view=(
        "She's under pressure from the directors and passing it on.",
        "She probably thought the comments were routine. She does this with everyone.",
        "She might have wanted me to push back and say what I think.",
    ),
    outcome=Graded(
        bad=(
            "Stayed till nine redoing it, then couldn't sleep.",
            "Went home and snapped at Alex. Didn't mention work at all.",
            "Spent the evening rewriting it from scratch without knowing if it's any better.",
        ),
        mixed=(
            "Redid it. She said “better” and nothing else.",
            "Made the changes, but I still don't know what she really wanted.",
        ),
        good=(
            "Redid it in an hour using her examples. She sent it on to the directors.",
            "Left on time. Felt like I could actually do this job.",
        ),
    ),
    feelings=Graded(
        bad=("anxious", "ashamed", "embarrassed", "afraid", "frustrated", OWN_EMOTION),
        mixed=("anxious", "frustrated", "disappointed"),
        good=("relieved", "hopeful", "calm", "happy"),
    ),
    alternative=weak_or_good(
        (
            "Ask what she means, with an example, instead of nodding.",
            "Let her finish, then answer one point, not all of them.",
            "Say that I'd like to hear what's working as well.",
        ),
        ("Nothing. Asking for an example was the key.",),
    ),
    plan=weak_or_good(
        (
            "In the next one-to-one, ask for an example every time I don't understand a comment.",
            "Write her points down first and answer later. No defending in the meeting.",
        ),
        ("Keep asking for examples. Ask what good looks like before I start the next one.",),
    ),
)

EVENING_MESSAGES = Theme(
    key="evening_messages",
    people=("jordan",),
    focus="transition",
    weight=6,
    late_weight=3,
    days="any",
    weekday_hours=("20:30-22:50",),
    weekend_hours=("20:15-22:30",),
    channels=(("message", 1),),
    tags=("work", "evenings"),
    summary="Jordan's evening message about {request}",
    slots=(
        slot(
            "request",
            "the slides for tomorrow",
            "the numbers for the board pack",
            "a “quick look” at a contract",
            "moving the launch date",
            "a new idea for the homepage",
        ),
    ),
    setting=(
        "{clock}, on the sofa, Mia asleep. Jordan messaged about {request}.",
        "Already in bed when my phone lit up: Jordan, about {request}.",
        "{clock}. I'd promised myself no work after eight, then Jordan wrote about {request}.",
    ),
    intended=(
        "I wanted to show I'm committed and on top of things.",
        "I wanted the evening to be mine, but I didn't want her to think I'm not up to the job.",
        "I wanted to know whether it really couldn't wait until the morning.",
    ),
    said=Graded(
        bad=(
            said(
                "Sent her a full answer about {request} at {clock}, and didn't tell Alex what I "
                "was doing.",
                "need_unstated",
            ),
            said(
                "Answered straight away with a long reply, then worked till midnight. Never "
                "said it was late.",
                "need_unstated",
            ),
            said(
                "Replied “sure, no problem!” while Alex watched me do it.",
                "need_unstated",
                "assumed_communicated",
            ),
            said("Left it on read and lay awake worrying about it.", "silence"),
            said("Wrote back “Will do. Again.” and hoped she'd take the hint.", "indirect_verbal"),
        ),
        mixed=(
            said(
                "Replied “will look at {request} tomorrow”, then checked all evening whether "
                "she'd answered.",
                "assumed_communicated",
            ),
            said(
                "Replied “On it first thing tomorrow” and hoped that was OK. Didn't ask.",
                "assumed_communicated",
            ),
            said(
                "Replied after twenty minutes of agonising: short, polite and a bit cold.",
                "indirect_verbal",
            ),
        ),
        good=(
            said(
                "“Thanks, I'll look at {request} first thing. I don't check messages after "
                "eight unless it's urgent, so call me if it is.”",
                replies=(
                    "“Good rule. I'll try to stick to it too.”",
                    "“Of course. Morning is fine.”",
                ),
            ),
            said("“Is this for tonight or tomorrow morning? If it can wait, I'll do it at nine.”"),
            said(
                "Didn't reply till the morning, then: “Done. I'm offline in the evenings, so "
                "ring me if something's on fire.”"
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“Need it by 8am please.”",
            "Nothing back. Which was worse.",
            "“Thanks! One more thing…”",
        ),
        mixed=("“OK.”", "A thumbs-up at eleven at night."),
        good=(
            "“Tomorrow's fine, sorry for the late message.”",
            "“No rush. I just write things down when I think of them.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That she expects me to be on call every night.", "assumed_understood"),
            said("That I'd be judged if I didn't answer.", "assumed_understood"),
        ),
        mixed=(said("That it was OK, though I'm not sure.", "assumed_understood"),),
        good=(
            said("That her late messages aren't orders. She just thinks at night."),
            said("That I'm allowed to have evenings."),
        ),
    ),
    their_view=(
        "She writes messages when she thinks of things; she might not expect replies.",
        "She has no kids and works late. She may not think about evenings at all.",
        "She wants someone reliable and may read a fast reply as that.",
    ),
    outcome=Graded(
        bad=(
            "Up till one. Foul mood in the morning. Alex asked why I bother.",
            "Couldn't sleep. Did it at six before anyone was up.",
        ),
        mixed=("Did it in the morning; the evening was half spoiled anyway.",),
        good=(
            "Phone away by ten past. Slept well.",
            "Did it at nine the next day. Nothing bad happened at all.",
        ),
    ),
    feelings=Graded(
        bad=("anxious", OWN_EMOTION, "resentful", "frustrated", "afraid"),
        mixed=("anxious", "frustrated"),
        good=("relieved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Ask whether it's urgent. Most things aren't.",
            "Tell her once, clearly, that I'm offline after eight.",
        ),
        ("Nothing. I wish I'd done this in August.",),
    ),
    plan=weak_or_good(
        (
            "Notifications off after 8pm. Tell Jordan in the one-to-one that I reply in the "
            "morning.",
            "If I'm unsure, ask: tonight or tomorrow?",
        ),
        ("Keep the 8pm rule, even when it feels risky.",),
    ),
)

_project = slot(
    "project",
    "the app relaunch",
    "the accessibility audit",
    "the design system",
    "the new pricing page",
    "the partner portal",
)

WORKLOAD = Theme(
    key="workload",
    people=("jordan",),
    focus="transition",
    weight=5,
    late_weight=3,
    days="weekday",
    weekday_hours=("09:30-12:30", "14:00-17:30"),
    weekend_hours=(),
    channels=(("face_to_face", 2), ("video", 1)),
    tags=("work", "workload"),
    summary="being handed {project}",
    slots=(
        _project,
        slot(
            "deadline", "by Friday", "by the end of the month", "in two weeks", "before Christmas"
        ),
    ),
    setting=(
        "Jordan caught me after stand-up: she wants me to take on {project} {deadline}.",
        "In our one-to-one Jordan added {project} to my list, due {deadline}. My list is "
        "already full.",
        "In the leadership meeting {project} came up, and Jordan said “Sam can own that”.",
    ),
    intended=(
        "I wanted to say no, or at least not now, without looking weak.",
        "I needed her to see what's already on my plate.",
        "I wanted her help deciding what to drop.",
    ),
    said=Graded(
        bad=(
            said(
                "“Sure, I'll take {project}.” Then I sighed loudly enough for the whole floor to "
                "hear.",
                "nonverbal_substitute",
                "indirect_verbal",
            ),
            said(
                "Said yes on the spot. Then complained to Marco for an hour.",
                "need_unstated",
                "indirect_verbal",
            ),
            said("“Fine. I'll just work weekends, shall I?”", "indirect_verbal", "hostile"),
            said(
                "Started listing everything I'm doing and talked over her when she tried to "
                "answer.",
                "talked_over",
                "pushes_away",
            ),
            said(
                "Said nothing, took notes, went back to my desk and shut my laptop hard.",
                "silence",
                "nonverbal_substitute",
            ),
        ),
        mixed=(
            said(
                "Agreed to {project} {deadline} and said I'd “flag it if it's a problem”. It "
                "already is.",
                "need_unstated",
            ),
            said(
                "Mentioned my other deadlines, briefly, and assumed she'd adjust.",
                "assumed_communicated",
            ),
            said("“That's a lot, but OK.” I hoped she'd hear the “a lot”.", "indirect_verbal"),
            said(
                "Said I'd “see what I can do”, thinking that was a clear no.",
                "assumed_communicated",
            ),
        ),
        good=(
            said(
                "“I can do {project}, but not on top of everything else. What should I drop or "
                "delay?”"
            ),
            said(
                "“I want to do it well, and I can't do that {deadline}. Can we look at my list "
                "together?”"
            ),
            said(
                "Showed her my list and said: “This is full. If {project} comes first, what moves?”"
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“I'm sure you'll find a way.”",
            "“Everyone's stretched, Sam.”",
            "She was already answering a message.",
        ),
        mixed=("“Great, thanks.” She didn't look at the list.", "“Let me know if it's a problem.”"),
        good=(
            "“Fair. The other thing can wait until January.”",
            "“Good question. Drop the weekly report; nobody reads it.”",
            "“Thanks for saying so. I hadn't looked at your whole list.”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That saying no isn't an option here.", "assumed_understood"),
            said("That she thinks I'm slow.", "assumed_understood"),
        ),
        mixed=(said("That I'd agreed, though I hadn't meant to."),),
        good=(
            said("That she'd rather I push back than drown."),
            said("That priorities are up for discussion."),
        ),
    ),
    their_view=(
        "She needs someone to own it and I'm the obvious person.",
        "She may not have known how full my list was, because I never say.",
        "She'd probably rather hear no now than about a missed deadline later.",
    ),
    outcome=Graded(
        bad=(
            "Worked through lunch all week. Short with everyone, at work and at home.",
            "Missed the school run on Thursday because of it.",
        ),
        mixed=("Took it on and quietly dropped something else myself. Not ideal.",),
        good=(
            "Something else moved to January. Felt like a grown-up.",
            "We went through my list together and cut two things.",
        ),
    ),
    feelings=Graded(
        bad=(OWN_EMOTION, "anxious", "resentful", "frustrated", "afraid"),
        mixed=("anxious", "frustrated"),
        good=("relieved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        (
            "Ask what should move, instead of saying yes to everything.",
            "Bring my list to the one-to-one so she can see it.",
        ),
        ("Nothing. That's the way to do it.",),
    ),
    plan=weak_or_good(
        (
            "Keep my priority list up to date, take it to every one-to-one, and answer new work "
            "with “what moves?”",
        ),
        ("Keep asking “what moves?”",),
    ),
)

COLLEAGUE = Theme(
    key="colleague",
    people=("marco",),
    focus="transition",
    weight=4,
    late_weight=None,
    days="weekday",
    weekday_hours=("09:30-17:30",),
    weekend_hours=(),
    channels=(("face_to_face", 3), ("message", 1)),
    tags=("work",),
    summary="asking Marco about {task}",
    ease=0.1,
    slots=(
        slot(
            "task",
            "the user interviews",
            "the design review",
            "the interview panel",
            "the handover document",
            "the sprint demo",
            "the new starter's first week",
        ),
    ),
    setting=(
        "Drowning in {task}. Marco asked if I was OK.",
        "Marco offered to take {task} off me.",
        "Marco ran {task} before I came. I needed his help and didn't want to ask.",
    ),
    intended=(
        "I wanted help without admitting I was struggling.",
        "I wanted him to know I trust him, even though he applied for my job.",
        "I needed to hand something over without feeling like a failure.",
    ),
    said=Graded(
        bad=(
            said(
                "“It's fine, I've got {task}.” Then I stayed till eight doing it.", "need_unstated"
            ),
            said("Snapped “I know how {task} works, thanks.”", "hostile"),
            said("“I'm fine, all under control.” It wasn't.", "need_unstated"),
            said(
                "“I suppose you'd do it better, seeing as you know everything here.”",
                "indirect_verbal",
                "hostile",
            ),
            only("face_to_face", "Didn't answer and kept typing.", "silence"),
        ),
        mixed=(
            said(
                "“If you've got time, maybe you could look at {task}?” Vague on purpose.",
                "indirect_verbal",
            ),
            said(
                "Said thanks but no, then asked two days later when it was almost too late.",
                "need_unstated",
            ),
        ),
        good=(
            said("“Yes please. Could you run {task}? You know it better than I do.”"),
            said("“I'm struggling with {task}. Can I borrow half an hour of your brain?”"),
            said("“Thanks for offering. Would you lead {task} this time, and I'll sit in?”"),
        ),
    ),
    other_said=Graded(
        bad=("“OK…” He looked a bit hurt.", "“Suit yourself.”"),
        mixed=("“Sure, whenever.”", "“I can, but I needed to know last week.”"),
        good=(
            "“Happy to. I was hoping you'd ask.”",
            "“Of course. You've been carrying too much.”",
            "“Sure. Coffee at three?”",
        ),
    ),
    heard=Graded(
        bad=(
            said("That he's waiting for me to fail.", "assumed_understood"),
            said("Pity.", "assumed_understood"),
        ),
        mixed=(said("That he's busy and I'd left it too late."),),
        good=(
            said("That he wants to help and doesn't hold a grudge."),
            said("That asking for help is normal here."),
        ),
    ),
    their_view=(
        "He probably wanted to be asked; he knows this stuff.",
        "He may think I don't rate him, because I never hand anything over.",
        "He might worry that I see him as a rival.",
    ),
    outcome=Graded(
        bad=(
            "Did it alone till nine. Marco was cool with me the next day.",
            "Ran late, had to ask him anyway, and felt worse.",
        ),
        mixed=("He helped, a bit late. We got there.",),
        good=(
            "He ran it brilliantly. I told Jordan it was his work.",
            "Best afternoon at work so far. We had a laugh.",
        ),
    ),
    feelings=Graded(
        bad=("ashamed", "anxious", OWN_EMOTION, "embarrassed", "jealous"),
        mixed=("anxious", "embarrassed", "relieved"),
        good=("relieved", "happy", "hopeful", "calm"),
    ),
    alternative=weak_or_good(
        ("Say yes to the offer. He offered!", "Ask plainly for what I need."),
        ("Nothing. Ask sooner next time.",),
    ),
    plan=weak_or_good(
        ("Ask Marco for help the first time I think of it, not the fourth.",),
        ("Give Marco one thing to lead every sprint.",),
    ),
)

MUM = Theme(
    key="mum",
    people=("mum",),
    focus=None,
    weight=5,
    late_weight=4,
    days="any",
    weekday_hours=("18:30-21:00",),
    weekend_hours=("10:00-18:30",),
    channels=(("phone", 3), ("video", 1)),
    tags=("family",),
    summary="Mum on {topic}",
    slots=(
        slot(
            "topic",
            "how tired I look",
            "Mia's new school",
            "the flat being too far away",
            "how much I work",
            "Christmas",
            "Alex never ringing",
        ),
    ),
    setting=(
        "Mum's weekly call. She was on to {topic} within five minutes.",
        "Mum rang while I was cooking. It turned to {topic}, as usual.",
        "Mum called so Mia could show her the costume for the school play. Afterwards she "
        "wanted a word about {topic}.",
    ),
    intended=(
        "I wanted her on my side, for once.",
        "I wanted to be kind to her and still not take the criticism on board.",
        "I wanted her to trust that I know what I'm doing.",
    ),
    said=Graded(
        bad=(
            said(
                "“Can we not do {topic} again, Mum?” Then I went quiet till she gave up.",
                "silence",
                "hostile",
            ),
            said(
                "“Yes, Mum. Mm. Yes.” Counted the minutes till I could hang up.",
                "silence",
                "need_unstated",
            ),
            said("“Not everyone can afford to stay at home, Mum.”", "hostile"),
            said(
                "Snapped at her about Dad. I didn't mean to bring him into it.",
                "anger_held_in",
                "hostile",
            ),
        ),
        mixed=(
            said("Changed the subject whenever she got back to {topic}.", "indirect_verbal"),
            said("“We're fine, honestly.” Not true, and she could hear it.", "need_unstated"),
            said("Said “I'll think about it” to end the call.", "indirect_verbal"),
        ),
        good=(
            said(
                "“I know {topic} worries you. I'm OK, and I'll tell you if I'm not. How are you?”"
            ),
            said(
                "“Mum, I know you worry. It helps more when you ask how I am than when you tell "
                "me what to do.”",
                replies=("“You're right. How are you, love?”",),
            ),
            said(
                "“I'm tired, yes. It's a new job. I'd love it if you came up and took Mia out one "
                "Saturday.”",
                replies=("“I'd love that. Which Saturday?”",),
            ),
            said(
                "“We're doing Christmas at home this year, and I'd love you to come to us.”",
                replies=(
                    "“At yours, lovely. I'll bring the pudding.”",
                    "A long pause. Then: “All right. I'll bring the pudding.”",
                ),
            ),
        ),
    ),
    other_said=Graded(
        bad=(
            "“I'm only saying. Your father worked too hard, and look what happened.”",
            "“Well, don't come crying to me.”",
            "“I worry about Mia, that's all.”",
        ),
        mixed=("“I just want what's best for you.”", "“All right, all right.” She sounded hurt."),
        good=(
            "“That's a relief. I'm all right, love, just missing you all.”",
            "She laughed and said I sounded more like myself.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That I'm turning into Dad, and it's my own fault.", "assumed_understood"),
            said("That she thinks I'm a bad parent.", "assumed_understood"),
        ),
        mixed=(said("That she means well. It still stings."),),
        good=(
            said("That she misses us more than she disapproves of us."),
            said("That she's been lonely."),
        ),
    ),
    their_view=(
        "She's on her own since Dad died, and we've moved further away.",
        "She remembers Dad working himself into the ground.",
        "She may just want to feel useful.",
    ),
    outcome=Graded(
        bad=("Hung up and cried in the bathroom.", "Grumpy all evening, and took it out on Alex."),
        mixed=("Ended the call politely. A bit flat afterwards.",),
        good=(
            "She's coming up to take Mia to the panto. Lovely.",
            "The longest nice call in months.",
        ),
    ),
    feelings=Graded(
        bad=("hurt", "guilty", "angry", "sad", "resentful"),
        mixed=("guilty", "sad", "frustrated"),
        good=("close/loved", "relieved", "happy"),
    ),
    alternative=weak_or_good(
        (
            "Say what I'd like from her instead of shutting down.",
            "Tell her when a comment hurts, kindly, at the time.",
        ),
        ("Nothing. Just keep ringing her.",),
    ),
    plan=weak_or_good(
        (
            "Next call, ask her to ask how I am before she gives advice.",
            "Suggest something she can do to help (take Mia out) rather than avoiding her.",
        ),
        ("Ring her midweek as well, just to chat.",),
    ),
)

SISTER = Theme(
    key="sister",
    people=("lena",),
    focus=None,
    weight=3,
    late_weight=None,
    days="any",
    weekday_hours=("20:00-22:45",),
    weekend_hours=("19:30-22:30",),
    channels=(("message", 2), ("phone", 2)),
    tags=("family",),
    summary="talking to Lena about {topic}",
    ease=0.2,
    slots=(slot("topic", "Alex", "work", "Mum", "Mia", "feeling low"),),
    setting=(
        only("message", "Messaged Lena after a bad day. We got on to {topic}."),
        only(
            "phone",
            "Lena rang to moan about her boss and asked how I was. I ended up talking about "
            "{topic}.",
        ),
        "Late chat with Lena once the kids were in bed, mostly about {topic}.",
    ),
    intended=(
        "I wanted someone to listen, that's all.",
        "I wanted to tell her how bad things have been without worrying her.",
        "I wanted her honest opinion about {topic}.",
    ),
    said=Graded(
        bad=(
            said(
                "Only asked about her boys and didn't say a word about {topic}.",
                "need_unstated",
                "silence",
            ),
            said("Said everything was fine. Lena knows me too well for that.", "need_unstated"),
            said(
                "Complained for twenty minutes and never said what I actually wanted from her.",
                "need_unstated",
                "pushes_away",
            ),
        ),
        mixed=(
            said(
                "Told her about {topic}, then said “anyway, enough about me” before she could "
                "answer.",
                "need_unstated",
            ),
            said("Made {topic} sound funny. It isn't funny.", "indirect_verbal"),
            said("Told her some of it and joked about the rest.", "indirect_verbal"),
        ),
        good=(
            said(
                "“Can I just moan for five minutes? I don't need advice, just you.”",
                replies=("“Of course. Moan away.”",),
            ),
            said(
                "“Things have been hard. I've started therapy. Can I talk to you about {topic}?”",
                replies=("“Good for you. Proud of you. Go on, tell me.”",),
            ),
            said(
                "Told her straight: “I've been really low. It's getting better, but I wanted you "
                "to know.”",
                replies=("“I'm so glad you told me. I'm here.”",),
            ),
        ),
    ),
    other_said=Graded(
        bad=("“You always say you're fine.”", "“You should just tell them all where to go.”"),
        mixed=("“Sounds rough. Anyway, guess what Mum said…”",),
        good=(
            "“Of course. I'm listening.”",
            "She listened, properly, and didn't try to fix anything.",
        ),
    ),
    heard=Graded(
        bad=(said("That she's tired of my problems.", "assumed_understood"),),
        mixed=(said("That she was half listening."),),
        good=(said("That she's on my side, always."), said("That it's OK not to be OK with her.")),
    ),
    their_view=(
        "She's got her own stuff, and two boys.",
        "She's worried about me since Dad.",
        "She might have felt shut out before.",
    ),
    outcome=Graded(
        bad=("Felt worse afterwards. Lonelier.",),
        mixed=("An OK chat. I didn't really say it.",),
        good=(
            "Felt lighter. We laughed about Mum.",
            "Talked for an hour. She's coming up next month.",
        ),
    ),
    feelings=Graded(
        bad=("lonely", "sad", "embarrassed"),
        mixed=("sad", "relieved"),
        good=("close/loved", "relieved", "happy", "calm"),
    ),
    alternative=weak_or_good(("Tell her what I need: listening, not fixing.",), ("Nothing.",)),
    plan=weak_or_good(
        ("Ring Lena when I'm low instead of waiting till I'm fine.",),
        ("Keep in touch every week.",),
    ),
)

OLD_FRIEND = Theme(
    key="old_friend",
    people=("dee",),
    focus="transition",
    weight=1,
    late_weight=3,
    days="any",
    weekday_hours=("20:00-22:30",),
    weekend_hours=("10:00-21:30",),
    channels=(("message", 3), ("video", 2)),
    tags=("friends",),
    summary="getting back in touch with Dee",
    ease=0.2,
    slots=(
        slot(
            "memory",
            "the studio Christmas parties",
            "our Friday lunches at the Turkish place",
            "the Brighton trip",
            "the old office on Mill Street",
            "the awful client with the purple logo",
        ),
    ),
    setting=(
        only(
            "message",
            "Saw a photo of {memory} and thought of Dee. Messaged her for the first time in "
            "months.",
        ),
        only("message", "Dee replied to my message about {memory}. We ended up chatting."),
        only("video", "Video call with Dee, Lisbon an hour behind. We started with {memory}."),
    ),
    intended=(
        "I wanted to reconnect without it being weird that I'd gone quiet.",
        "I wanted to tell her I miss the studio, and her.",
        "I wanted to say sorry for disappearing.",
    ),
    said=Graded(
        bad=(
            only(
                "message",
                "Liked her photos of Lisbon and waited for her to write first.",
                "nonverbal_substitute",
                "indirect_verbal",
            ),
            only(
                "message",
                "Started a message three times and deleted it. Sent a photo of {memory} with no "
                "words.",
                "indirect_verbal",
                "need_unstated",
            ),
            said(
                "Said “we should catch up properly sometime!” and nothing else.", "indirect_verbal"
            ),
        ),
        mixed=(
            said("Told her the job's “fine, busy” and asked about Lisbon.", "need_unstated"),
            said("Went on about {memory} but said nothing about how I am.", "need_unstated"),
            said("“Long time! How's Lisbon?” I didn't say I missed her.", "need_unstated"),
        ),
        good=(
            said(
                "“I've missed you. The new job's hard and I keep thinking about {memory}. Can we "
                "talk properly?”"
            ),
            said("“Sorry I went quiet. It's been a rough year. I'd love to hear all your news.”"),
            said("Told her about the job, the move, the therapy, all of it."),
        ),
    ),
    other_said=Graded(
        bad=(
            only("message", "“Haha yes!” And then nothing for a week."),
            "“Totally! Crazy busy here.”",
        ),
        mixed=("“Lisbon's great! Busy busy.”",),
        good=(
            "“I've missed you too! Sunday at seven?”",
            "“Oh Sam. I wondered where you'd gone. I'm so glad.”",
            "She told me she's found the move hard too.",
        ),
    ),
    heard=Graded(
        bad=(said("That she's moved on and I'm a bit of a nuisance.", "assumed_understood"),),
        mixed=(said("That she's friendly but busy. Hard to tell."),),
        good=(said("That the friendship is still there."), said("That she missed me too.")),
    ),
    their_view=(
        "She may have thought I'd dropped her.",
        "She's been lonely in a new city too.",
        "She probably had no idea how much I'd been struggling.",
    ),
    outcome=Graded(
        bad=("Nothing back for days. I felt stupid for trying.",),
        mixed=("Friendly but short. Maybe next time.",),
        good=(
            "We're talking every couple of weeks now.",
            "Another call booked. I felt like myself for an evening.",
        ),
    ),
    feelings=Graded(
        bad=("lonely", "sad", "embarrassed", "anxious"),
        mixed=("hopeful", "anxious", "sad"),
        good=("happy", "close/loved", "hopeful", "relieved"),
    ),
    alternative=weak_or_good(("Say I missed her. That's the whole message.",), ("Nothing.",)),
    plan=weak_or_good(
        ("Write to Dee and say the real thing. Suggest a time to talk.",),
        ("A call with Dee in the calendar every other Sunday.",),
    ),
)

MIA = Theme(
    key="mia",
    people=("mia",),
    focus=None,
    weight=1.5,
    late_weight=None,
    days="any",
    weekday_hours=("07:20-08:40", "18:30-20:00"),
    weekend_hours=("08:30-19:30",),
    channels=(("face_to_face", 1),),
    tags=("Mia",),
    summary="Mia's question about {question}",
    ease=0.1,
    slots=(
        slots(
            ("question", "answer"),
            (
                "why Alex and I are cross with each other",
                "“We've been grumpy because we're both tired. It's not your fault, and we're "
                "sorting it out.”",
            ),
            (
                "whether I like my new job more than home",
                "“Home wins, every time. The job's new and hard, and I'm working on it.”",
            ),
            (
                "why I'm always on my phone",
                "“You're right, I have been. I'm going to put it away when we're together.”",
            ),
            (
                "whether we're going to move again",
                "“No, we're staying put. This is home now, and your school too.”",
            ),
        ),
    ),
    setting=(
        "Out of nowhere, Mia asked {question}.",
        "Mia was drawing at the kitchen table and asked {question}.",
    ),
    intended=(
        "I wanted her to feel safe and know that none of it is her fault.",
        "I wanted to be honest without loading grown-up things on her.",
    ),
    said=Graded(
        bad=(
            said(
                "Told her not to worry about grown-up things and went to make a cup of tea.",
                "silence",
                "need_unstated",
            ),
            said("Said “we're fine” and put the telly on for her.", "silence", "need_unstated"),
            said(
                "“Everything's fine, sweetheart.” And changed the subject fast.",
                "silence",
                "need_unstated",
            ),
            said("“Ask your dad.” It came out sharper than I meant.", "hostile", "indirect_verbal"),
        ),
        mixed=(
            said(
                "Gave her a long grown-up explanation. She lost interest halfway.",
                "assumed_communicated",
            ),
            said(
                "Said it was complicated and gave her a hug, hoping that would do.", "need_unstated"
            ),
            said("Said “grown-ups get tired sometimes” and left it there.", "assumed_communicated"),
        ),
        good=(
            said(
                "“Thank you for asking me. It's nothing you did, and you can always ask. What "
                "made you wonder?”"
            ),
            said("{answer}"),
            said("Sat down next to her first, and said: {answer}"),
        ),
    ),
    other_said=Graded(
        bad=("She said “OK” in a small voice and went quiet.", "“You're always cross now.”"),
        mixed=("“But why are you tired?”",),
        good=(
            "“OK. Can we have pancakes on Saturday?”",
            "She hugged me and then told me about her friend's hamster.",
        ),
    ),
    heard=Graded(
        bad=(
            said("That she's been worrying about us for weeks."),
            said("That I'm getting this wrong as a parent.", "assumed_understood"),
        ),
        mixed=(said("That she's not sure what's going on."),),
        good=(said("That she's OK, and just needed to hear it."),),
    ),
    their_view=(
        "She picks up on everything. She wanted to know she's safe.",
        "She may think it's about her.",
    ),
    outcome=Graded(
        bad=(
            "Lay awake thinking about what she's noticed.",
            "Told Alex later; we both felt terrible.",
        ),
        mixed=("She went off to play. I'm not sure it landed.",),
        good=(
            "Pancakes on Saturday, as promised.",
            "Told Alex; we agreed to say the same thing if she asks again.",
        ),
    ),
    feelings=Graded(
        bad=("guilty", "sad", "ashamed", "anxious"),
        mixed=("guilty", "sad"),
        good=("close/loved", "relieved", "happy"),
    ),
    alternative=weak_or_good(
        ("Tell her the truth in small words: we're tired, it's not her fault, we're fixing it.",),
        ("Nothing.",),
    ),
    plan=weak_or_good(
        ("Agree with Alex what we say when Mia asks.",),
        ("Phones away at bedtime, and pancakes on Saturdays.",),
    ),
)

FAMILY_LUNCH = Theme(
    key="family_lunch",
    people=("alex", "mum"),
    focus="dispute",
    weight=1.5,
    late_weight=None,
    days="weekend",
    weekday_hours=(),
    weekend_hours=("12:30-16:00",),
    channels=(("face_to_face", 1),),
    tags=("family",),
    summary="lunch with Mum and Alex",
    slots=(slot("food", "the roast", "pudding", "the cheese", "the apple crumble"),),
    setting=(
        "Lunch at Mum's. Over {food} she made a comment about me working late, and Alex said "
        "“tell me about it”.",
        "Mum came to us for lunch. Over {food}, she and Alex got going on how little I'm home.",
    ),
    intended=(
        "I wanted Alex on my side, not Mum's.",
        "I wanted them both to stop talking about me as if I wasn't there.",
    ),
    said=Graded(
        bad=(
            said(
                "Pushed {food} round my plate and said nothing for the rest of the meal.",
                "silence",
                "nonverbal_substitute",
            ),
            said(
                "Went quiet, and took far longer than needed clearing the plates.",
                "silence",
                "nonverbal_substitute",
            ),
            said("“Great, it's a team effort now, is it?”", "indirect_verbal", "hostile"),
        ),
        mixed=(
            said(
                "Made a joke of it over {food} and seethed all afternoon.",
                "anger_held_in",
                "indirect_verbal",
            ),
            said("Laughed it off at the table and had a go at Alex in the car.", "anger_held_in"),
        ),
        good=(
            said(
                "Waited until {food} and said, calmly: “I'd rather you didn't talk about my work "
                "like that.”"
            ),
            said(
                "“I know I've been working a lot. It hurts when you both joke about it. Can we "
                "talk about something else?”"
            ),
            said(
                "Later, just to Alex: “When Mum starts, I need you to back me up, even if you "
                "half agree with her.”"
            ),
        ),
    ),
    other_said=Graded(
        bad=("Mum: “We're only teasing.” Alex said nothing.", "Alex: “Well, it's true.”"),
        mixed=("Alex, afterwards: “It was a joke, Sam.”",),
        good=(
            "Alex: “Sorry, you're right. I shouldn't have joined in.” Mum changed the subject to "
            "Mia's play.",
            "Alex squeezed my hand. Mum said sorry before she left.",
        ),
    ),
    heard=Graded(
        bad=(said("That the two of them think the same about me.", "assumed_understood"),),
        mixed=(said("That Alex didn't see what the problem was."),),
        good=(said("That they hadn't realised it hurt."),),
    ),
    their_view=(
        "Alex probably thought he was just making conversation.",
        "Mum and Alex both miss me, in their different ways.",
    ),
    outcome=Graded(
        bad=("A silent afternoon. Mia asked if we were cross.",),
        mixed=("Talked it through later; half better.",),
        good=("A nice afternoon after that. Alex and I talked about it later, too.",),
    ),
    feelings=Graded(
        bad=("hurt", "lonely", "angry", "embarrassed"),
        mixed=("hurt", "frustrated"),
        good=("relieved", "close/loved"),
    ),
    alternative=weak_or_good(("Say at the table, calmly, that it hurts.",), ("Nothing.",)),
    plan=weak_or_good(
        ("Ask Alex before the next visit to back me up if work comes up.",),
        ("Thank Alex for backing me up.",),
    ),
)

TEAM_MEETING = Theme(
    key="team_meeting",
    people=("jordan", "marco"),
    focus="transition",
    weight=1.5,
    late_weight=None,
    days="weekday",
    weekday_hours=("09:30-12:00", "14:00-16:30"),
    weekend_hours=(),
    channels=(("video", 1), ("face_to_face", 1)),
    tags=("work",),
    summary="the team meeting about {project}",
    slots=(_project,),
    setting=(
        "Weekly team meeting. Jordan asked why {project} is behind, in front of Marco and the "
        "others.",
        "Planning meeting with Jordan and Marco about {project}.",
    ),
    intended=(
        "I wanted to explain without throwing anyone under the bus.",
        "I wanted to agree a plan, and for my team to see me stand up for them.",
    ),
    said=Graded(
        bad=(
            said(
                "Blamed the delay on unclear requirements, looking at nobody in particular.",
                "indirect_verbal",
                "hostile",
            ),
            said(
                "Went red, said “I'll look into it”, and said nothing else for the rest of the "
                "meeting.",
                "silence",
            ),
            said(
                "Talked over Marco while he was explaining, to get my version in first.",
                "talked_over",
                "hostile",
            ),
        ),
        mixed=(
            said(
                "Gave a long answer about {project} and never said what I needed from Jordan.",
                "need_unstated",
            ),
            said(
                "Explained, but apologised so much that it sounded like a confession.",
                "need_unstated",
            ),
        ),
        good=(
            said(
                "“Short version: {project} is two weeks late, it's fixable, and I need a decision "
                "from you by Friday.”"
            ),
            said(
                "“It's behind because we found a problem in {project}. Here's the new date, and "
                "here's what I need from you, Jordan.”"
            ),
            said("“Marco, do you want to take this bit? You know it best.”"),
        ),
    ),
    other_said=Graded(
        bad=("Jordan: “I don't need the history, just a date.” Marco looked at the table.",),
        mixed=("Jordan: “OK, keep me posted.”",),
        good=("Jordan: “Good, clear. I'll sort the sign-off.” Marco explained the rest.",),
    ),
    heard=Graded(
        bad=(said("That I'd been shown up in front of my team.", "assumed_understood"),),
        mixed=(said("That it was fine, but I'm not sure what she thought."),),
        good=(said("That straight answers go down well here."),),
    ),
    their_view=(
        "Jordan needed a date for the directors.",
        "Marco might have felt I didn't trust him to explain.",
    ),
    outcome=Graded(
        bad=("Stewed on it all afternoon. Short with the team.",),
        mixed=("We moved on. I replayed it all the way home.",),
        good=("Quick meeting, clear plan. Marco thanked me afterwards.",),
    ),
    feelings=Graded(
        bad=("embarrassed", "ashamed", "anxious", OWN_EMOTION),
        mixed=("anxious", "embarrassed"),
        good=("relieved", "calm", "hopeful"),
    ),
    alternative=weak_or_good(
        ("Give a date and what I need, and skip the apology.",), ("Nothing.",)
    ),
    plan=weak_or_good(
        ("Before team meetings, write down the one-line status and the one thing I need.",),
        ("Same again next time.",),
    ),
)

THEMES: tuple[Theme, ...] = (
    CHORES,
    LATE_HOME,
    LATE_MESSAGE,
    MONEY,
    PHONE_AT_DINNER,
    WEEKEND_PLANS,
    SCHOOL,
    FAMILY_VISITS,
    FORGOTTEN,
    MISSED_CALL,
    FEEDBACK,
    EVENING_MESSAGES,
    WORKLOAD,
    COLLEAGUE,
    MUM,
    SISTER,
    OLD_FRIEND,
    MIA,
    FAMILY_LUNCH,
    TEAM_MEETING,
)


#: How the closeness circle looked at the first session, where it differed from now
#: (closeness, support, conflict); the last session's snapshot is the inventory as it is.
FIRST_CIRCLE: dict[str, tuple[int, int, int]] = {
    "alex": (1, 4, 9),
    "marco": (3, 5, 1),
    "jordan": (3, 3, 8),
    "mum": (2, 5, 7),
}

FORMULATION = (
    # diagnosis, in plain words
    "Depression of moderate severity: low mood most days since the spring, poor sleep, "
    "pulling back from friends, and feeling that I fail at home and at work.",
    # the focus
    "A role dispute with Alex (at an impasse: we go quiet for days, then it blows up), "
    "made harder by the role transition into the new job.",
    # the link
    "Since the new job the rows with Alex about time and money have grown. Each row "
    "leaves me flat for days, and when I am low I say even less of what I need, so the "
    "next row comes sooner. Changing how we talk should ease the mood, and the mood "
    "lifting should make the talking easier.",
    "2026-09-24",
)

TERMINATION = (
    # gains
    "I say what I need in one sentence before I reach boiling point. Alex and I have a "
    "money half-hour on Sundays. I asked Jordan what to drop instead of saying yes to "
    "everything. I am back in touch with Dee. My PHQ-9 went from 17 to 6.",
    # warning signs
    "Going quiet for more than a day. Sighing instead of asking. Working evenings to "
    "avoid home. Sleeping badly for a week. Cancelling on friends.",
    # what to do
    "Use the one-sentence rule and say it that evening. Keep the Sunday half-hour even "
    "when there is nothing to argue about. Tell Lena how I am. If I have been low for two "
    "weeks, or have any thought of harming myself, call the practice to book a session "
    "(and in a crisis, the emergency number).",
    "2026-12-17",
)
