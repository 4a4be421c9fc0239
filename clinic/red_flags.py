"""The red flags: what patients say that needs a doctor or an emergency department first.

Written to be read and extended by a clinician (sources: shared clinical-facts.md,
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

from dataclasses import dataclass

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


_NUMB = "numb|numbness|tingling|tingle|tingly|prickling|deadness"
_SADDLE = "bottom|bum|anus|genitals|genital|groin|crotch|privates|saddle|perineum|vagina|penis"
_BLADDER = "bladder|bowels|bowel|pee|peeing|urine|urinate|urinating|urination|wee|weeing|toilet"
_WEAK = "weak|weaker|weakness|give|gave|giving|buckle|buckling"
_CHEST_FEELS = (
    "pain|painful|hurt|hurts|hurting|ache|aching|sore|pressure|tight|tightness|heavy|heaviness"
    "|squeezing|squeeze|crushing|discomfort|burning"
)
_SPREADS = "spread|spreading|spreads|radiate|radiating|go|goes|going|move|moving|travel|shoot"

SIGNS: tuple[Sign, ...] = (
    # Cauda equina
    Sign("saddle_numbness", (
        f"{_NUMB} ... {_SADDLE}",
        f"{_NUMB} between my? legs",
        f"{_SADDLE} ... {_NUMB}",
        f"can't feel ... {_SADDLE}",
        "saddle anaesthesia|anesthesia|numbness",
        "numb|can't feel ... wipe",
    )),
    Sign("bladder_or_bowel_control", (
        f"can't control ... {_BLADDER}",
        f"unable to control ... {_BLADDER}",
        f"no longer ... control ... {_BLADDER}",
        f"lost|losing|loss control ... {_BLADDER}",
        f"loss of {_BLADDER} control",
        f"trouble|difficulty|problem|problems|struggle|struggling|issues {_BLADDER}",
        f"trouble|difficulty|problem|problems|struggle|struggling|issues with my? {_BLADDER}",
        "can't ... pee|urinate|wee",
        "can't empty my? bladder",
        f"can't feel ... {_BLADDER}",
        f"{_BLADDER} problem|problems|trouble|issues|weird|different|changed",
        f"{_BLADDER} ... not working|right|normal",
        "incontinence|incontinent",
        "wet|wetting|wetted|soiled|soiling myself",
        "wet the bed",
        "leak|leaking|leaked urine|pee|wee",
    )),
    Sign("both_legs_nerve", (
        f"{_NUMB}|sciatica|shooting|weak|weakness|pins ... both legs|feet",
        f"{_NUMB}|sciatica|shooting|weak|weakness|pins ... both of? my legs|feet",
        f"both of? my? legs|feet ... {_NUMB}|weak|weakness|give|gave|giving",
        f"my legs ... {_NUMB}",
        f"{_NUMB} ... my legs",
        "sciatica ... both sides",
        "bilateral sciatica",
    )),
    Sign("both_legs_pain", (
        "pain|painful|hurt|hurts|ache|aching|sore ... both of? my? legs",
        "both of? my? legs ... pain|painful|hurt|hurts|ache|aching|sore",
    )),
    # Progressive neurological deficit
    Sign("worsening_weakness", (
        "getting|becoming|growing|get weaker",
        "weaker and weaker",
        "weakness ... getting|gets|got worse",
        "weakness ... worsening|spreading",
        "worsening|increasing|progressive weakness",
        "foot drop",
        "drop foot",
        "foot|feet ... drop|drops|dropping|slap|slaps|slapping|catch|catches|catching|flop|flops",
        "trip|tripping ... my foot|toes",
        "can't lift my? foot|toes",
        f"leg|legs|knee|knees {_WEAK} way",
        f"leg|legs|knee|knees keep|keeps {_WEAK} way",
    )),
    Sign("both_sides", ("both legs|feet|arms|hands|sides", "both of my legs|feet|arms|hands")),
    # Fracture
    Sign("trauma", (
        "fell|fall|fallen|falling|slipped|tripped",
        "accident",
        "crash|crashed|collision|whiplash",
        "rear ended",
        "rear-ended",
        "hit by",
        "knocked down|over|out",
        "landed on",
        "came|thrown off",
        "heavy|hard knock|blow|impact|tackle",
    ), unless=("asleep", "pregnant", "love", "apart", "behind", "autumn", "hair")),
    Sign("osteoporosis", (
        "osteoporosis|osteopenia",
        "brittle bones",
        "long term steroids",
        "long-term steroids",
        "prednisolone|prednisone",
        "steroid tablets",
    )),
    # Cancer
    Sign("cancer_history", (
        "cancer|tumour|tumor|chemo|chemotherapy|radiotherapy|oncologist|leukaemia|leukemia"
        "|lymphoma|myeloma|metastases|metastatic",
    )),
    Sign("weight_loss", (
        "unexplained|unintentional|unintended|sudden weight loss",
        "lost|losing ... weight ... without trying",
        "lost|losing ... weight ... for no reason",
        "weight loss ... without trying",
        "lost|losing a lot of weight",
        "weight ... dropping off",
    ), unless=("diet", "dieting", "gym", "trying to", "want")),
    Sign("night_pain", (
        "worse|worst at|during night",
        "worse|worst in the night",
        "night pain",
        "wakes|woke|waking me ... night ... every|always|constant",
        "doesn't change|ease ... position|positions|rest|resting",
        "does not change|ease ... position|positions|rest|resting",
        "no position ... helps|comfortable|eases",
    )),
    # Infection
    Sign("fever", (
        "fever|feverish|febrile|chills|rigors|shivers",
        "high|a temperature",
        "running a temperature",
        "night sweats",
    ), unless=("room", "outside", "weather", "cold water")),
    Sign("injects_drugs", ("inject|injecting drugs|heroin", "iv drug|drugs")),
    # Cervical myelopathy
    Sign("clumsy_hands", (
        "clumsy|clumsiness",
        "can't|trouble|difficulty|struggle|struggling do|doing up ... buttons",
        "can't|trouble|difficulty|struggle|struggling button|buttons|write|writing",
        "dropping|drop things|cups|everything",
    )),
    Sign("unsteady_walking", (
        "unsteady|wobbly|balance ... walk|walking|feet",
        "off balance",
        "walk|walking ... unsteady|wobbly|drunk",
        "balance is|has off|bad|poor|worse|gone",
        "losing my balance",
    )),
    Sign("both_hands_nerve", (
        f"{_NUMB}|pins ... both hands|arms",
        f"{_NUMB}|pins ... both of my hands|arms",
        f"both of? my? hands|arms ... {_NUMB}",
        f"my hands ... {_NUMB}",
        f"{_NUMB} ... my hands",
    )),
    # Cervical artery / stroke
    Sign("speech_trouble", (
        "can't|cannot|trouble|difficulty|struggle|struggling speak|talk|speaking|talking",
        "can't|cannot|trouble|difficulty|struggle|struggling ... speak|talk|words properly?",
        "slurred|slurring ... speech|words",
        "speech|words ... slurred|slurring|weird|strange|garbled|jumbled",
        "speech|words ... come|comes|coming|came out wrong|funny|muddled",
        "slurred",
    )),
    Sign("double_vision", ("double vision", "seeing|see double", "vision ... double")),
    Sign("swallowing_trouble", (
        "can't|cannot|trouble|difficulty|struggle|struggling|hard ... swallow|swallowing",
    )),
    Sign("face_numbness", (
        f"face|facial ... {_NUMB}|droop|drooping|droopy|dropped",
        f"{_NUMB}|droop|drooping|droopy ... face",
    )),
    Sign("one_sided_weakness", (
        "one side of my? body|face ... weak|numb|heavy",
        "weak|weakness|numb|numbness ... one side of my? body|face",
        "left|right side of my body ... weak|numb",
        "weak|weakness|numb|numbness ... left|right side of my body",
    )),
    Sign("drop_attack", (
        "drop attack|attacks",
        "collapsed|collapse suddenly",
        "collapsed|collapse without warning",
    )),
    Sign("dizziness", ("dizzy|dizziness|vertigo|lightheaded|light-headed", "room|world spinning")),
    Sign("sudden_onset", ("sudden|suddenly|abruptly", "out of nowhere", "all of a sudden")),
    # Headache
    Sign("thunderclap", (
        "worst headache",
        "thunderclap",
        "headache ... like being hit|struck",
        "headache ... within|in a minute|seconds",
        "sudden severe|terrible|explosive headache",
    )),
    Sign("headache_new_after_50", (
        "new headache|headaches ... after|over|since ... 50|fifty",
        "headache|headaches ... since I turned 50|fifty",
        "headache|headaches ... getting worse|worsening|changing|different",
        "headache|headaches ... worse when|if I cough|sneeze|strain|bend",
    )),
    Sign("headache", ("headache|headaches|migraine|migraines", "head ... hurt|hurts|pain|ache")),
    # Meningitis
    Sign("stiff_neck", ("stiff neck", "neck ... stiff|stiffness", "stiffness ... neck")),
    Sign("light_sensitivity", (
        "light|lights ... hurt|hurts|hurting|painful|bother|bothers",
        "can't look at ... light|lights",
        "can't stand|bear ... light|lights",
        "sensitive to light",
        "photophobia",
        "light sensitivity",
    )),
    Sign("rash", ("rash|rashes",)),
    # Cardiac
    Sign("chest_pain", (
        f"chest ... {_CHEST_FEELS}",
        f"{_CHEST_FEELS} ... chest",
        "heart attack",
        "angina",
    ), unless=("muscle", "muscles", "pec", "pecs", "bench", "pushups", "push-ups", "gym")),
    Sign("chest_pressure", (
        "pressure|tightness|heaviness|squeezing|crushing|heavy|tight in|on|across my? chest",
        "pressure|tightness|heaviness|squeezing|crushing ... chest",
        "chest ... pressure|tight|tightness|heavy|heaviness|squeezing|squeezed|crushing|crushed",
        "heart attack",
        "crushing|squeezing ... heart",
    ), unless=("muscle", "muscles", "pec", "pecs", "bench", "pushups", "push-ups", "gym")),
    Sign("chest_pain_spreading", (
        f"chest ... {_SPREADS} ... arm|arms|jaw|neck|back|shoulder",
    )),
    Sign("sweating", ("sweating|sweaty|clammy|sweats", "cold sweat")),
    Sign("breathless", (
        "breathless|breathlessness",
        "short of breath",
        "shortness of breath",
        "can't|cannot catch my breath",
        "hurts|painful|hard|difficult|struggling|struggle to breathe|breath",
        "can't|cannot breathe|breath",
        "can hardly|barely breathe|breath",
    )),
    Sign("cannot_breathe", (
        "can't|cannot breathe|breath",
        "can hardly|barely breathe|breath",
        "struggling to breathe",
    ), unless=("nose", "nostril", "blocked", "congested", "running", "exercise", "after")),
    Sign("nausea", ("nausea|nauseous|vomiting", "feel|feeling sick", "throwing up")),
    Sign("severe", ("severe|excruciating|unbearable|agonising|agonizing|worst|terrible",)),
    # After needling
    Sign("after_needling", (
        "after|since ... needling|needles|needle|acupuncture",
        "needling|acupuncture ... yesterday|today|earlier|session",
    )),
    # Deep vein thrombosis
    Sign("calf_swollen", (
        "calf|calves ... swollen|swelling|red|hot|warm|puffy",
        "lower leg ... swollen|swelling|red|hot|warm|puffy",
        "swollen|swelling|red|hot|warm|puffy ... calf|calves",
    )),
    # Crisis
    Sign("suicidal_thoughts", (
        "suicidal|suicide",
        "kill myself",
        "end my life",
        "end it all",
        "want to die",
        "don't want to live",
        "don't want to be alive|here",
        "self harm",
        "self-harm",
        "harm|hurt|harming|hurting myself",
    )),
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
    RedFlagRule("fracture", EMERGENCY, ("trauma", "neck_pain")),
    RedFlagRule("stroke_signs", EMERGENCY, ("speech_trouble",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("face_numbness",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("one_sided_weakness",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("stroke_warning",)),
    RedFlagRule("stroke_signs", EMERGENCY, ("double_vision",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("swallowing_trouble",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("drop_attack",), with_any=("neck_pain", "headache")),
    RedFlagRule("stroke_signs", EMERGENCY, ("dizziness", "sudden_onset"), with_any=("neck_pain", "headache")),
    RedFlagRule("thunderclap_headache", EMERGENCY, ("thunderclap",)),
    RedFlagRule("thunderclap_headache", EMERGENCY, ("headache", "sudden_onset", "severe")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "stiff_neck")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "light_sensitivity")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("fever", "rash"), with_any=("headache", "neck_pain")),
    RedFlagRule("meningitis_signs", EMERGENCY, ("meningitis_warning",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pressure",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pain_spreading",)),
    RedFlagRule("cardiac", EMERGENCY, ("cardiac_warning",)),
    RedFlagRule("cardiac", EMERGENCY, ("chest_pain",), with_any=("sweating", "breathless", "nausea", "severe")),
    RedFlagRule("pneumothorax", EMERGENCY, ("after_needling",), with_any=("breathless", "chest_pain", "chest_pressure")),
    RedFlagRule("dvt", EMERGENCY, ("calf_swollen",), with_any=("breathless", "chest_pain")),
    RedFlagRule("breathing_difficulty", EMERGENCY, ("cannot_breathe",)),
    RedFlagRule("suicidal_thoughts", EMERGENCY, ("suicidal_thoughts",)),
    # A doctor today
    RedFlagRule("progressive_weakness", URGENT, ("worsening_weakness",)),
    RedFlagRule("fracture", URGENT, ("trauma",)),
    RedFlagRule("fracture", URGENT, ("osteoporosis",)),
    RedFlagRule("cancer", URGENT, ("cancer_history",)),
    RedFlagRule("cancer", URGENT, ("weight_loss",)),
    RedFlagRule("cancer", URGENT, ("night_pain",)),
    RedFlagRule("infection", URGENT, ("fever",)),
    RedFlagRule("infection", URGENT, ("injects_drugs",)),
    RedFlagRule("myelopathy", URGENT, ("clumsy_hands",)),
    RedFlagRule("myelopathy", URGENT, ("unsteady_walking",)),
    RedFlagRule("myelopathy", URGENT, ("both_hands_nerve",)),
    RedFlagRule("stroke_signs", URGENT, ("double_vision",)),
    RedFlagRule("headache_warning_signs", URGENT, ("headache_new_after_50",)),
    RedFlagRule("cardiac", URGENT, ("chest_pain",)),
    RedFlagRule("dvt", URGENT, ("calf_swollen",)),
)  # fmt: skip

# Which screen a body part gets: the spine and where sciatica starts, the neck, the head,
# the chest and the calf.
SCREEN_REGION_OF_BODY_PART: dict[str, str] = {
    "lower_back": "back", "back": "back", "mid_back": "back", "upper_back": "back",
    "buttock": "back", "leg": "back", "neck": "neck", "head": "head", "chest": "chest",
    "calf": "calf",
}  # fmt: skip

# Signs that mean little on their own (where it hurts, how suddenly): they never back a
# red flag that only the language model saw (see `clinic.safety.backs_model_red_flag`).
CONTEXT_ONLY_SIGNS = frozenset(
    {"neck_pain", "back_pain", "headache", "severe", "sudden_onset", "stiff_neck", "both_sides"}
)

_TRAUMA = "Did the pain start after a fall, an accident or a heavy knock?"

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
            covers=("weight_loss",),
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
        ),
        ScreenQuestion(
            "meningitis_warning",
            "Do you have a fever together with a stiff neck, a rash, or light hurting your eyes?",
            "meningitis_warning",
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
    ),
}
