"""The red flags: what patients say that needs a doctor or an emergency department first.

Written to be read and extended by a clinician (sources: docs/clinical-facts.md,
section 2). Three tables:

- `SIGNS`: each warning sign and the ways patients say it. A phrase is a few words;
  `a|b` means either word, `word?` an optional word, `...` up to five words of anything.
  Words match any form ("leg" matches "legs", "pee" matches "peeing") and small typos.
  A sign said after "no", "not", "never", "without"... does not count ("no bladder
  problems"); words in `unless` make the phrase mean something else ("fell asleep").
- `RED_FLAGS`: which signs, alone or together, raise which flag, at which level. A rule
  fires when all of `signs` are present and, if `with_any` is given, one of those too.
- `SCREEN_QUESTIONS`: the yes/no questions asked in the intake, by region. "Yes" records
  the question's sign, "no" records it as denied.

Codes are the contract's (shared CONTRACT.md) plus `headache_warning_signs`,
`breathing_difficulty` and `suicidal_thoughts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clinic.language.numbers import COMPANION
from clinic.safety.concepts import NEEDLE_OCCASIONS

EMERGENCY = "emergency"
URGENT = "urgent"
ROUTINE = "routine"
# Higher is more urgent.
LEVEL_ORDER = {ROUTINE: 0, URGENT: 1, EMERGENCY: 2}


@dataclass(frozen=True)
class Sign:
    """A warning sign and the phrases patients use for it."""

    name: str
    says: tuple[str, ...]
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class RedFlagRule:
    """A flag `code` at `level` when all `signs` are present (and one of `with_any`)."""

    code: str
    level: str
    signs: tuple[str, ...]
    with_any: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScreenQuestion:
    """A yes/no question of the intake screen; "yes" records `sign`.

    It is skipped when `sign` is already known, or when one of `covers` was said.
    """

    name: str
    text: str
    sign: str
    covers: tuple[str, ...] = ()
    # Signs in an answer that say no whatever its words ("I am 34" to "new since 50?").
    ruled_out_by: tuple[str, ...] = ()
    # Signs the question is built around: denied after an unsure answer ("no fever" to "a
    # fever together with a stiff neck...?"), the question is asked once more.
    requires: tuple[str, ...] = ()
    # Signs whose denial answers no: "I do not have headaches" to "are these headaches new
    # since you turned 50?".
    denied_means_no: tuple[str, ...] = ()
    # Asked only where the intake holds one of these signs (where the pain is): out of
    # breath with effort is worth a question about the heart with a jaw ache, not a low back.
    where: tuple[str, ...] = ()
    # Asked only once one of these signs is known, right after it and on its own: how a
    # fall happened, after a yes to the fall.
    after: tuple[str, ...] = ()
    # Signs a no to the question takes back: pain effort brings on that does not settle
    # within minutes of rest is the muscles' pattern, not the heart's (outside run 77 p04).
    no_takes_back: tuple[str, ...] = ()
    # Signs the question names among others: said in an answer to it, they are its yes
    # ("just the sweat, a lil winded" to "...breathlessness, sweating...?": outside run 80
    # p08), though said before it they do not skip it as `covers` do.
    named: tuple[str, ...] = ()
    # The question as asked once the patient is known to be under 50: its age part left out
    # (outside run 124 v05: "or is he 50 or over" of a boy of 15).
    under_50: str = ""

    def asked_knowing(self, known: Iterable[str]) -> str:
        """The question's words given the signs known ("are you 50 or over?" never to a
        patient known to be younger)."""
        return self.under_50 if self.under_50 and set(known) & _UNDER_50 else self.text


_UNDER_50 = frozenset({"aged_under_50", "young_patient"})


_WITH_THE_FEVER = (
    "With the fever, is your neck stiff (hard to bend your chin down to your chest), or do "
    "you have a rash, or does light hurt your eyes?"
)
_NUMB = "numb|numbness|tingling|tingle|tingly|prickling|deadness"
# Falls told as part of a sport, said not to have started it: "I fall off the bouldering
# wall onto mats all the time lol but nothing specific, it came on gradually" (outside run
# 101 p05: a doctor today for a fall). How fast it came on says nothing: pain can come on
# slowly after a fall.
_SLOW_CRASH = (
    "slow",
    "slowly",
    "low speed",
    "low-speed",
    "fender bender",
    "fender-bender",
    "parking lot",
    "car park",
    "parking garage",
    "barely moving",
    "crawling",
)
_CAME_ON_BY_ITSELF = (
    "nothing specific",
    "nothing in particular",
    "no specific injury",
    "no particular injury",
    "no one injury",
    "no single injury",
    "no one fall",
    "no specific fall",
)
# How fingers that tingle or go numb are often told: "feel funny", "go weird", "fizzy".
_ODD_FEELING = "funny|weird|strange|odd|fizzy|fizzing|buzzy|buzzing|asleep"
_SADDLE = "bottom|bum|anus|genitals|genital|groin|crotch|privates|saddle|perineum|vagina|penis"
_BLADDER = "bladder|bowels|bowel|pee|peeing|urine|urinate|urinating|urination|wee|weeing|toilet"
_PEE = "pee|peeing|urine|urinate|urinating|wee|weeing"
_WEAK = "weak|weaker|weakness|give|gave|giving|buckle|buckling"
_LIMB = "leg|legs|foot|feet|arm|arms"
# Pain holds a foot back too ("can't stand on tiptoe, my achilles hurts"): that is not weakness.
_PAIN_WORDS = (
    "hurt", "hurts", "hurting", "pain", "painful", "sore", "ache", "aches", "aching", "achilles",
    "tendon", "tendonitis", "tendinitis", "tendinopathy", "fasciitis", "sprain", "sprained",
    "strain", "strained",
)  # fmt: skip
# Legs tired from exercise are not weak from a nerve.
_EXERCISE = (
    "gym", "leg day", "squats", "workout", "marathon", "run", "running", "hike",
    "after exercise", "training", "cycling",
)  # fmt: skip
# Not "lose": "trying to lose weight" is a plan, not a loss.
# "I lose 7 kilo": the present said for the past, as a non-native writer may.
_LOST = "lost|losing|lose|loses|dropped|dropping|shed"
# Not meant: "without diet", "I dont do diet", "not trying" (outside run 115 p04).
_NOT_MEANT = "without|no|not|don't|dont|didn't|didnt|doesn't|doesnt|never ... diet|dieting|trying"
_WEIGHT = "weight|stone|stones|kilo|kilos|kg|pound|pounds|lbs"
# A strained chest muscle ("pulled a muscle in my chest", "sore pecs after bench") is not
# cardiac; "thought it was a pulled muscle but my chest is squeezing" is, so not "muscle" alone.
_CHEST_MUSCLE = (
    "chest muscle", "chest muscles", "muscle in my chest", "muscles in my chest",
    "muscles across my chest", "intercostal", "intercostals", "pec", "pecs", "bench",
    "pushups", "push-ups", "gym",
)  # fmt: skip
_CHEST_FEELS = (
    "pain|painful|hurt|hurts|hurting|ache|aching|sore|pressure|tight|tightness|heavy|heaviness"
    "|squeezing|squeeze|crushing|discomfort|burning"
)
_SPREADS = "spread|spreading|spreads|radiate|radiating|go|goes|going|move|moving|travel|shoot"

# A road crash, a fall from a height or down stairs, landing on the head, a dive into
# shallow water, heads clashing: the dangerous mechanisms of the Canadian C-spine rule.
_VEHICLE = "car|cars|bus|truck|lorry|van|vehicle|motorbike|motorcycle|moped|taxi|road|traffic|motorway|freeway|highway"
_HEIGHT = (
    "ladder|roof|scaffold|scaffolding|wall|tree|balcony|height|horse|trampoline|bunk|loft|cliff|"
    "stage|platform"
)
_MAJOR_TRAUMA = (
    f"{_VEHICLE} ... accident|crash|crashed|collision|wreck|smash|pile-up",
    f"accident|crash|crashed|collision|wreck ... {_VEHICLE}",
    # Not "rear-ended": the rule's low-risk crash (a fall, an accident or a knock below).
    "t-boned", "t boned", "head-on", "rollover", "roll-over",
    f"{_VEHICLE}|it rolled|flipped|overturned",
    f"hit|struck|clipped|knocked|run by a|the ... {_VEHICLE}|cyclist",
    f"{_VEHICLE} hit|struck|clipped|knocked|ran",
    "knocked|thrown off ... bike|bicycle|motorbike|motorcycle|scooter|horse|quad",
    # Off a pedal bike alone is asked about (the rule's mechanism is a bicycle collision).
    "came|fell|falling off ... motorbike|motorcycle|scooter|horse|quad",
    "over the handlebars",
    "thrown from|against|into|through|off",
    "{a_fall} ... stairs|steps|staircase",
    "tumbled|tumble|slid|slipped|bounced|rolled down ... stairs|steps|staircase",
    f"{{a_fall}} ... {_HEIGHT}",
    f"{_HEIGHT} ... {{a_fall}}",
    "landed|fell|fallen|came|dropped ... on|onto my|his|her|their head",
    "head first|headfirst",
    "dived|dove|dive|diving ... shallow|pool|bottom",
    "shallow end",
    "heard|felt a crunch|crack|snap",
    "at speed", "high speed", "mph|kph",
    # A clash of heads in sport is a head and neck injury.
    "clash|clashed|bang|banged|bump|bumped|knock|knocked|smash|smashed heads",
    "head|heads clash|clashed|collide|collided",
    "clash|collision of heads",
    "went|go|going head to head|head-to-head with",
)  # fmt: skip

SIGNS: tuple[Sign, ...] = (
    # Cauda equina
    Sign("saddle_numbness", (
        # Concepts: any words for the saddle area with any words for lost feeling.
        "{sensation_loss} ... {saddle_area}",
        "{saddle_area} ... {sensation_loss}",
        f"{_NUMB} ... {_SADDLE}",
        f"{_NUMB} between my? legs",
        f"{_SADDLE} ... {_NUMB}",
        f"can't really|properly|even? feel ... {_SADDLE}",
        "saddle anaesthesia|anesthesia|numbness",
        # The saddle includes the inner thighs; wiping is how many first notice it.
        f"{_NUMB} ... inner thigh|thighs",
        f"inner thigh|thighs ... {_NUMB}",
        "numb|numbness ... wipe|wiping",
        "can't really|properly|even? feel ... wipe|wiping",
        "can't really|properly|even? feel ... toilet paper",
        "{cant} really|properly|even? feel ... paper|wipe|wiping",
        # Felt, but not as before, where wiping shows it: "wiping feels kind of weird, like
        # it's not my skin" (outside runs 95 p02 and 96 p02: read as nothing).
        "wipe|wiping|wiped ... weird|odd|funny|strange|off|different|wrong",
        "weird|odd|funny|strange|different ... when|while I? wipe|wiping",
        "{saddle_area} ... not my own? skin",
    )),
    Sign("bladder_or_bowel_control", (
        "wet|wetting|wets myself|herself|himself|themselves",
        "didn't|didnt|doesn't|don't feel it coming",
        # Concepts: any words for passing urine or stool with any words for losing control of it.
        "{urination|bowel} ... {control_loss}",
        "{control_loss} ... {urination|bowel}",
        "{control_loss} my? {urination|bowel}",
        f"can't control ... {_BLADDER}",
        f"unable to control ... {_BLADDER}",
        f"no longer ... control ... {_BLADDER}",
        f"lost|losing|loss control ... {_BLADDER}",
        f"loss of {_BLADDER} control",
        f"trouble|difficulty|problem|problems|struggle|struggling|issues {_BLADDER}",
        f"trouble|difficulty|problem|problems|struggle|struggling|issues with my? {_BLADDER}",
        "can't ... pee|urinate|wee",
        "can't empty my? bladder",
        # Retention: a stream that will not start.
        f"trouble|difficulty|struggle|struggling|hard|can't|unable ... start|starting|get|getting ... {_PEE}|stream|flow",
        f"{_PEE} ... won't|doesn't|wouldn't|didn't come|flow|start",
        f"slow|slower|hard to get going|start|started ... {_PEE}",
        f"{_PEE} ... slow|slower to get going|start",
        f"{_PEE} ... will|does|would|did not come|flow|start",
        # Pushing or straining to pass water, a slow stream, not reaching the toilet.
        f"{_PEE} ... push|pushing|strain|straining",
        # ...said of going to the toilet in any words: "I have to wait and push a bit before
        # anything comes when I go to the bathroom" (outside run 127 z02, unsafe: unread).
        "{urination} ... push|pushing|strain|straining",
        "push|pushing|strain|straining ... before|till|until anything comes|flows",
        f"push|pushing|strain|straining to? {_PEE}",
        f"{_PEE} ... comes|coming|came out? slow|slowly",
        "not|didn't|didnt|couldn't|couldnt|cannot|can't|never make|made it to the? toilet|loo|bathroom",
        f"{_BLADDER} is|feels|has been? strange|weird|odd|funny|different",
        "urinary retention",
        f"retaining {_PEE}",
        f"can't feel ... {_BLADDER}",
        # Feeling of a full bladder gone: "I can't tell when I need to pee", "I don't feel
        # when my bladder is full" (any words for feeling gone, or for not telling).
        "{feeling_gone} ... {urination}",
        "can't|cant|cannot|don't|dont really? tell|feel when ... {urination}",
        f"{_BLADDER} problem|problems|trouble|issues|weird|different|changed",
        f"{_BLADDER} ... not working|right|normal",
        "incontinence|incontinent",
        "wet|wetting|wetted|soiled|soiling myself",
        "wet the bed",
        "leak|leaking|leaked urine|pee|wee",
        "accident|accidents in|on my? pants|underwear|knickers|trousers|bed",
        # A leak on a sneeze or a laugh is the pelvic floor, asked about, not taken as a flag.
    ), unless=("sneeze", "sneezing", "sneezes", "cough", "coughing", "laugh", "laughing",
               "trampoline", "pelvic floor", "since having", "since the baby")),
    Sign("both_legs_nerve", (
        f"{_NUMB}|sciatica|shooting|weak|weakness|pins ... both legs|feet",
        f"{_NUMB}|sciatica|shooting|weak|weakness|pins ... both of? my|his|her|their legs|feet",
        f"both of? my|his|her|their? legs|feet ... {_NUMB}|weak|weakness|give|gave|giving|heavy",
        f"both leg|legs ... heavy|{_NUMB}|weak",
        f"legs|feet both ... heavy|{_NUMB}|weak|weakness",
        f"my legs ... {_NUMB}",
        f"{_NUMB} ... my legs",
        # Any words for feeling gone: "I can't feel my legs", "no feeling in both feet".
        "{feeling_gone} ... {both_legs}",
        "{both_legs} ... {feeling_gone}",
        "sciatica ... both sides",
        "bilateral sciatica",
    ),
        # Long-known diabetic neuropathy in both feet is not a new cauda equina sign.
        unless=("diabetic", "diabetes", "neuropathy")),
    Sign("both_legs_pain", (
        # Written for another too: "down both her legs" (outside run 62 p01).
        "pain|painful|hurt|hurts|ache|aching|sore ... both of? my|his|her|their? legs",
        # "It goes down both legs": the pain said by where it spreads.
        f"{_SPREADS}|goes|runs|shoots|down ... both of? my|his|her|their? legs",
        "both of? my|his|her|their? legs ... pain|painful|hurt|hurts|ache|aching|sore",
    )),
    # Progressive neurological deficit
    Sign("worsening_weakness", (
        # A toe or a foot caught again and again: "caught my right toe on the step twice this
        # week" (outside run 105 p08: read as a fall).
        "caught|catching|catches|catch my|his|her|their ... toe|toes|foot|feet ... twice|again|times|lately|often|week",
        # "...on the curb a couple of times" (outside run 112 p08).
        "caught|catching|catches|catch my|his|her|their ... toe|toes|foot|feet ... couple|few|several",
        "{weakness} ... {progressing}",
        "{progressing} ... {weakness}",
        "getting|becoming|growing|get weaker",
        "weaker and weaker",
        "weakness ... is|getting|gets|got|becoming worse",
        "weakness ... worsening|spreading",
        "worsening|increasing|progressive weakness",
        "foot drop",
        "drop foot",
        "foot|feet ... drop|drops|dropping|slap|slaps|slapping|catch|catches|catching|flop|flops",
        "foot|feet ... floppy|drag|drags|dragging",
        # "-ing" for a habit: "I keep catching my toes", not "I caught my foot on a root".
        "catching|scuffing|dragging ... my? left|right? toe|toes|foot|feet",
        # The other order: "my toes keep catching", "slapping my foot down when I walk".
        "toe|toes keep|keeps|kept catching|scuffing|dragging|snagging",
        # "my right toes kinda catch" (outside run 87 p06: told "clumsy hands").
        "toe|toes ... catch|catches|drag|drags|scuff|scuffs|snag|snags",
        "slap|slaps|slapping|flop|flops|flopping ... my? left|right? foot|feet",
        "trip|tripping ... my foot|toes",
        # Tripping as a habit, on what a foot that catches trips on ("he does trip a bit on
        # the curb lately": outside run 89 p04 was asked "once more"); not "I tripped".
        "trip|trips|tripping|stumble|stumbles|stumbling ... curb|curbs|kerb|kerbs|step|steps"
        "|stairs|pavement|sidewalk|rug|rugs|carpet|nothing ... lately|recently|often|sometimes"
        "|always|again|more",
        "lately|recently|often|sometimes|always ... trip|trips|tripping|stumble|stumbles ... curb"
        "|curbs|kerb|kerbs|step|steps|stairs|pavement|sidewalk|rug|rugs|carpet|nothing",
        "keep|keeps|kept|been|started tripping|stumbling",
        "can't lift|raise my? left|right? foot|feet|toes|ankle",
        # "the toes I cannot lift good", "my left foot when I walk now it make slap on the
        # floor" (outside run 126 y04, unsafe: read as pain effort brings on, and booked).
        "cannot|cant|unable to lift|raise my? left|right? foot|feet|toes|ankle",
        "toe|toes|foot|feet ... cannot|can't|cant|unable to? lift|raise",
        "foot|feet ... make|makes|making|goes|go|does|kind of|sort of slap|slaps|slapping|flop|flops",
        "can't|cannot lift|raise ... front of my? foot",
        "foot|feet ... hangs|hanging|flops|flopping",
        f"{_LIMB} ... getting|becoming|growing|got more? useless",
        f"{_LIMB} ... more and more useless|weak",
        f"leg|legs|knee|knees {_WEAK} way",
        f"leg|legs|knee|knees keep|keeps {_WEAK} way",
    )),
    # Can't rise on the toes or walk on the heels: a foot losing strength, a flag once it worsens.
    Sign("tiptoe_or_heel_weakness", (
        "can't stand|walk|go|get|rise|push up? on|onto? my? tiptoe|tiptoes|toes|heel|heels",
        "can't do|manage ... calf|heel|toe raise|raises",
        "{weakness} ... tiptoe|tiptoes|heel|heels",
        "{weakness} ... go|stand|get|rise|walk on|onto tiptoe|tiptoes|toes|heels",
        "tiptoe|tiptoes ... {weakness}",
    ), unless=_PAIN_WORDS),
    Sign("rapid_progression", ("{rapidly}",)),
    # Both legs at once: the cord or the cauda equina, not one nerve root.
    Sign("both_legs_weak", (
        "legs ... weak|weaker|jelly|buckling|useless",
        "both legs|feet ... weak|weaker|numb|giving",
    ), unless=_EXERCISE),
    # Heavy, wobbly legs are often tiredness; after a fall they are the spine's until seen.
    Sign("both_legs_heavy", ("legs ... heavy|wobbly",), unless=_EXERCISE),
    Sign("getting_worse", (
        "getting|got|gets|becoming|growing worse",
        "worse and worse",
        "worse|weaker every|each day|week",
        "worse|weaker than last|yesterday|before",
        "worsening|deteriorating",
    )),
    Sign("both_sides", ("legs|feet|arms|hands are|were|both both", "both legs|feet|arms|hands|sides", "both of my legs|feet|arms|hands")),
    # Fracture. Major trauma is the Canadian C-spine rule's dangerous mechanism: with neck
    # pain, the emergency department (clinical facts, section 2); every one is a fall,
    # an accident or a knock too.
    # A crash said to be slow is the low-risk one (Canadian C-spine rule: a simple rear-end
    # collision; outside run 113 p06: "a car crash but slow, maybe 15 mph" sent to 911).
    Sign("major_trauma", _MAJOR_TRAUMA, unless=(*_CAME_ON_BY_ITSELF, *_SLOW_CRASH)),
    Sign("trauma", (
        *_MAJOR_TRAUMA,
        "dropped ... on my",
        "fell on my",
        "{a_fall}",
        "slipped|tripped",
        "accident",
        "crash|crashed|collision|whiplash",
        "rear ended",
        "rear-ended",
        # Hit from behind or into: "a van went into the back of my car".
        f"hit|struck|rammed|bumped|smashed|crashed|went|ran|drove into? my|our|his|her {_VEHICLE}",
        f"into the back of my|our|his|her {_VEHICLE}",
        "hit by",
        # Knocks in sport (session 19): struck by a player, a ball or the ground.
        "got|was|been|get|getting kicked|clattered|flattened|tackled|elbowed|kneed|headbutted"
        "|punched|bodychecked|body-checked|boarded",
        # Hockey: "checked into the boards", "checked hard into the glass" (outside run 71).
        "checked ... into the boards|glass|wall|post",
        # Lacrosse and hockey: "he did get checked hard in a game" (outside run 90 p07: every
        # line of the list asked again after "no to all" with it).
        "got|was|been|get|getting checked hard",
        "checked|hit ... in|during a|the game|match|practice|scrimmage",
        # The knock named back: "yes the hit, as I said" (outside run 71 p06: read as a no).
        "the|that hit|tackle|collision|knock",
        "took|take|caught|copped|got a|an hard|big|bad? hit|knock|knee|elbow|boot|kick|blow"
        " to|in|on|from|playing|at|during",
        "wiped out|wipe out|face planted|faceplanted",
        "knocked down|over|out|off",
        "landed on",
        # "Landed smack on my bottom", "I did slip on the ice" (outside run 76 p08).
        "landed smack|flat|right|straight|square|badly on",
        "did slip|trip|fall",
        "landed awkwardly|badly|hard|heavily|wrong",
        "jumped off|down|from",
        "took the impact",
        "sat|landed down? hard|heavily",
        "missed the|her|his|my chair",
        "went over on|in",
        "fell off",
        "came|thrown off",
        "heavy|hard knock|blow|impact|tackle",
        "collide|collided with",
        "concussion|concussed",
    # "Autumn" said with the fall is `concepts.OTHER_SENSES`' ("the fall, autumn I mean");
    # "slipped on wet autumn leaves" is a fall.
    ), unless=(*_CAME_ON_BY_ITSELF, "asleep", "pregnant", "love", "apart", "hair",
               # Behind at work, not a car hit from behind.
               "fall behind", "fell behind", "falling behind", "falls behind",
               "fallen behind",
               # Struck by an illness or a feeling, not a blow.
               "hit with the flu", "hit with a virus", "hit with a bug", "hit or miss",
               "hit by a wave", "hit by tiredness",
               # An "accident" on the way to the toilet is a bladder one.
               "little accident", "accident in my", "accidents in", "make it to the toilet",
               # "A few little accidents", said of the bladder (outside run 81 p01: told
               # back as a fall under 911 for both legs and numbness when she wipes).
               "little accidents", "few accidents", "couple of accidents", "odd accident",
               "having accidents", "wet herself", "wet himself", "wet myself",
               "make it to the loo", "make it to the bathroom",
               # The season: "since the start of the fall season" ("last fall" may be a
               # fall too: "I fell last fall").
               "fall season", "fall semester", "fall term", "fall league", "fall soccer",
               "fall sports", "fall break",
               # Plans that "fell through" hurt nobody.
               "fell through", "fall through", "falls through", "falling through",
               "fallen through",
               # A cast or plaster that "came off" ends a treated injury, not a new one.
               "cast came off", "cast off", "out of the cast", "out of plaster",
               "plaster came off",
               # Clothes "falling off me" are weight lost, not a fall.
               "falling off me", "falling off him", "falling off her", "fall off me",
               # A knock said to be slight, or one that came after the pain began: the pain
               # did not start with it (outside run 13).
               "soft hit", "soft knock", "light hit", "light knock", "gentle knock",
               "gentle hit", "minor bump", "minor knock", "little bump", "little knock",
               "tiny bump", "slight bump", "slight knock",
               *(f"{began} {before} the {what}"
                 for began in ("started", "began", "was there", "were there")
                 for before in ("before", "a week before", "weeks before", "days before",
                                "a day before", "long before")
                 for what in ("fall", "accident", "knock", "hit", "crash", "ball hit")))),
    Sign("osteoporosis", (
        "osteoporosis|osteopenia",
        "brittle bones",
        "long term steroids",
        "long-term steroids",
        "prednisolone|prednisone",
        "steroid tablets",
        "years of steroid|steroids",
        "steroid|steroids ... years|long term|long-term",
        "on steroids",
        "thin|thinning|weak|brittle bones",
        "low bone density",
        # "My bones are thin", "her bones are getting very brittle" (outside run 68 p07).
        "bones are|were|getting|is ... thin|thinning|weak|brittle|fragile",
        "bone density is|was ... low",
    )),
    # Cancer
    Sign("cancer_history", (
        "cancer|tumour|tumor|chemo|chemotherapy|radiotherapy|oncologist|leukaemia|leukemia"
        "|lymphoma|myeloma|metastases|metastatic|melanoma|sarcoma|carcinoma|mastectomy|lumpectomy",
        # Said as people say it: "the prostate thing was the big C" (outside run 97 p07:
        # only the weight lost was named), "the c word".
        "the big c",
        "the c word",
        # A cancer's treatment told of an organ: "the radiation for my prostate" (outside run
        # 107 p07: no cancer recorded until he said the word).
        "radiation|radiated|rads ... prostate|breast|breasts|lung|lungs|bowel|colon|cervix"
        "|throat|brain|bladder|thyroid|pelvis|rectum|kidney|liver|pancreas|ovary|ovaries|womb",
        "prostatectomy",
        # The prostate taken out with its lymph nodes, or watched by PSA since it was: "they
        # took some lymph nodes out in 2018 with the prostate surgery... psa was fine"
        # (outside run 114 p07, unsafe: no cancer read, at 63 with night pain). A PSA test
        # alone is screening, no cancer.
        "prostate ... lymph nodes|node|nodes",
        "lymph nodes|node|nodes ... prostate",
        "prostate out|removed|surgery|operation|op ... psa",
        "psa ... prostate out|removed|surgery|operation|op",
        # A basal cell skin cancer cut out does not spread to the spine (a melanoma may).
    ), unless=("basal cell", "bcc", "non-melanoma", "nonmelanoma")),
    # Pain that no rest, position or movement changes: not mechanical.
    Sign("non_mechanical_pain", (
        # Of the pain, not of a screen or a shift: "gaming n phone 24/7" (outside run 54).
        "pain|painful|hurts|hurting|ache|aches|aching|sore|throbbing|there|it ... 24/7",
        "nothing eases|helps|relieves|touches",
        "not related to|with movement|moving",
        "doesn't|does not matter if|whether|how I ... sit|lie|move|stand",
        "no matter what I do|how I lie|sit",
    )),
    # A first back pain late in life (the cancer screen's "first back pain over 50").
    Sign("first_back_pain", (
        "first ever|time ... back pain|backache|bout|episode",
        "never had back pain|backache before",
        "never had ... back ... before",
    )),
    # Said to be unexplained: no exception ("I'm not dieting" must not cancel it).
    Sign("weight_loss", (
        "unexplained|unintentional|unintended|unexpected|sudden weight loss",
        "weight loss ... without trying",
        f"{_LOST} ... {_WEIGHT} ... without trying|meaning",
        f"{_LOST} ... {_WEIGHT} ... not trying|dieting",
        f"{_LOST} ... {_WEIGHT} ... not on a diet",
        f"{_LOST} ... {_WEIGHT} ... for no reason",
        f"{_LOST} ... {_WEIGHT} ... {_NOT_MEANT}",
        # "maybe 5 kilo less but I dont do diet" (outside run 115 p04: asked again).
        f"{_WEIGHT} less|lighter ... {_NOT_MEANT}",
        # "I'm trying to lose weight, not dieting, just walking more": meant.
    ), unless=("trying to lose", "want to lose", "wanting to lose", "need to lose",
               "hoping to lose", "trying to drop", "trying to shed")),
    # Weight going, reason not said: unless the patient says they meant it.
    Sign("losing_weight", (
        f"{_LOST} a lot of weight",
        f"{_LOST} so much weight",
        "weight ... dropping off",
        "clothes|trousers|jeans|pants|skirt|dress|shirt|belt ... loose|looser|baggy",
        "clothes|trousers|jeans|pants|skirt|dress|shirt|belt ... hanging|falling off",
    ), unless=("diet", "dieting", "gym", "trying to", "want", "wanted to", "on purpose",
               "intentionally", "training", "marathon", "running", "exercise", "exercising",
               "slimming", "weight watchers", "because i", "cos i", "cos im")),
    Sign("night_pain", (
        "worse|worst at|during night",
        "worse|worst in the night",
        # "more bad in the night", as a non-native writer may say worse (outside run 115 p04:
        # asked twice after it was told).
        "more bad|worse at|during|in the? night|nights|nighttime|nite",
        "badder at|during|in the? night|nights|nighttime|nite",
        "night pain",
        "wakes|woke|waking me ... night ... every|always|constant",
        # "Wakes him up every night": the pain, whoever writes (a noun before "wakes" that
        # is not the writer's, "the baby wakes me", is someone else's doing).
        "wakes|woke|waking|wake ... every|each ... night|nights",
        # "It wakes me at 3am most nights" (outside run 70 p08: nothing raised).
        "wakes|woke|waking|wake ... most|many nights",
        "doesn't change|ease ... position|positions|rest|resting",
        "does not change|ease ... position|positions|rest|resting",
        "no position ... helps|comfortable|comfy|eases",
        # Pain no position eases is not mechanical.
        "can't get comfy|comfortable ... any|every|no position|positions",
        # "...can't get comfortable lying any way", "the nights are the worst" (outside run
        # 94 p08: asked twice after it was told).
        "can't|cant|cannot get comfy|comfortable ... any|every|no way|ways",
        "nights|night are|is|r the? worst",
        # "worse lying down at nite, he ends up sleeping in the recliner" (outside run 96
        # p08: only his weight loss was acted on).
        "worse|worst lying|laying ... night|nite|nights|bed",
        "worse|worst when|if I|he|she|you? lie|lies|lying ... night|nite|nights|bed",
        "sleeps|sleeping|sleep|slept in a|the chair|recliner|armchair",
        # "...whatever way she lies", "however he sleeps" (outside run 76 p02).
        "can't|cant|cannot get comfy|comfortable ... whatever|whichever|however ... lie|lies|lying|sleep|sleeps|sleeping",
        "can't|cant|cannot get comfy|comfortable ... no matter ... lie|lies|lying|sleep|sleeps|sleeping",
        # Pain a change of position settles is mechanical.
    ), unless=("once i get comfy", "when i get comfy", "if i get comfy", "turn over",
               "turning over", "roll over", "rolling over", "pillow", "settles",
               # Worse only lying a certain way is mechanical: "only if I sleep funny".
               "sleep funny", "slept funny", "sleep wrong", "slept wrong", "sleep awkwardly",
               "slept awkwardly", "lie on it", "lying on it",
               # Worse with what is done at night is mechanical: "worse at night feeds".
               "night feed", "night feeds", "night feeding", "night feedings", "night shift",
               "night shifts", "nights out")),
    # Infection
    Sign("fever", (
        "fever|feverish|febrile|chills|rigors|shivers|shiver|shivering|shivery",
        "high|a temperature",
        "running a temperature",
        # "She's been running hot since Friday" (outside run 75 p07, unsafe).
        "running|runs|ran hot|warm",
        "and|with|got|have|has|had|running a|high temp",
        "night sweats",
        # Drenching sweats in everyday words: "soaking the sheets", "the bed is wet through",
        # "wakes up drenched" (outside run 74 p02, unsafe: "the sheets are soaked").
        "soaked|soaking|drenched|drenching ... sheets|bed|pyjamas|pajamas|nightie",
        "sweated|sweating|sweat through ... sheets|bed|pyjamas|pajamas|nightie",
        "sheets|bed|pyjamas|pajamas ... soaked|soaking|drenched",
        "sheets|bed|pyjamas|pajamas ... wet through",
        "wake|wakes|woke|waking|waken up? drenched|soaked|soaking|dripping",
        "sweating|sweaty|sweats and shivering",
        "shivering and sweating|sweaty",
        "going|feeling|feel|get|getting|goes hot and cold",
        "burning|boiling up",
        # Feeling hot, said plainly (outside run 69 p06, unsafe: "she felt kinda hot last
        # night"); not a hot joint ("my knee feels hot") nor a hot flush (unless, below).
        "i|she|he|they|we|been felt|feel|feels|feeling kinda|quite|really|very|so? hot|feverish",
        "i|she|he|they|we|been felt|feel|feels|feeling kind|a of|bit|little hot|feverish",
    ), unless=("room", "outside", "weather", "cold water", "heating", "flush", "flushes",
               "flushing", "menopause")),
    # Shaking chills with a fever: the body fighting an infection in the blood, a same-day
    # emergency with spinal pain (outside run 67 p08: urgent care only).
    Sign("rigors", (
        "rigors", "shaking chills|cold|fits", "uncontrollable|uncontrollably shivering|shaking",
        "can't|cant|couldn't|couldnt stop shaking|shivering", "teeth chattering",
        "shaking all over", "shaking like a leaf", "the shakes",
    )),
    # Feeling ill in oneself, with spinal pain: the infection screen's "feel generally unwell".
    Sign("feeling_unwell", (
        "feel|feeling|felt really|very|so|quite|generally? unwell|poorly|ill",
        "under the weather",
        "flu like|ish symptoms",
        "flu-like|fluey|flu symptoms",
        "like I ... flu",
        "fluey|flu-ish|flu-y",
    )),
    Sign("injects_drugs", ("inject|injecting drugs|heroin", "iv drug|drugs")),
    # A needle or an operation on the spine lately: with a fever, an abscess there is to
    # rule out at once.
    Sign("spinal_procedure", (
        "epidural|epidurals",
        "spinal|spine|back|facet|nerve root|lumbar|cortisone|steroid injection|injections|jab|shot",
        "injection|injections|jab|shot in|into ... spine|back|neck",
        "nerve|facet block|blocks|ablation",
        "lumbar puncture|spinal tap",
        "spinal|spine|back|neck|disc surgery|operation|op|fusion|decompression",
        "surgery|operation|op on my? spine|back|neck|disc",
        "discectomy|laminectomy|microdiscectomy",
    )),
    # Cervical myelopathy
    # "I'm just clumsy" of oneself is no sign (outside run 87 p06: tripping on the stairs
    # with the toes catching was told "clumsy hands").
    Sign("clumsy_hands", (
        "clumsy|clumsiness",
        "can't|trouble|difficulty|struggle|struggling do|doing up ... buttons",
        "can't|trouble|difficulty|struggle|struggling button|buttons|write|writing",
        "dropping|drop things|cups|everything",
        "dropping|drop|dropped|drops ... {hand_skill}",
        "writing|handwriting|signature ... like a|looks? child's|kid's|messy|spidery",
    ), unless=("just clumsy", "always been clumsy", "always clumsy", "naturally clumsy",
               "clumsy person", "a klutz", "clumsy anyway", "clumsy on my feet", "tripped",
               "trip", "trips", "tripping",
               # "dropped my keys, bent to pick them up and my back went": how it started.
               "bent down", "bending down", "bend down", "bent over", "to pick", "picking it",
               "picking them", "pick it up", "pick them up", "picked it up", "picked them up")),
    # The cord pressed: an electric shock down the spine when the head bends (Lhermitte).
    Sign("lhermitte", ("{neck_move} ... {electric}", "{electric} ... {neck_move}")),
    Sign("unsteady_walking", (
        "unsteady|wobbly|balance ... walk|walking|feet",
        "off balance",
        "walk|walking ... unsteady|wobbly|drunk",
        "balance is|has off|bad|poor|worse|gone",
        "losing my balance",
        "{gait}",
        # Steps missed again and again: "been missing the last step", "keeps missing steps"
        # (outside run 101 p07). One step missed is how a fall began.
        "keep|keeps|kept|been|always|often missing|misjudging ... step|steps|stairs",
        "missing|misses|misjudging|misjudges the last step|steps",
        "missing|misses|misjudging|misjudges steps|stairs",
        # Holding on to walk: "she hold the wall when she walk" (outside run 86 p03, read as
        # effort for the heart).
        "hold|holds|holding|grab|grabs|grabbing|lean|leans|leaning|clutch|clutches|clutching"
        " onto|on? to? the? wall|walls|furniture ... walk|walks|walking|around",
        # ...said after the walking: "she walk more slow now, hold the wall" (outside run 111).
        "walk|walks|walking ... hold|holds|holding|grab|grabs|grabbing|clutch|clutches|clutching"
        " onto|on? to? the? wall|walls|furniture",
    # A knee or an ankle that is wobbly or gives way is the joint's, not the gait's.
    ), unless=("after a drink", "drunk last night", "hangover", "on the boat", "on a boat trip",
               "knee", "knees", "ankle", "ankles", "gives out", "gives way", "giving way",
               "gave way", "it feels wobbly", "it goes wobbly", "it's wobbly", "it is wobbly")),
    # A neck manipulated (a chiropractor's or an osteopath's thrust): new neck pain or a
    # headache after it asks the stroke question (a torn neck artery), whatever else is told
    # (outside run 103 p05: asked how it feels).
    Sign("neck_manipulated", (
        "cracked|adjusted|manipulated|popped|clicked|twisted|cracks|adjusts|manipulates my|his|her|their neck",
        "neck was|got|been cracked|adjusted|manipulated|popped",
        "neck adjustment|adjustments|manipulation|manipulations|crack",
        "had|got my|his|her|their? neck cracked|adjusted|manipulated|popped",
        # A visit to a chiropractor for the neck: "he went to a chiro on fri for a stiff neck
        # & it got worse after" (outside run 118 p07: never read as a manipulation).
        "chiro|chiros|chiropractor|chiropractors|chiropractic|osteopath|osteo ... neck",
        "neck ... chiro|chiros|chiropractor|chiropractors|chiropractic|osteopath|osteo",
    )),
    # Told in two messages or two sentences: "his fingers feel a bit funny sometimes. both
    # hands", "it's both hands btw" (outside run 101 p07): the two together raise the flag.
    Sign("hand_nerve_feeling", (
        f"fingers|hands|thumbs ... {_NUMB}|{_ODD_FEELING}",
        f"{_NUMB}|pins ... fingers|hands|thumbs",
    )),
    Sign("both_hands", (
        "both hands|arms", "both of my|his|her|their|the hands|arms", "hands|arms both",
        "hands|arms ... both of them",
    )),
    Sign("both_hands_nerve", (
        # Fingers that "feel funny", "go weird", in both hands (outside run 101 p07).
        f"fingers|hands|thumbs ... {_ODD_FEELING} ... both hands|arms|sides",
        f"fingers|hands|thumbs ... {_ODD_FEELING} ... both of them",
        f"both hands|arms ... fingers? feel|feels|go|goes|are {_ODD_FEELING}",
        f"{_NUMB}|pins ... both hands|arms",
        f"{_NUMB}|pins ... both of my hands|arms",
        f"both of? my? hands|arms ... {_NUMB}",
        f"my hands ... {_NUMB}",
        f"{_NUMB} ... my hands",
        # Whose hands, said by someone writing for them: "tingling in both his hands", "her
        # hands go numb, both of them" (outside run 71 p06, unsafe: nothing raised).
        f"{_NUMB}|pins ... both his|her|their hands|arms",
        f"both his|her|their hands|arms ... {_NUMB}",
        f"his|her|their hands ... {_NUMB}",
        f"{_NUMB} ... his|her|their hands",
        f"hands|arms ... {_NUMB} ... both of them",
        f"hands|arms ... both of them ... {_NUMB}",
        f"hands|arms both ... {_NUMB}",
    )),
    # Cervical artery / stroke
    Sign("speech_trouble", (
        # Concepts: any words for speech with any words for trouble.
        "{trouble} ... {speech}",
        "{speech} ... {trouble}",
        "talking|talks nonsense|gibberish|funny|rubbish",
        "can't|cannot|trouble|difficulty|struggle|struggling speak|talk|speaking|talking",
        "can't|cannot|trouble|difficulty|struggle|struggling ... speak|talk|words properly?",
        "slurred|slurring ... speech|words",
        "speech|words ... slurred|slurring|weird|strange|garbled|jumbled",
        "speech|words ... come|comes|coming|came out wrong|funny|muddled",
        "slurred",
        # In everyday words: "a bit slurry at dinner", "slurring" (outside run 87 p07).
        "slurry|slurring|slurs",
    )),
    Sign("double_vision", ("dubble|double ... vision|seeing|see", "seeing|see dubble|double", "double vision", "seeing|see double", "vision ... double",
                           # "the TV goes double in the evening" (outside run 114 p08, unsafe).
                           "goes|going|went|gone|go|turns|turned double")),
    Sign("swallowing_trouble", (
        "can't|cannot|trouble|difficulty|struggle|struggling|hard ... swallow|swallowing",
    # A sore throat makes swallowing hard and painful (a doctor or pharmacist for that);
    # a stroke takes it away suddenly, with other signs the rules read on their own.
    ), unless=("sore throat", "throat is sore", "throat is really sore", "throat's sore",
               "throat hurts", "throat is killing", "tonsil", "tonsils", "tonsillitis",
               "strep", "glands", "cold", "flu", "lozenge")),
    Sign("face_numbness", (
        "{face} ... {droop}",
        "{droop} ... {face}",
        f"face|facial ... {_NUMB}|droop|drooping|droopy|dropped",
        f"{_NUMB}|droop|drooping|droopy ... face",
        # FAST: the mouth or smile droops on one side.
        "mouth|lip|lips|smile ... droop|drooping|droopy|drooped|dropped|sagging|lopsided|crooked",
        f"mouth|lip|lips|tongue ... {_NUMB}",
        f"{_NUMB} ... mouth|lip|lips|tongue",
        "droop|drooping|droopy ... mouth|lip|lips|smile",
    )),
    Sign("one_sided_weakness", (
        "left|right hand|arm and left|right? leg|foot ... weak|numb|heavy|dead",
        # One limb that suddenly "went" weak ("my left hand went weak, couldn't hold my cup").
        "left|right hand|arm|leg went|suddenly weak|numb|heavy|dead|limp",
        "{one_side} ... weak|weakness|numb|numbness|heavy|dead",
        "weak|weakness|numb|numbness|heavy ... {one_side}",
        "arm and leg ... weak|numb|heavy",
        "hand and leg ... weak|numb|heavy",
        "one side of my? body|face ... weak|numb|heavy",
        "weak|weakness|numb|numbness ... one side of my? body|face",
        "left|right side of my body ... weak|numb",
        "weak|weakness|numb|numbness ... left|right side of my body",
    )),
    Sign("drop_attack", (
        "legs|leg ... from under me",
        "legs|knees gave|went ... without warning",
        "drop attack|attacks",
        "collapsed|collapse suddenly",
        "collapsed|collapse without warning",
    )),
    # "The room spun when he looked up", "the room was spinning" (outside run 87 p07).
    Sign("dizziness", ("dizzy|dizziness|vertigo|lightheaded|light-headed", "room|world spinning",
                       "room|world|everything|ceiling spun|spins|spinning|span|whirling",
                       "room|world|everything|ceiling was|is|started|kept spinning|whirling")),
    Sign("sudden_onset", ("{sudden}", "sudden|suddenly|abruptly", "out of nowhere", "all of a sudden")),
    # Headache
    Sign("thunderclap", (
        # Concepts: a headache that came on in seconds is thunderclap whatever the words.
        "{sudden} ... {head}",
        "{head} ... {sudden}",
        # {head} rather than the word, so its listed misspellings ("headach") count too.
        "worst {head}",
        "worst ... {head} ... ever|life",
        "thunderclap",
        "{head} ... like being|getting|been hit|struck|kicked|smacked|shot",
        "like ... been|being|getting|got shot|hit|struck|kicked ... head",
        # "Like someone whacked her on the back of the head" (outside run 76 p06).
        "like ... whacked|smacked|thumped|clobbered|punched|hit|struck ... head",
        "like ... whacked|smacked|thumped|clobbered|punched|hit|struck ... of the|her|his|my head",
        "{head} ... within|in a minute|seconds",
        # The head first, then the blow: "back of head, like somebody hit me with bat"
        # (outside run 84 p04).
        "{head} ... like someone|somebody|something|sb ... hit|whacked|smacked|thumped|clobbered"
        "|punched|struck|kicked",
        "sudden severe|terrible|explosive {head}",
        # Thought struck, however put: "the back of my head, i thought someone had punched
        # me" (outside run 90 p06: "thought someone hit me" raised nothing).
        "{head} ... thought|felt|if someone|somebody|something|sb ... hit|whacked|smacked"
        "|thumped|clobbered|punched|struck|kicked",
    )),
    # "The worst I've ever had", said of a headache known from the intake (outside run 90
    # p06): the worst headache of one's life, a rule with the head's sign.
    Sign("worst_ever", (
        "worst ... ever had|felt|experienced|known",
        "worst ... of my|his|her|their life",
    )),
    Sign("headache_new_after_50", (
        "new headache|headaches ... after|over|since ... 50|fifty",
        "headache|headaches ... since I turned 50|fifty",
        "headache|headaches ... getting worse|worsening|changing|different",
        "headache|headaches ... worse when|if I cough|sneeze|strain|bend",
        # Not "a headache and a cough" (a cold): the cough has to bring the headache on.
        "head|headache|headaches ... when|whenever|time|if I? cough|sneeze",
        "when|whenever|time|if I? cough|sneeze ... my? head|headache",
        "cough|coughing|sneeze|sneezing makes|make|made|gives|brings ... head|headache",
    )),
    # A headache unlike the patient's usual ones (SNOOP: pattern change).
    Sign("headache_changed", (
        "{head} ... changed|changing|different|stronger ... weeks|lately|recently|now",
        "{head} ... wake|wakes|woke|waking me",
        "{head} ... used to ... now",
        "headache|headaches|migraine|migraines|head ... nothing|not|unlike ... usual|normal|other|old",
        "headache|headaches|migraine|migraines ... different from|to|than my? usual|normal|other|old",
        "never had|have a? headache|headaches|migraine|migraines|one like this|it|before",
        "different|unusual|strange|new kind|type|sort of headache|headaches",
        "different|unusual|strange headache|headaches",
    )),
    Sign("headache", (
        "headache|headaches|migraine|migraines",
        "head ... hurt|hurts|pain|ache|pound|pounding|throb|throbbing|thump|banging|splitting|killing",
        "pounding|throbbing|thumping|banging|splitting|sore|aching|achy head",
        "head ... explode|exploding|burst|bursting",
        "head ... like ... explode|exploding|burst|bursting",
        "back|top|side|front|base of my|the|his|her? head|skull",
    )),
    # Meningitis
    Sign("stiff_neck", ("neck ... rigid", "rigid neck", "stiff neck", "neck ... stiff|stiffness", "stiffness ... neck", "neck|nape ... {stiff}", "{stiff} ... neck",
                        # The chin that won't come down to the chest (outside run 75 p07).
                        "can't|cant|cannot|couldn't|unable ... chin ... down|chest")),
    Sign("light_sensitivity", (
        "{light} ... {hurts} ... eyes?",
        "{hurts} ... {light}",
        "light|lights ... hurt|hurts|hurting|painful|bother|bothers|bothering|bugging|bugs|bug",
        "can't look at ... light|lights",
        "can't stand|bear ... light|lights",
        "sensitive to light",
        "photophobia",
        "light sensitivity",
    )),
    Sign("rash", (
        "rash|rashes|blotchy|blotches",
        "red|pink|raised|little|small bumps|spots|dots",
    )),
    # Shingles: a rash or blisters in a band or strip on one side of the body, the pain
    # often burning and often before the rash.
    Sign("blisters", ("blister|blisters|blistering|blistery", "weeping|crusting|crusty spots")),
    Sign("band_on_one_side", (
        "band|stripe|strip|belt|line|streak ... one|right|left side",
        "one|right|left side ... band|stripe|strip|belt|line|streak",
        "band|stripe|strip|belt|streak ... round|around ... belly|tummy|front|chest|ribs|side",
        "band|stripe|strip|belt|streak ... from my? spine|back ... round|around|to",
        # "wraps round to the front of my ribs", "goes around towards my belly like a strap".
        "round|around ... like a belt|band|strap|stripe",
        "wraps|wrapped|wrapping|goes|going|spreads|spreading|comes|coming round|around ... ribs|chest|front|belly|tummy|stomach",
    )),
    # A rash that does not fade when pressed (purpura): with a stiff neck, meningitis.
    Sign("purpuric_rash", (
        "purple|purplish|purply ... spots|rash|blotches|blotch|marks|dots|pinpricks|patches",
        "rash|spots ... doesn't|don't|won't|didn't|not fade|blanch",
        "non-blanching",
        "non blanching",
        "glass test",
    )),
    # Cardiac
    Sign("chest_pain", (
        f"chest ... {_CHEST_FEELS}",
        f"{_CHEST_FEELS} ... chest",
        "heart attack",
        "angina",
        # "pain between my shoulder blades and in my chest": the pain is said far from "chest".
        f"{_CHEST_FEELS} ... and|also in|into|across|through my? chest",
    ), unless=_CHEST_MUSCLE),
    Sign("chest_pressure", (
        "like a heavy? weight ... chest",
                "pressure ... behind my? breastbone|sternum",
        "pressure|tightness|heaviness|squeezing|crushing|heavy|tight in|on|across my? chest",
        "pressure|tightness|heaviness|squeezing|crushing ... chest",
        "chest ... pressure|tight|tightness|heavy|heaviness|squeezing|squeezed|crushing|crushed",
        "heart attack",
        "crushing|squeezing ... heart",
        "tight chested",
    ), unless=_CHEST_MUSCLE),
    # Arm and jaw together: where heart pain goes, even without chest pain.
    Sign("arm_and_jaw_pain", ("arm|arms ... jaw", "jaw ... arm|arms")),
    # A pressing, heavy or squeezing pain, the heart's way of hurting wherever it is felt
    # ("a heavy pressing feeling between my shoulder blades"); counts only with the arm and
    # the jaw. Not a knot pressed on, clenched teeth or blood pressure.
    Sign("pressing_pain", (
        "pressing|squeezing|crushing|heavy|pressure feeling|feel|sensation|pain|ache",
        "like a? weight|vice|vise|pressing|squeezing|crushing",
        "squeezing|crushing|heaviness|pressure",
    ), unless=("blood pressure", "teeth", "clench", "clenching", "grind", "grinding", "press on",
               "pressed on", "massage", "pressure point", "pressure points",
               "bench press", "under pressure", "pressure at work",
               # Said of the head, a tension headache's band (outside run 120 x7p02: 911).
               "head", "headache", "headaches", "forehead", "temple", "temples", "migraine")),
    Sign("chest_pain_spreading", (
        f"chest ... {_SPREADS} ... arm|arms|jaw|neck|back|shoulder",
    )),
    Sign("sweating", ("sweating|sweaty|clammy|sweats|sweat", "cold sweat"),
         # "No sweat", "broke a sweat at the gym": no sweating with the pain. Sweats at
         # night, in bed, are the fever's (`fever`), not sweating with the pain (outside run
         # 116 p08: "just the night sweats i said" was a yes to the heart's question, 911).
         unless=("no sweat", "break a sweat", "broke a sweat", "breaking a sweat",
                 "night sweats", "night sweat", "at night", "at nite", "in the night",
                 "in my sleep", "when i sleep", "when im asleep", "when i'm asleep", "asleep",
                 "sheets", "in bed", "nightly")),
    # At a blood test or a jab: the needles' (a precaution for needling), not a sign.
    Sign("faint", ("faint|fainting|fainted|lightheaded|light-headed|woozy", "pass|passing|passed out", "about to collapse"),
         unless=NEEDLE_OCCASIONS),
    # A tearing feeling with sweating or faintness: the aorta until shown otherwise.
    Sign("tearing_feeling", ("{tearing}",), unless=(
        "muscle", "hamstring", "calf", "ligament", "tendon", "acl", "meniscus", "cartilage",
        "rotator", "cuff", "groin", "achilles",
    )),
    Sign("breathless", (
        "puffed out",
        # "a lil winded", "sweaty n winded" (outside run 80 p08).
        "winded",
        "winded ... stairs|walking|walk|hill|hills|climbing|going up|exercise|running",
        "get|gets|getting|got|been|feel|feeling|am|i'm|im winded",
        "out of puff",
        "puffed ... walking|stairs|talking",
        # "i get puffed going up hills" (session 35).
        "get|gets|getting|got|been|feel|feeling|am|i'm|im puffed",
        "puffed ... {exertion}",
        "{breathing} ... {difficulty}",
        "{difficulty} ... {breathing}",
        "puffing|panting|gasping",
        "out of breath",
        "hurts|painful|pain|stab|sharp ... {breathing}",
        "breathless|breathlessness",
        "short of breath",
        "shortness of breath",
        "can't|cannot catch my breath",
        "hurts|painful|hard|difficult|struggling|struggle to breathe|breath",
        "can't|cannot breathe|breath",
        "can hardly|barely breathe|breath",
        "breathing|breath|breaths ... shallow|painful|hurt|hurts|sore|laboured|labored|difficult|tight",
        "stop|stopping|stopped for|to catch? breath|air",
        "stop|stopping|stopped|pause ... catch my? breath",
        "stitch|sharp|stab|stabbing|catch ... when|if I? breathe|breath",
        "shallow breathing|breaths|breath",
        "hurt|hurts|painful|pain|sore ... when|if I? breathe|breath",
    ), unless=(
        # A swimmer turns the head to breathe: the neck's movement, not breathlessness.
        "turn to breathe", "turn my head to breathe", "turning to breathe", "breathe to the side",
        "breathe to the left", "breathe to the right", "breathing side",
    )),
    # Breathing failing: gasping, blue lips, a reliever that does not help.
    Sign("severe_breathlessness", (
        "gasping|gasp",
        "lips|lip|face|fingers ... blue|bluish|grey|purple",
        "blue|bluish ... lips|lip",
        "inhaler ... {difficulty}",
        "{difficulty} ... enough air",
        "can't|cannot ... speak|talk|finish ... sentence|sentences",
        "every breath ... hurts|struggle|effort",
    ), unless=("after my run", "after running", "after the gym", "workout", "sprint", "race")),
    Sign("cannot_breathe", (
        "can't|cannot breathe|breath",
        "can hardly|barely breathe|breath",
        "struggling to breathe",
    ), unless=("nose", "nostril", "blocked", "congested", "running", "exercise", "after")),
    Sign("vomited", ("{vomiting}",)),
    Sign("nausea", ("nausea|nauseous|nauseated|queasy|queasiness", "feel|feeling|felt sick",
                    "{vomiting}", "sick to my|the? stomach")),
    # A knock to the head (NICE NG232, head injury): with confusion after it, the emergency
    # department.
    Sign("head_injury", (
        "hit|banged|bumped|knocked|smacked|cracked my|her|his|their head",
        # "bumped the back of her head on the step".
        "hit|banged|bumped|knocked|smacked|cracked|struck the back|side|front|top of my|her|his|their head",
        "head injury",
        "fell|fall|fallen ... hit|banged|bumped|knocked ... head",
        "fell|fall|fallen ... on|onto her|his|my|their head",
        # Heads clashing in sport, or a ball or an elbow to the head (session 19).
        "head to head|head-to-head|head clash|clash of heads",
        "clashed|banged|bumped|knocked|cracked heads",
        "took|take|caught|copped|got ... ball|football|netball|basketball|baseball|softball|"
        "volleyball|puck|bat|racket|stick|elbow|knee|knock|hit|kick|boot"
        " to|on|in the|her|his|my|their head",
    ), unless=("against a brick wall", "against a wall", "hit my head on why")),
    # Drowsy, hard to keep awake: after a knock to the head, a bleed until shown not (NICE
    # NG232); alone, tablets or a bad night.
    Sign("drowsy", (
        "drowsy|drowsier|drowsiness|groggy",
        "sleepy|sleepier|dozy",
        "hard|difficult|struggling to keep ... awake",
        "hard|difficult|struggling to wake ... up",
        "hard|difficult|struggling to wake|rouse|waken",
        "can't|cant|cannot|won't|wont stay awake",
        "keeps|keep|kept nodding|dozing|drifting off",
    )),
    # New confusion: with a fever, an infection that has spread (sepsis) until shown not.
    Sign("confusion", (
        "confused|confusion|muddled|disoriented|disorientated|delirious",
        "not making sense", "doesn't know where he|she is", "not himself|herself",
        # Not knowing the day, the place or the people: the questions a doctor asks.
        "didn't|doesn't|don't|not know|knowing|remember ... what day|year|month",
        "didn't|doesn't|don't|not know|knowing ... where he|she|i is|am|was",
        "forgetting|forgets|forgot where he|she|i is|am|was",
        "asking|asks|asked what day|year|month it is|was",
        "didn't|doesn't|not recognise|recognize|recognising|recognizing",
        "makes|making|make no sense", "talking|saying ... nonsense|gibberish",
        "saying things ... no sense",
    ), unless=("confused about", "confused by", "confusing", "confused with")),
    # Raised pressure in the head: worst on waking, sick in the mornings (NICE CKS headache).
    Sign("worse_on_waking", (
        "worst|worse ... wake|waking|woke",
        "hurts|aches|bad ... most ... wakes|wake|waking|woke",
        "worst|worse ... get up",
        "worst|worse ... first thing",
        "worst|worse ... morning|mornings",
        "wake|woke|waking up? with ... {head}",
        "{head} ... first thing",
        "first thing ... {head}",
    )),
    Sign("morning_vomiting", (
        # Morning after morning, not once ("sick this morning" with a migraine).
        "vomit|vomiting|vomited|sick ... mornings|wake|waking|woke|breakfast",
        "{vomiting} ... mornings|breakfast",
        "{vomiting} ... before school|work",
        "mornings ... {vomiting}",
        "vomit|vomiting|vomited|sick ... every|each morning",
        # Again and again: "two times I vomit in the morning this week".
        "times|twice|again ... vomit|vomiting|vomited|sick ... morning",
        "vomit|vomiting|vomited|sick ... morning ... times|twice|again|week|days",
        "throwing|throw|threw|thrown up ... mornings|wake|waking|woke",
        "throwing|throw|threw up ... every|each morning",
        "mornings ... vomit|vomiting|vomited",
        "mornings ... throwing|throw|threw up",
    ),
        # Morning sickness, or being sick said to be the pregnancy's (outside run 62 p03),
        # is not the headache's.
        unless=("sick of", "sick and tired", "morning sickness", "pregnant", "pregnancy",
                "preggo", "preggers", "expecting", "weeks along", "months along",
                "morning sick",
                # "...throwing up some mornings, but that's the baby - I'm 9 weeks" (outside
                # run 127 y07: a doctor today for the headaches).
                "the baby", "trimester", "wks along",
                # Said not to come with the headaches: "...but not from the headaches",
                # "nothing to do with the migraines" (outside run 76 p01).
                "nothing to do with", "not from the", "not with the", "not because of the",
                "unrelated", "separate from")),
    # Giant cell arteritis: a jaw that aches with chewing.
    Sign("jaw_claudication", (
        "jaw ... ache|aches|aching|hurts|hurt|pain|painful|tired ... chew|chews|chewing|eat|eating",
        "chew|chews|chewing|eating ... jaw ... ache|aches|hurts|hurt|pain|painful|tired",
    )),
    # The same said of "it" when the jaw is the known complaint ("it aches when I chew, I
    # have to stop eating"): a rule joins it to the intake's jaw (`context_signs`).
    Sign("chewing_pain", (
        "ache|aches|aching|hurts|hurt|pain|painful|tired|tires|stop|rest ... {eating}",
        "{eating} ... ache|aches|aching|hurts|hurt|pain|painful|tired|tires|stop|rest",
    )),
    # A scalp sore to the touch, combing or brushing the hair (giant cell arteritis).
    Sign("scalp_tender", (
        "scalp ... sore|tender|hurts|painful|hurt",
        "sore|tender|hurts|painful|hurt ... comb|combing|brush|brushing ... hair",
        "comb|combing|brush|brushing ... hair ... sore|tender|hurts|painful|hurt",
        "temple|temples ... sore|tender|painful ... touch|touched",
        # "tender to touch there too, even combing my hair" (outside run 98 p06: the comma
        # took the gap past its length, and needling was offered at 67).
        "sore|tender|painful to touch ... comb|combing|brush|brushing|hair",
    )),
    Sign("severe", ("{worst}", "severe|excruciating|unbearable|agonising|agonizing|worst|terrible|explosive|exploding|explode",)),
    # After needling
    Sign("after_needling", (
        "{needling} ... {lately}",
        "after|since|post|following ... {needling}",
        "after|since|post|following ... needling|needles|needle|acupuncture",
        "needled",
        "needling|acupuncture ... yesterday|today|earlier|session",
    )),
    # Deep vein thrombosis
    Sign("calf_swollen", (
        "{calf} ... {swelling} ... {red_hot}",
        "{calf} ... {red_hot} ... {swelling}",
        "{swelling} ... {calf} ... {red_hot}",
        "one calf|leg ... bigger|biger|larger",
        "calf|calves ... swollen|swelling|red|hot|warm|puffy",
        "lower leg ... swollen|swelling|red|hot|warm|puffy",
        "swollen|swelling|red|hot|warm|puffy ... calf|calves",
        "calf|calves ... swell|swelled",
        # A leg swollen and red or hot, or swollen from the knee down.
        "leg|legs|shin ... swell|swelled|swollen|swelling|puffy ... red|hot|warm",
        "leg|legs|shin ... red|hot|warm ... swell|swelled|swollen|swelling|puffy",
        "swell|swelled|swollen|swelling|puffy ... from|below the knee down|downwards",
    ), unless=("weather", "summer", "heatwave", "it's hot", "its hot", "it is hot",
               # A likeness of nerve pain: "like a hot wire from my bum to my calf".
               "hot wire", "hot poker", "hot knife", "hot needle", "hot needles", "hot iron")),
    Sign("calf_pain", (
        "{calf} ... sore|tight|tightness|ache|aches|aching|pain|painful|hurts|tender|cramping",
        "sore|tight|tender|aching|painful|cramp|cramps|knot ... {calf}",
    ), unless=("run", "running", "race", "marathon", "training", "workout", "gym", "football",
               "stretch", "stretching", "sport", "cycling")),
    # Weeks after an operation or a new joint: a clot's time.
    Sign("recent_surgery", (
        "since|after ... op|operation|surgery|replacement",
        "op|operation|surgery ... weeks|days ago",
        "replaced ... weeks|days ago",
        "post-op|postop",
        "post op",
    )),
    # Crisis
    Sign("suicidal_thoughts", (
        # Concepts: passive wishes too ("I'd rather not wake up"), with the crisis line.
        "{death_wish}",
        "suicidal|suicide",
        "kill myself",
        "end my life",
        "end it all",
        "want to die",
        "don't want to live",
        "don't want to be alive|here",
        "don't want to wake up",
        "better off without me",
        "better off dead",
        "better off if I was|were dead|gone",
        "wish I was|were dead",
        "wish I wasn't|weren't here|alive",
        "no point|reason in|to? living|live",
        "not worth living",
        "take my own life",
        "want|wanted|going to end it|things",
        "took|taken|take an overdose",
    )),
    # Self-harm. "I hurt myself lifting" is an injury, so hurting oneself needs intent.
    Sign("self_harm", (
        "self harm|harming|harmed",
        "self-harm",
        "self-harming",
        "harm|harming myself",
        # "I cut myself" is as often a kitchen accident; "cutting myself" is a habit.
        "cutting|burning|starving myself|himself|herself|themselves",
        "cut|burn|burned|burnt|hurt|hurting myself deliberately",
        "cut|burn|burned|burnt|hurt|hurting myself on purpose",
        "want|wanted|urge|urges|tempted ... hurt|hurting myself",
        "thoughts|thought|thinking of|about hurt|hurting myself",
    ), unless=("accidentally", "by accident", "shaving", "cooking", "chopping", "oven", "kettle")),
    # "I can't go on like this" alone is often pain talking; with a method thought of, a crisis.
    Sign("cant_go_on", ("can't go|carry on", "can't take|do this|it anymore", "can't take|do this|it any more")),
    Sign("suicide_method", ("thought|think|thinking|considered|planned|planning ... how I ... do|end it",)),
    # Numbers (clinic.language.numbers): an age of 50 or more.
    Sign("aged_50_plus", ()),
    Sign("aged_65_plus", ()),
    Sign("aged_under_50", ()),
    # A yes to "was it a serious accident, or are you 50 or over, or thin bones?" after a
    # fall (`check_fall_how`): what makes a knock a fracture risk.
    Sign("fracture_risk", ()),
    # A yes to "changes in your sight or sudden swelling?" asked of a pregnant woman with
    # headaches (`check_pre_eclampsia`).
    Sign("pre_eclampsia_signs", ()),
    Sign("new_headaches", (
        "{new_onset} ... {head}",
        "{head} ... {new_onset}",
        "{head} ... every|most day|days|night|nights|morning|mornings ... now",
    )),
    # Aorta: a tearing pain through to the back, or a pulsing lump in the tummy.
    Sign("tearing_pain", (
        "{tearing} ... {tummy|chest} ... back",
        "{tummy|chest} ... {tearing} ... back",
        "{tearing} ... through|thru|round|into ... my? back",
        "{tearing} ... between|under my? shoulder blades|blade",
        "{tearing} ... through|thru|into|to ... front|chest|tummy|stomach",
        "{tummy|chest} ... through|thru|round ... back ... {tearing}",
        "like something|being {tearing}",
        "{tearing} ... between my? shoulder blades",
        "{tearing} ... {tummy|chest}",
    ), unless=("muscle", "hamstring", "calf", "ligament", "ligaments", "tendon", "meniscus",
               "acl", "rotator", "cuff", "cartilage", "tore a", "torn a", "tear in my",
               "achilles", "groin", "labrum", "pec", "pecs", "disc", "disk")),
    Sign("pulsing_tummy_lump", (
        "{pulsing} ... {lump} ... {tummy}",
        "{lump} ... {tummy} ... {pulsing}",
        "{tummy} ... {lump} ... {pulsing}",
        "{pulsing} ... {tummy}",
        "{lump} ... {pulsing}",
        "feel my heartbeat|pulse ... {tummy}",
    )),
    # Knee: a pop, then swelling at once; or a knee that locks.
    Sign("knee_pop", ("{knee} ... {knee_event}", "{knee_event} ... {knee}")),
    Sign("knee_swelled", ("{knee} ... {swelling}", "{swelling} ... {knee}")),
    Sign("knee_locks", ("{knee} ... {locking}", "{locking} ... {knee}")),
    Sign("knee_stuck", ("{knee} ... {stuck}", "{stuck} ... {knee}")),
    # A child or teenager who limps or can't bear weight (a slipped growth plate, Perthes,
    # an infected joint): "son" or "daughter" alone may be grown up, so only with an age.
    Sign("limping", ("{limp}", "walking|walks|walk funny|oddly|strangely|lopsided")),
    Sign("young_patient", (
        "child|kid|teenager|teen|teenage|boy|girl|schoolboy|schoolgirl|toddler",
        *(f"{age}" + " year|years|yr|yrs old" for age in range(2, 18)),
        # "yo" only after the age: alone it is a greeting ("yo my neck is wrecked"); "9 yrs"
        # alone may be "9 yrs ago" (outside run 74 p07: a man of 67 taken for a child).
        *(f"{age}-year-old|{age}yo" for age in range(2, 18)),
        *(f"{age} yo|y/o" for age in range(2, 18)),
        # "she's 12", "my son is 14": read with the numbers (clinic/language/numbers.py),
        # where "I am 10 weeks" (pregnant) is no age (outside run 69 p03).
    # One's own childhood: "since I was a kid", "as a teenager".
    ), unless=(*COMPANION, *(f"{when} {kid}" for when in ("since i was a", "when i was a", "as a")
                             for kid in ("kid", "child", "teen", "teenager", "boy", "girl")),
               "since childhood", "in childhood", "since i was little", "when i was little")),
    Sign("child_limp_warning", ()),
    # Angina: chest, arm or jaw pain that exertion brings on and rest eases.
    Sign("comes_on_exertion", (
        "{exertion} ... {rest_eases}",
        "when|whenever|if I|he|she|they|we? {exertion}",
        # "when I'm walking up the hill", "when we're out walking", "when I'm doing the stairs"
        "when|whenever|if I'm|im|we're|you're doing|going|out|on? the|a|my? {exertion}",
        "when|whenever|if I|we|you am|are|was|were doing|going|out|on? the|a|my? {exertion}",
        "every time I? {exertion}",
        "on|with {exertion}",
    # Holding on to walk is the gait's, no effort (outside run 86 p03).
        # "the shoulder gets worse walking up the subway stairs" (outside run 112 p05).
        # ("kicks in": "in" is a word of its own in a phrase, so optional after "kicks")
        "worse|worsens|worst|hurts|aches|starts|flares|kicks in? {exertion}",
        "worse|worsens|worst|hurts|aches|starts|flares|kicks in? when|on|with|going|doing|climbing"
        "|walking {exertion}",
        # "worst on my walk up the hill from the subway" (outside run 123 u06, unsafe).
        "worse|worsens|worst|hurts|aches|starts|flares|kicks in? on|during my|the|a {exertion}",
    ), unless=("the wall", "the walls", "furniture")),
    Sign("eases_with_rest", (
        "{exertion} ... {rest_eases}",
        "{rest_eases} when|once|if|as I? rest|sit",
    )),
    # Settling with rest said further from the effort ("...for the bus, and it's fine after
    # a couple of minutes sat down"): counts only with the effort (a rule below).
    # Easing "when I stop" what? The rowing that loads the sore muscle, or the walk uphill:
    # it counts only with the effort too, and without one the effort is asked about.
    Sign("settles_after_rest", (
        "fine|ok|okay|better|gone|settles|eases|passes ... after|once|when|if ... {rest_eases}",
        "{rest_eases} when|once|if|as I? stop|pause",
    )),
    Sign("arm_or_jaw_pain", (
        "{heart_arm} ... ache|aches|aching|achy|pain|painful|hurts|hurting|tight|tightness|heavy",
        "ache|aches|aching|pain|tightness ... {heart_arm}",
    )),
    # The jaw alone, more the heart's than an arm or a shoulder sore from sport: an ache
    # there, or the pain said to travel there ("it went up into her jaw").
    Sign("jaw_pain", (
        "jaw ... ache|aches|aching|achy|pain|painful|hurts|hurting|tight|tightness|heavy|sore",
        "ache|aches|aching|pain|tightness|soreness ... jaw",
        "went|goes|going|spread|spreads|spreading|radiates|radiated|radiating|moved|moves|shot"
        "|shoots|creeps|crept|creeping|travels|travelled|traveled|runs|ran|reaches|extends"
        " up|down? into|to|towards my|her|his|the? jaw",
        "up into my|her|his|the? jaw",
    # Put down to the teeth: grinding or clenching (outside run 120 x7p02: "my jaw feels
    # tight... my dentist said I grind" beside a headache was 911 for the heart).
    ), unless=("grind", "grinding", "grinds", "clench", "clenching", "clenches", "dentist",
               "tmj", "night guard", "mouth guard", "bite guard")),
    Sign("left_arm_pain", (
        "left arm|shoulder ... ache|aches|aching|achy|pain|hurts|heavy|heaviness",
        "ache|aches|aching|pain|heaviness ... left arm",
    )),
    # Breathless at rest, and pain between the shoulder blades.
    # Hands that lose their skill (buttons, typing, grip): with neck pain, the cord.
    Sign("hand_skill_loss", (
        "{difficulty} ... {hand_skill}",
        "{hand_skill} ... {difficulty}",
        "fingers ... thick|useless|clumsy|numb",
    )),
    # A headache that changed its pattern, woke the patient, or came with coughing: SNOOP.
    # Kinds of headache told apart ("the tension ones are different") are no change.
    # Change said of the headaches themselves; said alone ("they've been different lately")
    # it is asked about where the intake is a headache (`check_headache_pattern`): "I've
    # changed my mind" or "a different day" told of nothing.
    Sign("headache_pattern_change", ("{head} ... {pattern_change}", "{pattern_change} ... {head}"), unless=(
        "kinds of", "types of", "two kinds", "two types", "a different type", "a different kind",
        "ones are different", "ones r different", "ones are a different", "ones r a different",
    )),
    # A leak when coughing or laughing is the bladder's (common after childbirth and in
    # pregnancy), not a pain the strain makes worse.
    Sign("cough_or_strain", ("{trigger_when} ... {strain}",), unless=(
        "leak", "leaks", "leaking", "leaked", "leakage", "wet myself", "wet my", "pee", "wee",
        "bladder", "urine", "dribble", "pelvic floor",
    )),
    # Can't bear weight after an injury: a fracture until shown otherwise (Ottawa rules).
    Sign("cannot_bear_weight", ("{cant} ... {bear_weight}", "{wont} ... {bear_weight}")),
    # At rest, of the breath or the pain; a pain score "at rest" ("3 at rest, 6 when I lift")
    # is no sign of it (`_SCORE_AT_REST` in screening).
    Sign("at_rest", (
        "at rest", "resting", "doing nothing", "lying in bed", "lying down", "on the sofa",
        "just talking", "sitting still", "sat down", "even resting", "just sitting",
    )),
    Sign("upper_back_pain", (
        "upper|mid|middle back", "between|under my? shoulder blades|blade", "shoulder blade",
        "thoracic",
    )),
    # Sight going wrong (blurred, double, grey) and the room moving: stroke signs together.
    # Blurring with tired eyes is eye strain; "tired" said of a jaw (an inflamed artery's
    # sign) is not (outside run 45 p03).
    Sign("vision_trouble", (
        "{vision_problem}",
        # The sight lost for a while, however put: "her right eye went kind of dim for a few
        # minutes", "she couldn't see out of the right eye" (outside run 97 p04, unsafe: a
        # doctor today for an inflamed artery threatening the sight).
        "eye|eyes|sight|vision ... went|gone|goes|going|turned ... dim|dark|black|blurry|grey|gray|misty|fuzzy|blank",
        "couldn't|couldnt|could not|can't|cant|cannot see ... eye",
        "{cant} see ... eye",
        "lost|losing ... sight|vision ... eye|minutes|while|bit",
    ), unless=(
        *NEEDLE_OCCASIONS,  # going grey at a blood test: fainting with needles
        "screen", "screens", "tired eyes", "eyes are tired", "eyes get tired", "eyes feel tired",
        "eyes tired", "when tired", "when i'm tired", "when im tired", "when i am tired",
        "if i'm tired", "if im tired", "i'm tired", "im tired", "i am tired", "when he's tired",
        "when she's tired", "eye strain", "eyestrain", "reading glasses", "glasses", "optician",
        "computer",
        "laptop",
        # "Just to double check", "double-booked": checking, not seeing double.
        "double check", "double-check", "double checked", "double-checked", "double checking",
        "double booked", "double-booked", "double booking",
    )),
    Sign("dizzy_now", ("{vertigo}",), unless=NEEDLE_OCCASIONS),
    # A long journey sitting still: with new breathlessness, a clot until shown otherwise.
    Sign("long_travel", (
        "long|long-haul|overnight flight|flights|drive|journey|trip|haul",
        "flew|flight back|home from", "got|came back from ... flight",
        # "a 14 hr flight", "a 9 hour drive": four hours or more sat still.
        *(f"{hours} hr|hrs|hour|hours|h flight|flights|drive|journey|trip|ride"
          for hours in range(4, 25)),
        *(f"{hours}-hour|{hours}hr|{hours}h flight|flights|drive|journey|trip|ride"
          for hours in range(4, 25)),
    )),
    # Pregnancy with a headache and sight changes or a puffy face and hands: pre-eclampsia.
    # The bump going hard, tightening or contracting, again and again.
    Sign("bump_tightening", (
        "bump|belly|tummy|stomach|uterus|womb ... tight|tightens|tightening|hard|hardens|hardening",
        "tight|tightens|tightening|hardens|hardening ... bump|belly|tummy|uterus|womb",
        "contraction|contractions|contracting",
        "waves ... bump|belly|tummy",
    ), unless=("braxton", "abs", "workout", "sit-ups", "situps", "crunches", "ate", "eat", "eating",
               "bloated", "bloating", "wind", "gas")),
    # Fluid leaking in pregnancy: the waters breaking, early or not (NICE NG25).
    Sign("waters_leaking", (
        "waters|water ... broke|broken|breaking|gone|went|leaking|leak",
        "leaking|leak|leaks|trickle|trickling|gush|gushing|dribbling|dribble ... water|watery|fluid|liquid",
        "watery|clear|pink ... fluid|liquid|stuff|discharge ... leaking|coming|comes|down",
        "fluid|liquid ... leaking|leaks|trickling|trickles|dribbling|dribbles|gushing|gushed",
    )),
    Sign("pregnant_now", ("pregnant", "weeks pregnant", "expecting a baby", "my pregnancy"),
         unless=("not pregnant", "after my pregnancy", "since my pregnancy", "last pregnancy")),
    Sign("face_hands_swelling", (
        "face|hands|fingers ... puffy|swollen|swelling|swell",
        "puffy|swollen ... face|hands|fingers",
        "rings ... won't|wont|don't|dont go on|fit",
    )),
    # Yes to a direct question about a tearing pain or a knee.
    Sign("aortic_warning", ()),
    Sign("other_warning", ()),  # a yes to check_anything_else
    Sign("knee_place", ()),  # the intake's place: a knee
    Sign("arm_or_jaw_place", ()),  # the intake's place: an arm, a shoulder or the jaw
    Sign("knee_warning", ()),
    Sign("breathless_after_needling", ()),
    # Where it hurts, for signs that matter only together with it.
    Sign("neck_pain", ("neck|nape",)),
    Sign("back_pain", ("back|spine|lumbar|backache|sciatica",)),
    # Yes to a screen question that asks about several signs at once.
    Sign("stroke_warning", ()),
    Sign("meningitis_warning", ()),
    Sign("cardiac_warning", ()),
)  # fmt: skip

RED_FLAGS: tuple[RedFlagRule, ...] = (
    # Emergency department now
    RedFlagRule("cauda_equina", EMERGENCY, ("saddle_numbness",)),
    RedFlagRule("cauda_equina", EMERGENCY, ("bladder_or_bowel_control",)),
    RedFlagRule("cauda_equina", EMERGENCY, ("both_legs_nerve",)),
    RedFlagRule("cauda_equina", EMERGENCY, ("both_legs_pain", "back_pain")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("worsening_weakness", "both_sides")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("tiptoe_or_heel_weakness", "getting_worse", "both_sides")),
    RedFlagRule("fracture", EMERGENCY, ("major_trauma", "neck_pain")),
    # A fall at 65 or over, or on brittle bones, or with the arms tingling after it: high
    # risk whatever the mechanism (Canadian C-spine rule).
    RedFlagRule("fracture", EMERGENCY, ("trauma", "neck_pain"), with_any=("aged_65_plus", "osteoporosis", "both_hands_nerve")),
    RedFlagRule("stroke_signs", EMERGENCY, ("speech_trouble",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("face_numbness",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("one_sided_weakness",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("stroke_warning",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("double_vision",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("swallowing_trouble",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("drop_attack",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("dizziness", "sudden_onset"), with_any=("neck_pain", "headache")),
    # Dizziness or a new headache after the neck was manipulated: a torn neck artery until
    # shown otherwise (outside run 109 p08: a doctor today, and he waited till after work).
    # ...or unsteady on the feet since: the back of the brain's blood supply (outside run 118
    # p07, unsafe: "off balance, walked into the door frame twice" after a chiropractor, a
    # doctor today).
    RedFlagRule("stroke_signs", EMERGENCY, ("neck_manipulated",), with_any=("dizziness", "dizzy_now", "new_headaches", "unsteady_walking")),
    RedFlagRule("thunderclap_headache", EMERGENCY, ("thunderclap",)),
    RedFlagRule("thunderclap_headache", EMERGENCY, ("headache", "worst_ever")),
    RedFlagRule("thunderclap_headache", EMERGENCY, ("headache", "sudden_onset", "severe")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "stiff_neck")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "light_sensitivity")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("feeling_unwell", "stiff_neck"), with_any=("rash", "light_sensitivity", "purpuric_rash")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "rash"), with_any=("headache", "neck_pain")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("purpuric_rash",), with_any=("stiff_neck", "fever", "headache", "light_sensitivity")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("meningitis_warning",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pressure",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pain_spreading",)),
    RedFlagRule("cardiac", EMERGENCY, ("cardiac_warning",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pain",), with_any=("sweating", "breathless", "nausea", "severe", "arm_and_jaw_pain")),
    RedFlagRule("cardiac", EMERGENCY, ("arm_and_jaw_pain",), with_any=("sweating", "breathless", "nausea")),
    # Pressing pain, or pain at rest, into the arm and the jaw: the heart's, with no effort
    # or sweating told (session 25, outside run 66: "heavy pressing feeling, goes into my
    # left arm and jaw" between the shoulder blades was offered a booking).
    RedFlagRule("cardiac", EMERGENCY, ("arm_and_jaw_pain", "pressing_pain")),
    RedFlagRule("cardiac", EMERGENCY, ("jaw_pain", "pressing_pain")),
    # Between the shoulder blades with two of sweating, breathlessness and feeling sick: the
    # heart's, as often in women and with diabetes (outside run 67 p04: "trouble breathing"
    # alone, withdrawn by one "no"). Sweating and breathlessness alone follow a workout.
    RedFlagRule("cardiac", EMERGENCY, ("upper_back_pain", "sweating", "nausea")),
    RedFlagRule("cardiac", EMERGENCY, ("upper_back_pain", "breathless", "nausea")),
    RedFlagRule("cardiac", EMERGENCY, ("arm_and_jaw_pain", "at_rest")),
    # Pain into the arm or the jaw with sweating and breathlessness, or brought on by effort
    # with either (session 22, outside run 57: "went up into his jaw... all sweaty and out
    # of breath" carrying the groceries up raised only the breathing, then was taken back).
    # An arm or a shoulder sore after tennis with sweating is sport's, not the heart's.
    RedFlagRule("cardiac", EMERGENCY, ("jaw_pain", "sweating", "breathless")),
    RedFlagRule("cardiac", EMERGENCY, ("jaw_pain", "comes_on_exertion"), with_any=("sweating", "breathless", "nausea")),
    RedFlagRule("pneumothorax", EMERGENCY, ("after_needling",), with_any=("breathless", "chest_pain", "chest_pressure")),
    RedFlagRule("dvt", EMERGENCY, ("calf_swollen",), with_any=("breathless", "chest_pain")),
    RedFlagRule("breathing_difficulty", EMERGENCY, ("cannot_breathe",)),
    RedFlagRule("suicidal_thoughts", EMERGENCY, ("suicidal_thoughts",)),
    RedFlagRule("suicidal_thoughts", EMERGENCY, ("self_harm",)),
    RedFlagRule("suicidal_thoughts", EMERGENCY, ("cant_go_on", "suicide_method")),
    RedFlagRule("aortic_dissection", EMERGENCY, ("tearing_pain",)),
    RedFlagRule("aortic_dissection", EMERGENCY, ("tearing_feeling",), with_any=("sweating", "faint")),
    RedFlagRule("aortic_dissection", EMERGENCY, ("pulsing_tummy_lump",)),
    RedFlagRule("aortic_dissection", EMERGENCY, ("aortic_warning",)),
    RedFlagRule("possible_red_flag", URGENT, ("other_warning",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pain", "comes_on_exertion")),
    RedFlagRule("cardiac", EMERGENCY, ("arm_or_jaw_pain", "eases_with_rest")),
    RedFlagRule("cardiac", EMERGENCY, ("left_arm_pain",), with_any=("sweating", "breathless", "nausea")),
    RedFlagRule("pneumothorax", EMERGENCY, ("breathless_after_needling",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("vision_trouble", "dizzy_now")),
    RedFlagRule("stroke_signs", EMERGENCY, ("vision_trouble", "sudden_onset")),
    # Sight going wrong with the headache of giant cell arteritis: it can be lost for good.
    RedFlagRule("giant_cell_arteritis", EMERGENCY, ("vision_trouble", "jaw_claudication")),
    RedFlagRule("giant_cell_arteritis", EMERGENCY, ("vision_trouble", "headache", "aged_50_plus")),
    RedFlagRule("breathing_difficulty", EMERGENCY, ("severe_breathlessness",)),
    RedFlagRule("cardiac", EMERGENCY, ("arm_and_jaw_pain", "eases_with_rest")),
    RedFlagRule("cardiac", EMERGENCY, ("left_arm_pain", "eases_with_rest")),
    RedFlagRule("dvt", EMERGENCY, ("calf_pain", "breathless")),
    RedFlagRule("pre_eclampsia", EMERGENCY, ("pregnant_now", "headache"), with_any=("vision_trouble", "face_hands_swelling")),
    # A yes to the question asked only of a pregnant woman with headaches.
    RedFlagRule("pre_eclampsia", EMERGENCY, ("pre_eclampsia_signs",)),
    RedFlagRule("pre_eclampsia", EMERGENCY, ("pregnant_now", "vision_trouble", "face_hands_swelling")),
    # Regular tightening or contractions before term (NICE NG25, preterm labour): the
    # maternity unit now.
    RedFlagRule("preterm_labour", EMERGENCY, ("pregnant_now", "bump_tightening")),
    RedFlagRule("waters_breaking", EMERGENCY, ("pregnant_now", "waters_leaking")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("both_legs_weak",), with_any=("back_pain", "neck_pain", "trauma")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("both_legs_heavy", "trauma")),
    # Legs going weak or wobbly with a cancer history: the spinal cord squeezed (NICE NG234).
    RedFlagRule("progressive_weakness", EMERGENCY, ("both_legs_heavy", "cancer_history")),
    # One leg or foot newly weak, after a cancer, too: the cord or the nerve roots squeezed
    # are treated the same day (NG234; outside run 100 p07 got "a doctor today").
    RedFlagRule("progressive_weakness", EMERGENCY, ("worsening_weakness", "cancer_history")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("tiptoe_or_heel_weakness", "cancer_history")),
    RedFlagRule("dvt", EMERGENCY, ("recent_surgery", "breathless")),
    RedFlagRule("progressive_weakness", EMERGENCY, ("worsening_weakness", "rapid_progression")),
    RedFlagRule("fracture", EMERGENCY, ("trauma", "cannot_bear_weight", "aged_65_plus")),
    # After a fall or a crash, breathlessness may be a broken rib and a collapsed lung.
    RedFlagRule("breathing_difficulty", EMERGENCY, ("breathless",), with_any=("at_rest", "upper_back_pain", "chest_pain", "chest_pressure", "trauma")),
    # A doctor today
    RedFlagRule("progressive_weakness", URGENT, ("worsening_weakness",)),
    RedFlagRule("progressive_weakness", URGENT, ("tiptoe_or_heel_weakness",)),
    RedFlagRule("progressive_weakness", URGENT, ("both_legs_weak",)),
    RedFlagRule("progressive_weakness", URGENT, ("tiptoe_or_heel_weakness", "getting_worse")),
    # A fall or a knock is a fracture risk when it was serious, or at 50 or over, with thin
    # bones or steroids (NICE CKS, low back pain; the neck keeps the clinic's own rule): a
    # minor one asks which it was (`check_fall_how`).
    RedFlagRule("fracture", URGENT, ("trauma",), with_any=("neck_pain", "aged_50_plus", "aged_65_plus", "osteoporosis", "fracture_risk")),
    RedFlagRule("fracture", URGENT, ("major_trauma",)),
    # Thin bones or steroids: a fracture risk with a back pain (a vertebra can break with
    # little or no knock) or a pain that began suddenly or with a strain; elsewhere alone
    # the screen asks about a fall (outside run 58: steroids for arthritis, a stiff neck).
    RedFlagRule("fracture", URGENT, ("osteoporosis",), with_any=("back_pain", "upper_back_pain", "sudden_onset", "cough_or_strain")),
    RedFlagRule("cancer", URGENT, ("cancer_history",)),
    RedFlagRule("cancer", URGENT, ("weight_loss",)),
    RedFlagRule("cancer", URGENT, ("losing_weight",)),
    RedFlagRule("cancer", URGENT, ("night_pain",)),
    RedFlagRule("cancer", URGENT, ("non_mechanical_pain",), with_any=("back_pain", "neck_pain")),
    RedFlagRule("cancer", URGENT, ("first_back_pain", "aged_50_plus")),
    RedFlagRule("infection", URGENT, ("fever",)),
    RedFlagRule("infection", EMERGENCY, ("fever", "confusion")),
    RedFlagRule("infection", EMERGENCY, ("fever", "rigors"), with_any=("back_pain", "neck_pain")),
    RedFlagRule("infection", EMERGENCY, ("fever", "spinal_procedure")),
    # Shaking chills are a fever's, measured or not (outside run 74 p02: "the shakes at
    # night" with back pain after a spinal injection raised nothing).
    RedFlagRule("infection", URGENT, ("rigors",), with_any=("back_pain", "neck_pain")),
    RedFlagRule("infection", EMERGENCY, ("rigors", "spinal_procedure")),
    RedFlagRule("head_injury", EMERGENCY, ("head_injury", "confusion")),
    RedFlagRule("head_injury", EMERGENCY, ("trauma", "confusion", "headache")),
    RedFlagRule("head_injury", EMERGENCY, ("head_injury", "on_blood_thinners")),
    RedFlagRule("head_injury", EMERGENCY, ("head_injury", "drowsy")),
    # Sick since the knock, or a headache getting worse: a bleed until shown not (NG232).
    RedFlagRule("head_injury", EMERGENCY, ("head_injury", "vomited")),
    RedFlagRule("head_injury", EMERGENCY, ("head_injury", "headache", "getting_worse")),
    RedFlagRule("cardiac", URGENT, ("arm_or_jaw_pain", "comes_on_exertion")),
    # The pain's place from the intake, its pattern from a later message (outside run 20).
    RedFlagRule("cardiac", URGENT, ("arm_or_jaw_place", "comes_on_exertion", "eases_with_rest")),
    RedFlagRule("cardiac", URGENT, ("arm_or_jaw_place", "comes_on_exertion", "settles_after_rest")),
    # Under or between the shoulder blades, brought on by effort and eased by rest: the
    # pattern the upper back's heart question asks about, told in the patient's words
    # (outside run 123 u06, unsafe: "trouble breathing" alone, dropped, and booked).
    RedFlagRule("cardiac", URGENT, ("upper_back_pain", "comes_on_exertion", "eases_with_rest")),
    RedFlagRule("cardiac", URGENT, ("upper_back_pain", "comes_on_exertion", "settles_after_rest")),
    RedFlagRule("infection", URGENT, ("injects_drugs",)),
    RedFlagRule("infection", URGENT, ("feeling_unwell",), with_any=("back_pain", "neck_pain")),
    RedFlagRule("myelopathy", URGENT, ("clumsy_hands",)),
    RedFlagRule("myelopathy", URGENT, ("hand_skill_loss",), with_any=("neck_pain", "both_hands_nerve")),
    RedFlagRule("myelopathy", URGENT, ("unsteady_walking",)),
    RedFlagRule("myelopathy", URGENT, ("lhermitte",)),
    RedFlagRule("myelopathy", URGENT, ("both_hands_nerve",)),
    RedFlagRule("myelopathy", URGENT, ("hand_nerve_feeling", "both_hands")),
    RedFlagRule("stroke_signs", URGENT, ("double_vision",)),
    RedFlagRule("headache_warning_signs", URGENT, ("headache_new_after_50",)),
    RedFlagRule("headache_warning_signs", URGENT, ("headache_changed",)),
    RedFlagRule("cardiac", URGENT, ("chest_pain",)),
    # Breathless and sweaty on effort, settling with rest: the heart's to rule out, wherever
    # it hurts (outside run 112 p05: "winded and a bit sweaty... goes off once i stop").
    RedFlagRule("cardiac", URGENT, ("breathless", "sweating"), with_any=("comes_on_exertion", "eases_with_rest", "settles_after_rest")),
    RedFlagRule("dvt", URGENT, ("calf_swollen",)),
    RedFlagRule("dvt", URGENT, ("long_travel", "breathless")),
    RedFlagRule("dvt", URGENT, ("calf_pain", "recent_surgery")),
    RedFlagRule("dvt", URGENT, ("calf_pain", "long_travel")),
    RedFlagRule("headache_warning_signs", URGENT, ("aged_50_plus", "new_headaches")),
    RedFlagRule("headache_warning_signs", URGENT, ("headache", "headache_pattern_change")),
    RedFlagRule("headache_warning_signs", URGENT, ("headache", "cough_or_strain")),
    RedFlagRule("headache_warning_signs", URGENT, ("headache", "morning_vomiting")),
    RedFlagRule("headache_warning_signs", URGENT, ("headache", "worse_on_waking", "nausea")),
    # A headache new to the patient that makes them sick (NICE CKS: vomiting with a new
    # headache suggests raised pressure until shown not).
    RedFlagRule("headache_warning_signs", URGENT, ("new_headaches", "nausea")),
    RedFlagRule("headache_warning_signs", URGENT, ("worse_on_waking", "morning_vomiting")),
    RedFlagRule("cardiac", EMERGENCY, ("arm_or_jaw_pain", "comes_on_exertion", "settles_after_rest")),
    # Effort pain that also comes at rest (clinical facts: "emergency if it comes at rest";
    # NICE CG95, unstable angina; outside run 43 p08 stayed at a doctor today).
    RedFlagRule("cardiac", EMERGENCY, ("comes_on_exertion", "at_rest"), with_any=("arm_or_jaw_pain", "arm_or_jaw_place", "left_arm_pain", "upper_back_pain", "jaw_pain")),
    RedFlagRule("giant_cell_arteritis", URGENT, ("jaw_claudication", "aged_50_plus")),
    RedFlagRule("giant_cell_arteritis", URGENT, ("chewing_pain", "jaw_pain", "aged_50_plus")),
    RedFlagRule("giant_cell_arteritis", URGENT, ("scalp_tender", "aged_50_plus")),
    RedFlagRule("giant_cell_arteritis", URGENT, ("jaw_claudication", "headache")),
    RedFlagRule("fracture", URGENT, ("cannot_bear_weight", "trauma")),
    RedFlagRule("acute_knee_injury", URGENT, ("knee_stuck",)),
    RedFlagRule("acute_knee_injury", URGENT, ("knee_pop", "knee_swelled")),
    RedFlagRule("acute_knee_injury", URGENT, ("knee_locks",), with_any=("knee_pop", "knee_swelled")),
    RedFlagRule("acute_knee_injury", URGENT, ("knee_warning",)),
    RedFlagRule("acute_knee_injury", URGENT, ("knee_swelled", "trauma")),
    RedFlagRule("shingles", URGENT, ("rash", "band_on_one_side")),
    RedFlagRule("shingles", URGENT, ("blisters", "band_on_one_side")),
    RedFlagRule("limping_child", URGENT, ("limping", "young_patient")),
    RedFlagRule("limping_child", URGENT, ("cannot_bear_weight", "young_patient")),
    RedFlagRule("limping_child", URGENT, ("child_limp_warning",)),
    # With a fever, a joint infection must be ruled out now (NICE CKS, limp in children).
    RedFlagRule("limping_child", EMERGENCY, ("limping", "young_patient", "fever")),
    RedFlagRule("limping_child", EMERGENCY, ("cannot_bear_weight", "young_patient", "fever")),
)  # fmt: skip

# Which screen a body part gets: the spine and where sciatica starts, the neck, the head,
# the chest and the calf.
SCREEN_REGION_OF_BODY_PART: dict[str, str] = {
    "lower_back": "back", "back": "back", "buttock": "back", "leg": "back", "thigh": "back",
    "hamstring": "back", "groin": "back",
    "mid_back": "upper_back", "upper_back": "upper_back",
    "neck": "neck", "head": "head", "jaw": "jaw", "chest": "chest", "shoulder": "shoulder",
    "arm": "arm", "elbow": "limb", "forearm": "limb", "wrist": "limb", "hand": "limb",
    "hip": "hip", "knee": "knee", "calf": "calf", "ankle": "limb", "foot": "limb",
    "heel": "limb",
}  # fmt: skip

# A sign and the narrower ones read from the same words: "I didn't fall" takes back a fall
# from a height too (outside run 101 p05: the serious fall asked "to be sure").
NARROWER_SIGNS: dict[str, frozenset[str]] = {"trauma": frozenset({"major_trauma"})}

# History is the sign itself: a cancer years ago still counts, and brittle bones last.
HISTORY_COUNTS = frozenset({"cancer_history", "osteoporosis"})

# Signs that mean little on their own (where it hurts, how suddenly): they never back a
# red flag that only the language model saw (see `clinic.safety.backs_model_red_flag`).
CONTEXT_ONLY_SIGNS = frozenset(
    {"neck_pain", "back_pain", "headache", "arm_or_jaw_place", "severe", "sudden_onset", "stiff_neck", "both_sides",
     "getting_worse",
     # Sweating alone follows a run as often as a heart attack.
     "sweating",
     # Partial on their own: where, when, how old.
     "at_rest", "upper_back_pain", "aged_50_plus", "comes_on_exertion", "eases_with_rest",
     "arm_or_jaw_pain", "new_headaches", "headache_pattern_change", "cough_or_strain",
     "chewing_pain", "jaw_pain", "scalp_tender", "pressing_pain",
     # Partial on their own: a tingle in one hand, or both hands sore; a neck manipulated.
     "hand_nerve_feeling", "both_hands", "neck_manipulated",
     # A rash matters with a fever (meningitis); alone it is a skin problem (eczema,
     # psoriasis), which the scope answer covers.
     "rash",
     "cannot_bear_weight", "dizzy_now", "long_travel", "limping", "young_patient",
     "aged_65_plus", "aged_under_50", "calf_pain", "recent_surgery", "rapid_progression",
     "first_back_pain", "faint", "pregnant_now", "face_hands_swelling", "both_legs_heavy",
     "bump_tightening", "waters_leaking",
     "worse_on_waking", "morning_vomiting", "settles_after_rest",
     # Drowsy from tablets or a bad night, unless after a knock to the head.
     "drowsy"}
)  # fmt: skip

_TRAUMA = "Did the pain start after a fall, an accident or a heavy knock?"
# The aorta's sign is a sudden tearing pain (clinical facts); "or does it go through to your
# chest or tummy" made pain that wraps round the ribs over weeks a yes (outside run 84 p07).
_SUDDEN_TEARING = "Did it start suddenly, as a severe tearing or ripping pain?"

SCREEN_QUESTIONS: dict[str, tuple[ScreenQuestion, ...]] = {
    "back": (
        ScreenQuestion(
            "saddle_numbness",
            "Since this started, have you had any new numbness around your bottom, genitals "
            "or inner thighs?",
            "saddle_numbness",
        ),
        ScreenQuestion(
            "bladder_or_bowel_control",
            "Any new trouble peeing, or with controlling your bladder or bowels?",
            "bladder_or_bowel_control",
        ),
        ScreenQuestion(
            "both_legs",
            "Do you have pain, numbness or pins and needles in both legs?",
            "both_legs_nerve",
            covers=("both_legs_pain",),
            # "My legs are fine, just my back": the legs denied are the no.
            denied_means_no=("both_legs",),
        ),
        ScreenQuestion(
            "worsening_weakness",
            "Is there weakness in a leg or foot that is getting worse, or a foot that drops "
            "or catches when you walk?",
            "worsening_weakness",
        ),
        ScreenQuestion(
            "fever", "Do you have a fever or chills, or feel generally unwell?", "fever"
        ),
        ScreenQuestion(
            "cancer",
            "Have you ever had cancer, or lost weight recently without trying?",
            "cancer_history",
            covers=("weight_loss", "losing_weight"),
        ),
        ScreenQuestion("trauma", _TRAUMA, "trauma", covers=("osteoporosis",)),
        ScreenQuestion(
            "night_pain",
            "Is the pain there all the time and worse at night, whatever position you're in?",
            "night_pain",
        ),
    ),
    "neck": (
        ScreenQuestion(
            "stroke_warning",
            "Along with the neck pain, have you had sudden dizziness, double vision, slurred "
            "speech, trouble swallowing or a numb face?",
            "stroke_warning",
            covers=("speech_trouble", "double_vision", "swallowing_trouble", "face_numbness"),
        ),
        ScreenQuestion(
            "clumsy_hands",
            "Have your hands become clumsy (buttons, writing), or your walking unsteady?",
            "clumsy_hands",
            covers=("unsteady_walking", "both_hands_nerve"),
        ),
        ScreenQuestion("trauma", _TRAUMA, "trauma"),
    ),
    "head": (
        ScreenQuestion(
            "thunderclap",
            "Did a headache ever come on suddenly and reach full strength within about a minute?",
            "thunderclap",
            # "Not sudden though" (outside run 106 p07: asked at once after it).
            denied_means_no=("sudden_onset",),
        ),
        ScreenQuestion(
            "meningitis_warning",
            "Do you have a fever together with a stiff neck, a rash, or light hurting your eyes?",
            "meningitis_warning",
            requires=("fever",),
        ),
        ScreenQuestion(
            "stroke_warning",
            "With the headaches, have you had weakness, numbness, confusion, slurred speech "
            "or trouble seeing?",
            "stroke_warning",
            covers=("speech_trouble", "double_vision", "face_numbness", "one_sided_weakness"),
        ),
        ScreenQuestion(
            "headache_new_after_50",
            "Are these headaches new since you turned 50, or changing in pattern?",
            "headache_new_after_50",
            # Said to change, or a yes to "have they changed?": answered (outside run 89 p02).
            covers=("headache_pattern_change", "headache_changed"),
            ruled_out_by=("aged_under_50", "young_patient"),
        ),
        # Raised pressure in the head (NICE CKS headache): worst on waking, sick in the
        # mornings. Asked, since patients rarely think to say it.
        ScreenQuestion(
            "headache_on_waking",
            "Are the headaches at their worst on waking, or have you been sick "
            "(vomiting) in the mornings with them?",
            # A headache that wakes or is worst on waking is a changed one (SNOOP).
            "headache_changed",
            covers=("worse_on_waking", "morning_vomiting"),
        ),
    ),
    "chest": (
        ScreenQuestion(
            "cardiac_warning",
            "Does it feel like pressure or tightness, spread to your arm, jaw or neck, or come "
            "with sweating, breathlessness or feeling sick?",
            "cardiac_warning",
            covers=("chest_pressure", "chest_pain_spreading"),
        ),
    ),
    "calf": (
        ScreenQuestion(
            "calf_swollen",
            "Is the calf swollen, red or warm to the touch?",
            "calf_swollen",
        ),
        ScreenQuestion("calf_trauma", _TRAUMA, "trauma"),
    ),
}
_BACK = {question.name: question for question in SCREEN_QUESTIONS["back"]}
_FEVER_JOINT = "Is the {part} hot, red and swollen, or do you have a fever or feel unwell?"
_CARDIAC_NAMES = ("chest_pain", "chest_pressure", "breathless", "sweating", "nausea")
_CARDIAC_TOO = (
    "do you get chest pain or pressure, breathlessness, sweating or feeling sick, or does it "
    "come on when you exert yourself and ease when you rest?"
)
# Each region's own screen: the questions its guidelines ask, and no lumbar ones above the
# waist (sources: docs/clinical-facts.md, section 2).
SCREEN_QUESTIONS.update({
    # Cancer (and weight lost) is a red flag of any spinal pain, the neck's too (clinical
    # facts, section 2; outside runs 13 and 15 found a neck-only intake that never asked
    # it). One checklist still: fever comes with the headache screen's meningitis line.
    "neck": (*SCREEN_QUESTIONS["neck"], _BACK["cancer"]),
    # A headache with weight loss or cancer (SNOOP).
    "head": (*SCREEN_QUESTIONS["head"], _BACK["cancer"]),
    # Pain between the shoulder blades can be the heart or the aorta.
    "upper_back": (
        ScreenQuestion(
            "upper_back_cardiac",
            f"With the pain between your shoulder blades, {_CARDIAC_TOO}",
            "cardiac_warning",
            covers=("chest_pressure", "chest_pain_spreading", "comes_on_exertion"),
            named=_CARDIAC_NAMES,
        ),
        ScreenQuestion(
            "upper_back_tearing",
            _SUDDEN_TEARING,
            "aortic_warning",
            covers=("tearing_pain",),
        ),
        _BACK["fever"], _BACK["cancer"], _BACK["trauma"], _BACK["night_pain"],
    ),
    "shoulder": (
        ScreenQuestion(
            "shoulder_cardiac", f"Along with the shoulder pain, {_CARDIAC_TOO}", "cardiac_warning",
            covers=("chest_pressure", "chest_pain_spreading", "comes_on_exertion"),
            named=_CARDIAC_NAMES,
        ),
        ScreenQuestion("shoulder_trauma", _TRAUMA, "trauma"),
        ScreenQuestion("shoulder_hot", _FEVER_JOINT.format(part="shoulder"), "fever"),
        _BACK["cancer"],
    ),
    "arm": (
        ScreenQuestion(
            "arm_cardiac", f"Along with the arm pain, {_CARDIAC_TOO}", "cardiac_warning",
            covers=("chest_pressure", "chest_pain_spreading", "comes_on_exertion"),
            named=_CARDIAC_NAMES,
        ),
        ScreenQuestion("arm_trauma", _TRAUMA, "trauma"),
    ),
    "jaw": (
        ScreenQuestion(
            "jaw_cardiac",
            "Does the jaw ache come on when you walk or climb stairs and ease when you rest, or "
            "come with chest pain, breathlessness or sweating?",
            "cardiac_warning",
            covers=("comes_on_exertion", "eases_with_rest"),
        ),
    ),
    "knee": (
        ScreenQuestion(
            "knee_injury",
            "Did your knee swell up within a few hours of an injury, or does it lock so you "
            "can't straighten it?",
            "knee_warning",
            covers=("knee_stuck", "knee_locks"),
        ),
        ScreenQuestion("knee_hot", _FEVER_JOINT.format(part="knee"), "fever"),
        ScreenQuestion("knee_trauma", _TRAUMA, "trauma"),
    ),
    "hip": (
        ScreenQuestion("hip_trauma", _TRAUMA, "trauma"),
        ScreenQuestion("hip_hot", _FEVER_JOINT.format(part="hip"), "fever"),
        _BACK["cancer"], _BACK["night_pain"],
    ),
    "limb": (ScreenQuestion("limb_trauma", _TRAUMA, "trauma"),),
})  # fmt: skip
# The neck's screen asks about meningitis too: a stiff neck with a fever. After a yes to a
# fall, how it happened: a fall or a knock is a doctor today, major trauma the emergency
# department (clinical facts, section 2).
SCREEN_QUESTIONS["neck"] = (
    *SCREEN_QUESTIONS["neck"],
    SCREEN_QUESTIONS["head"][1],
    ScreenQuestion(
        "neck_major_trauma",
        "Was it a serious accident: a road crash at speed, a fall from a height or down stairs, "
        "landing on your head, or a dive into shallow water?",
        "major_trauma",
        where=("neck_pain",),
        after=("trauma",),
    ),
)
# After a yes to a fall anywhere but the neck (which asks its own): how it happened, and
# what makes a minor knock a fracture risk.
_FALL_HOW = ScreenQuestion(
    "check_fall_how",
    "Was it a serious accident (a road accident, a fall from a height or down stairs), or "
    "are you 50 or over, or do you have thin bones (osteoporosis) or take steroid tablets?",
    "fracture_risk",
    covers=("major_trauma", "aged_50_plus", "aged_65_plus", "osteoporosis"),
    after=("trauma",),
    under_50=(
        "Was it a serious accident (a road accident, a fall from a height or down stairs), or "
        "do you have thin bones (osteoporosis) or take steroid tablets?"
    ),
)
for _region in ("back", "upper_back", "shoulder", "arm", "knee", "hip", "limb", "calf"):
    if _region in SCREEN_QUESTIONS:
        SCREEN_QUESTIONS[_region] = (*SCREEN_QUESTIONS[_region], _FALL_HOW)
# Where it hurts not said (skipped): the signs that need a doctor wherever the pain is.
SCREEN_QUESTIONS["anywhere"] = tuple(
    q for q in SCREEN_QUESTIONS["back"] if q.name in ("fever", "cancer", "trauma", "night_pain")
)
SCREEN_QUESTIONS["anywhere"] = (*SCREEN_QUESTIONS["anywhere"], _FALL_HOW)
SCREEN_QUESTIONS["chest"] = (
    *SCREEN_QUESTIONS["chest"],
    ScreenQuestion(
        "chest_breathless",
        "Are you short of breath, even when you're resting?",
        "cannot_breathe",
        covers=("breathless",),
    ),
    ScreenQuestion("chest_trauma", _TRAUMA, "trauma"),
)

_CARDIAC_ITEM = (
    "chest pain or pressure, breathlessness, sweating or feeling sick with it, or pain that "
    "comes on when you exert yourself and eases when you rest"
)
# Each screen question as a line of a checklist ("Do you have any of these?"), keyed by
# the question's words: a "yes" to the list asks its lines one by one (actions/safety.py).
CHECKLIST_ITEMS = {
    SCREEN_QUESTIONS["back"][0].text: "new numbness around your bottom, genitals or inner thighs",
    SCREEN_QUESTIONS["back"][1].text: "new trouble peeing, or controlling your bladder or bowels",
    SCREEN_QUESTIONS["back"][2].text: "pain, numbness or pins and needles in both legs",
    SCREEN_QUESTIONS["back"][3].text: (
        "weakness in a leg or foot that is getting worse, or a foot that drops or catches"
    ),
    SCREEN_QUESTIONS["back"][4].text: "a fever or chills, or feeling generally unwell",
    SCREEN_QUESTIONS["back"][5].text: "cancer at any time, or weight lost recently without trying",
    _TRAUMA: "pain that started after a fall, an accident or a heavy knock",
    _FALL_HOW.text: (
        "a serious accident (a road accident, a fall from a height or down stairs), 50 or "
        "over, or thin bones or steroid tablets"
    ),
    SCREEN_QUESTIONS["neck"][-1].text: (
        "a serious accident: a road crash at speed, a fall from a height or down stairs, landing on "
        "your head, or a dive into shallow water"
    ),
    SCREEN_QUESTIONS["back"][7].text: (
        "pain that is there all the time and worse at night, whatever position you're in"
    ),
    SCREEN_QUESTIONS["neck"][0].text: (
        "sudden dizziness, double vision, slurred speech, trouble swallowing or a numb face"
    ),
    SCREEN_QUESTIONS["neck"][1].text: "clumsy hands (buttons, writing) or unsteady walking",
    SCREEN_QUESTIONS["head"][0].text: (
        "a headache that came on suddenly and was at full strength within about a minute"
    ),
    SCREEN_QUESTIONS["head"][1].text: "a fever with a stiff neck, a rash, or light hurting your eyes",
    SCREEN_QUESTIONS["head"][2].text: (
        "weakness, numbness, confusion, slurred speech or trouble seeing with the headaches"
    ),
    SCREEN_QUESTIONS["head"][3].text: "headaches that are new since you turned 50, or changing",
    SCREEN_QUESTIONS["head"][4].text: (
        "headaches at their worst on waking, or being sick in the mornings with them"
    ),
    SCREEN_QUESTIONS["chest"][0].text: (
        "pressure or tightness, pain spreading to your arm, jaw or neck, or sweating, "
        "breathlessness or feeling sick with it"
    ),
    SCREEN_QUESTIONS["chest"][1].text: "shortness of breath, even when you're resting",
    SCREEN_QUESTIONS["calf"][0].text: "a calf that is swollen, red or warm to the touch",
    SCREEN_QUESTIONS["upper_back"][0].text: _CARDIAC_ITEM,
    SCREEN_QUESTIONS["upper_back"][1].text: (
        "pain that began suddenly as a severe tearing or ripping"
    ),
    SCREEN_QUESTIONS["shoulder"][0].text: _CARDIAC_ITEM,
    SCREEN_QUESTIONS["arm"][0].text: _CARDIAC_ITEM,
    SCREEN_QUESTIONS["jaw"][0].text: (
        "jaw ache that comes on when you walk or climb stairs and eases when you rest, or "
        "comes with chest pain, breathlessness or sweating"
    ),
    SCREEN_QUESTIONS["knee"][0].text: (
        "a knee that swelled up within a few hours of an injury, or locks so you can't "
        "straighten it"
    ),
    **{
        _FEVER_JOINT.format(part=part): f"a {part} that is hot, red and swollen, or a fever or feeling unwell"
        for part in ("shoulder", "knee", "hip")
    },
}  # fmt: skip


# Asked at once when a message touches a red-flag concept the rules could not decide on
# (`clinic.safety.concepts.GUARDS`): one plain yes/no question; a yes records `sign`.
# Where the heart's pain may show, in the intake's words: the questions of effort asked there.
_HEART_PLACES = ("arm_or_jaw_place", "upper_back_pain")
_THUNDERCLAP = (
    "Did this headache come on suddenly and reach its full strength within about a minute?"
)

# Pregnancy told where headaches are known: sight and swelling asked (NICE NG133).
_PRE_ECLAMPSIA = (
    "As you're pregnant and getting headaches: have you noticed any change in your sight "
    "(blurring or flashing lights), or sudden swelling of your face, hands or feet?"
)

_KNEE_WARNING = (
    "Did your knee swell up within a few hours of an injury, or does it lock so you can't "
    "straighten it?"
)

DIRECT_QUESTIONS: tuple[ScreenQuestion, ...] = (
    ScreenQuestion(
        "check_pre_eclampsia",
        _PRE_ECLAMPSIA,
        "pre_eclampsia_signs",
        covers=("vision_trouble", "face_hands_swelling"),
        where=("headache",),
    ),
    # A fall on blood thinners: a knock to the head is the emergency department (NICE
    # NG232), and people rarely think to say it.
    ScreenQuestion(
        "check_head_knock",
        "Was the head knocked or hit in the fall, even lightly?",
        "head_injury",
        where=("on_blood_thinners",),
    ),
    ScreenQuestion(
        "check_safe",
        "I want to check you're safe. Are you having thoughts of ending your life, or of not "
        "wanting to be alive?",
        "suicidal_thoughts",
        covers=("self_harm",),
    ),
    ScreenQuestion(
        "check_chest",
        "You mentioned your chest. Does it feel heavy, tight or like pressure, or come with "
        "sweating, breathlessness or feeling sick, or spread to your arm, jaw or back?",
        "cardiac_warning",
        covers=("chest_pressure", "chest_pain_spreading"),
    ),
    ScreenQuestion(
        "check_exertion",
        "Does this pain come on when you walk uphill, climb stairs or exert yourself, and ease "
        "when you rest?",
        "cardiac_warning",
        covers=("comes_on_exertion", "eases_with_rest"),
    ),
    ScreenQuestion(
        "check_headache_pattern",
        "Have your headaches changed in the last few weeks, for example coming more often or "
        "getting stronger?",
        "headache_pattern_change",
        covers=("headache_changed", "headache_new_after_50", "new_headaches"),
        where=("headache",),
    ),
    ScreenQuestion(
        "check_eases_with_rest",
        "Does the pain ease within a few minutes when you stop and rest?",
        "cardiac_warning",
        covers=("eases_with_rest", "settles_after_rest"),
        where=_HEART_PLACES,
        no_takes_back=("comes_on_exertion", "eases_with_rest", "settles_after_rest"),
    ),
    ScreenQuestion(
        "check_exertion_breathless",
        "You mentioned getting out of breath with effort. Does your pain also come on when you "
        "walk uphill, climb stairs or exert yourself, and ease when you rest?",
        "cardiac_warning",
        covers=("comes_on_exertion", "eases_with_rest"),
        where=_HEART_PLACES,
    ),
    ScreenQuestion(
        "check_after_needling",
        "Since the needling, have you become short of breath, or do you get chest pain when "
        "you breathe in?",
        "breathless_after_needling",
    ),
    ScreenQuestion(
        "check_breathing",
        "Are you short of breath right now, or struggling to breathe even when resting?",
        "cannot_breathe",
        covers=("breathless",),
    ),
    ScreenQuestion(
        "check_tearing",
        "Did a severe tearing or ripping pain come on suddenly, going through to your back, "
        "or can you feel a pulsing lump in your tummy?",
        "aortic_warning",
        covers=("tearing_pain", "pulsing_tummy_lump"),
    ),
    ScreenQuestion(
        "check_saddle",
        "Since this started, is there any new numbness or tingling around your bottom, "
        "genitals or inner thighs, for example when you wipe?",
        "saddle_numbness",
    ),
    ScreenQuestion(
        "check_bladder",
        "You mentioned the toilet. Since the pain started, is it hard to pass urine, or have "
        "you leaked or had an accident in a way that's new for you?",
        "bladder_or_bowel_control",
    ),
    ScreenQuestion(
        "check_stroke",
        "Have you had any of these suddenly: slurred words or trouble getting your words out, "
        "double vision, one side of your face drooping, or an arm or leg on one side going "
        "weak or numb?",
        "stroke_warning",
        covers=("speech_trouble", "double_vision", "face_numbness", "one_sided_weakness"),
    ),
    ScreenQuestion("check_thunderclap", _THUNDERCLAP, "thunderclap"),
    # The worst pain ever between the shoulder blades: the aorta's question (outside run
    # 80 p08: "felt like somethin let go... worst pain ive ever had" got the heart's).
    ScreenQuestion(
        "check_worst_upper_back",
        _SUDDEN_TEARING,
        "aortic_warning",
        covers=("tearing_pain",),
        where=("upper_back_pain",),
    ),
    # The same, for a sudden onset told without the word "head" in a headache intake ("it
    # hit me out of nowhere").
    ScreenQuestion(
        "check_sudden_headache",
        _THUNDERCLAP,
        "thunderclap",
        where=("headache",),
    ),
    ScreenQuestion(
        "check_fever",
        "Do you have a fever (38°C / 100.4°F or more) or chills at the moment?",
        "fever",
    ),
    ScreenQuestion(
        "check_meningitis",
        "Do you have a fever together with a stiff neck, a rash, or light hurting your eyes?",
        "meningitis_warning",
        requires=("fever",),
    ),
    # A fever with a headache or a painful neck, told in different messages (outside run
    # 79 p07, unsafe: "took her temp 102" after her worst headache got a doctor today and
    # the intake's questions). Asked where the intake holds the other.
    ScreenQuestion(
        "check_meningitis_with_pain",
        _WITH_THE_FEVER,
        "meningitis_warning",
        requires=("fever",),
        where=("headache", "neck_pain"),
    ),
    # ...and a headache or a sore neck told after a fever (asked by actions/safety.py).
    ScreenQuestion("check_meningitis_after_fever", _WITH_THE_FEVER, "meningitis_warning"),
    ScreenQuestion("check_knee", _KNEE_WARNING, "knee_warning", covers=("knee_locks",)),
    # "It swelled up fast" where the intake's place is the knee: the same question.
    ScreenQuestion(
        "check_knee_swelling",
        _KNEE_WARNING,
        "knee_warning",
        covers=("knee_locks",),
        where=("knee_place",),
    ),
    # Asked where a pregnancy is hinted and never said: a yes is the precaution recorded
    # (`contraindications.FROM_SIGNS`), with no flag of its own.
    ScreenQuestion(
        "check_pregnant", "Can I just check: are you pregnant at the moment?", "pregnant_now"
    ),
    ScreenQuestion(
        "check_blood_thinner",
        "Can I just check: do you take a blood thinner, such as warfarin, Eliquis (apixaban), "
        "Xarelto (rivaroxaban), clopidogrel or a daily aspirin?",
        "on_blood_thinners",
    ),
    ScreenQuestion(
        "check_child_limp",
        "You mentioned a child or teenager. Are they limping, or not able to put their full "
        "weight on the leg?",
        "child_limp_warning",
        # "huh? no its me not my kid lol. im 31": the child patient denied is a no (outside
        # run 108 p06: "noted it as a no", then asked again).
        denied_means_no=("young_patient",),
    ),
    ScreenQuestion(
        "check_calf",
        "Is one calf swollen, red or warm to the touch?",
        "calf_swollen",
    ),
    # Asked when "pain that nothing eases" read from the words is disputed (outside run
    # 54: "gaming n phone 24/7"; the weight question came instead).
    ScreenQuestion(
        "check_constant_pain",
        "Is the pain there all the time, whatever you do, with nothing (rest, moving or "
        "changing position) that eases it at all?",
        "non_mechanical_pain",
        where=("back_pain", "neck_pain"),
    ),
    ScreenQuestion(
        "check_weight",
        "Have you lost weight recently without trying?",
        "weight_loss",
        covers=("losing_weight",),
    ),
    ScreenQuestion(
        "check_cancer_history",
        "Can I just check: was that a cancer, or treated as a possible cancer?",
        "cancer_history",
        # A past cancer matters with pain of the spine (where it may spread).
        where=("back_pain", "neck_pain", "upper_back_pain"),
    ),
    ScreenQuestion(
        "check_new_headache",
        "Are these headaches new since you turned 50, or different from your usual ones?",
        "headache_new_after_50",
        covers=("headache_changed", "new_headaches"),
        ruled_out_by=("aged_under_50", "young_patient"),
        denied_means_no=("headache",),
    ),
    # Only the language model heard a red flag (no rule did): asked, never assumed. A yes
    # alone is a doctor today; a yes that names a sign is read for it by the rules.
    ScreenQuestion(
        "check_anything_else",
        "One safety question before we go on: besides the pain itself, is anything new "
        "worrying you, such as numbness or weakness, trouble breathing or chest pain, a "
        "fever or feeling very unwell, or trouble with your bladder or bowels?",
        "other_warning",
    ),
)
