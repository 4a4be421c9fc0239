"""Reasons not to needle, or to let the physiotherapist decide first (clinical facts, section 3).

Absolute ones make dry needling `not_advised`: the consultation can still cover other
physiotherapy. Relative ones make it `assess_first`. Phrases follow `clinic.red_flags`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from clinic.patient import YOU, Patient
from clinic.safety.red_flags import COMPANION, Sign


@dataclass(frozen=True)
class Contraindication:
    """A contraindication code (shared CONTRACT.md), how the clinic names it, whether absolute."""

    code: str
    absolute: bool
    label: str


CONTRAINDICATIONS: tuple[Contraindication, ...] = (
    Contraindication("needle_phobia", True, "a fear of needles or fainting with needles"),
    Contraindication("past_reaction", True, "a bad reaction to needling or injections before"),
    Contraindication("lymphoedema", True, "lymphoedema, or lymph nodes removed"),
    Contraindication("skin_infection", True, "an infection or broken skin where it hurts"),
    Contraindication("bleeding_disorder", True, "a bleeding disorder"),
    Contraindication("anticoagulants", False, "blood thinners or easy bruising"),
    Contraindication("pregnancy", False, "pregnancy"),
    Contraindication("immunosuppressed", False, "a weakened immune system"),
    Contraindication("heart_valve", False, "a replaced or diseased heart valve"),
    # Recorded as an implant: whether it is near the pain is the physiotherapist's check.
    Contraindication(
        "implant_near_site", False, "an implant (pacemaker, breast implant or joint replacement)"
    ),
    Contraindication("epilepsy", False, "epilepsy"),
    # Said back as told: "diabetic, no numb feet" was "diabetes, especially with numb feet".
    Contraindication("diabetes", False, "diabetes"),
    Contraindication("under_18", False, "a patient under 18"),
)
BY_CODE = {c.code: c for c in CONTRAINDICATIONS}
# The kinds of implant, each in its own words: a no to one is no no to another told.
_IMPLANT_KINDS = {
    "heart device": re.compile(r"\b(?:pacemaker|defibrillator|icd)\b", re.I),
    "breast implant": re.compile(r"\bbreast|silicone\b", re.I),
    "joint replacement": re.compile(
        r"\b(?:replace\w*|replacement|prosthe\w*|artificial|metal|titanium)\b", re.I
    ),
}


def implant_kinds(text: str) -> set[str]:
    """The kinds of implant `text` names ("a pacemaker", "my hip was replaced")."""
    return {kind for kind, words in _IMPLANT_KINDS.items() if words.search(text)}


# Warning-screen signs that are a contraindication too, when a direct question's yes records
# them: "are you pregnant at the moment?" asked of a pregnancy hinted (outside run 115 p05).
FROM_SIGNS = {"pregnant_now": "pregnancy", "on_blood_thinners": "anticoagulants"}

# Needles by what they are for too: "fainted at his flu shot", "at the blood test".
_NEEDLES = (
    "needle|needles|needling|injection|injections|jab|jabs|acupuncture|blood|shot|shots|"
    "vaccine|vaccines|vaccination|vaccinations|bloods|drip|cannula|tetanus|booster"
)

_FAINTED = (
    "woozy|swooned|collapsed|collapse|collapses",
    "keeled|keels over",
    "conked|flaked out",
    "hit the floor|deck",
    "went|goes|go|going down",
    "blacked|black out",
    "went|goes|turned all? white|grey|gray|pale",
)

SIGNS: tuple[Sign, ...] = (
    Sign("needle_phobia", (
        f"scared|afraid|terrified|frightened|fear|phobia|phobic|hate|panic ... {_NEEDLES}",
        # "The needle fear", "needles terrify her": the fear said after the needles.
        f"{_NEEDLES} ... scare|scares|terrify|terrifies|phobia|phobic|fear|fears|afraid|terrified",
        f"faint|fainted|fainting ... {_NEEDLES}",
        f"pass|passed|passing right|straight|clean|completely? out ... {_NEEDLES}",
        # "passed out the last time I had a blood test": further apart, by way of "time".
        f"faint|fainted|fainting|pass|passed|passing|blacked|black ... time|times ... {_NEEDLES}",
        f"{_NEEDLES} ... faint|fainted|fainting",
        # "They took blood and I passed right out" (outside run 125 w07, unsafe: never noted).
        f"{_NEEDLES} ... pass|passed|passing|passes right|straight|clean|completely? out",
        # Fainting said in everyday words: "went down when they took blood", "keeled over
        # at her vaccination" (outside run 69 p08: the stroke questions).
        *(f"{fainted} ... {_NEEDLES}" for fainted in _FAINTED),
        *(f"{_NEEDLES} ... {fainted}" for fainted in _FAINTED),
        # "She cries at vaccinations", "not a fan of needles": a fear told by what it does.
        f"cries|cry|crying|cried|screams|screaming|panics|panicked|freaks ... {_NEEDLES}",
        f"not a fan of|doesn't like|does not like|can't stand|cannot stand {_NEEDLES}",
        "trypanophobia",
    ), unless=("espresso", "coffee", "tequila", "vodka", "whisky", "whiskey", "drink", "drinks",
               # A fear said to be mild is nerves, not a phobia that rules needling out
               # (outside runs 15 to 17: "kinda scared... not fainting scared"). A degree
               # anywhere in the sentence ("a little", "kind of") is read by the screening
               # (`_mild_fear`); these say it with a fainting word or without a degree.
               "bit scared", "not that scared", "not fainting scared", "not like fainting",
               # "Could needling collapse a lung?": the lung's risk, no fainting.
               "lung", "lungs")),
    Sign("past_reaction", (
        f"bad|allergic|severe|awful|terrible reaction ... {_NEEDLES}",
        f"reacted|react badly ... {_NEEDLES}",
        f"{_NEEDLES} ... bad|allergic|severe|awful|terrible reaction",
    )),
    Sign("lymphoedema", (
        "lymphoedema|lymphedema",
        "lymph node|nodes|glands ... removed|out|taken|took|surgery|dissection|cleared",
        "removed|removal|taken|took ... lymph node|nodes|glands",
        "took|taken|removed|cut ... glands|nodes",
        "glands|nodes ... out|removed|taken|took",
        "arm|arms ... swells|swell|swelling|puffy ... since|after|sometimes",
    )),
    Sign("skin_infection", (
        "skin infection|infections",
        "infected skin|cut|wound|spot|sore|graze",
        "broken|open|cracked skin",
        "open wound|sore|cut",
        "cellulitis|impetigo",
        "cut|wound|graze|sore ... infected",
        # Any spot on the skin gone bad: "an ingrown hair that's gone infected", "a bug bite
        # got infected", "the tattoo looks inflamed".
        "hair|ingrown|pimple|zit|cyst|blister|bite|piercing|tattoo|scratch|scab|splinter"
        " ... infected|inflamed|festering",
        "gone|got|become|became|turned|getting|went infected|septic",
        "skin ... infected|broken|cracked|weeping",
        # Said by what it does: "a boil", "pus came out", "it's oozing", "red, hot and swollen".
        "abscess|abscesses|boil|boils|carbuncle|pus",
        "oozing|weeping|discharging|leaking ... pus|stuff|fluid|yellow|green",
        "spot|lump|bump|sore|cut|wound ... oozing|weeping|discharging",
        "oozy|weepy",
        # Skin not yet healed: a fresh tattoo or piercing, a scab (outside run 120 x7p03: "a
        # new tat... still kinda scabby" read as nothing).
        "new|fresh|recent tattoo|tattoos|tat|tats|piercing|piercings",
        "tattoo|tat|piercing ... scab|scabs|scabby|scabbing|raw|healing|peeling|weeping",
        "scab|scabs|scabby|scabbed|scabbing",
        "red ... hot|warm ... swollen",
        # Red hot skin, and an infection being treated (session 21).
        "skin ... red ... hot|warm",
        "infected ... antibiotic|antibiotics",
    # "Boil" is their lemma too. A skin infection healed or cleared up is over: a no
    # (`screening._PASSING`), which puts right an earlier yes.
    ), unless=("boiling", "boiled")),
    Sign("bleeding_disorder", (
        "haemophilia|hemophilia|haemophiliac|hemophiliac",
        "von willebrand",
        "bleeding|clotting disorder|condition|problem",
        "low platelets",
        "thrombocytopenia",
        "bleed easily",
        "bleed a lot",
    )),
    Sign("anticoagulants", (
        "blood thinner|thinners|thinning",
        "warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban"
        "|lixiana|clopidogrel|plavix|heparin|enoxaparin|clexane|ticagrelor|brilinta"
        "|anticoagulant|anticoagulants|anticoagulation"
        # The same medicines under other countries' names.
        "|marcumar|marcoumar|phenprocoumon|falithrom|acenocoumarol|sintrom|fluindione"
        "|previscan|dalteparin|fragmin|tinzaparin|innohep|lovenox|fondaparinux|arixtra"
        "|prasugrel|efient|effient|savaysa|iscover|dipyridamole|persantin",
        "aspirin ... daily|mg|milligrams",
        "aspirin ... every|each|most|a day|days|morning|night",
        # Each slot is one word: "baby aspirin" said alone was missed, as "daily|low dose|
        # low-dose|baby aspirin" read "low" then "dose|baby" (outside run 87 p08).
        "daily|baby aspirin",
        "low dose aspirin",
        "low-dose aspirin",
        "daily aspirin",
        # Painkillers with aspirin in them, taken daily: "Excedrin pretty much every day".
        "excedrin|anacin|ecotrin|bufferin|alka-seltzer|goody's|goodys ... daily|every|each|a day",
        "daily|every ... excedrin|anacin|ecotrin|bufferin|goody's|goodys",
        "blood ... thin|thinner|thinned|thinning",
        "thin|thins ... my|the? blood",
        # Taken against clots: "something for his blood, to stop clots".
        "stop|prevent|prevents|against ... clot|clots|clotting",
        "bruise|bruising easily",
        "easy bruising",
        # Medicines for the heart or against clots, names not known ("a bunch of heart
        # pills, dunno what", outside run 83 p08): they may well thin the blood, and the
        # physiotherapist checks the list (`precaution` asks for it).
        "heart|cardiac|afib|stent|clot|clots|stroke pill|pills|tablet|tablets|med|meds"
        "|medication|medications|medicine|medicines|drugs",
        "pill|pills|tablet|tablets|meds|medication|medications|medicine|medicines|something"
        "|stuff for|from|since|after my|his|her|the|a? heart|cardiologist|stent|stents|afib"
        "|clots|stroke|bypass",
        # A heart rhythm tablet, and the checks that set warfarin's dose (outside run 123 u05,
        # unsafe: "a finger-prick test every other Thursday so they can adjust the dose of his
        # heart rhythm tablet" read as nothing, at 81).
        "heart rhythm|beat pill|pills|tablet|tablets|med|meds|medication|medicine|medicines",
        "inr",
        "prick|pricks|fingerprick ... dose|doses|dosage",
        "prick|pricks|fingerprick test|tests|check|checks ... dose|doses|dosage",
        "blood test|tests|check|checks ... dose|doses|dosage",
        # "Is advil a blood thinner?": asking what a medicine is, not taking one.
    ), unless=("is that a blood thinner", "is it a blood thinner", "count as a blood thinner",
               "counts as a blood thinner", "is advil", "is ibuprofen", "is tylenol",
               "is paracetamol", "is aleve", "is naproxen", "are painkillers", "is that one")),
    Sign("pregnancy", (
        "pregnant|pregnancy|trimester|preggo|preggers",
        # Said in the writer's own language among English (outside run 79 p05: "i am
        # embarazada, 14 weeks").
        "embarazada|embarazo|grávida|gravida|enceinte|schwanger|incinta|zwanger|hamile",
        "weeks|months|month along",
        "expecting a? baby|twins",
        "baby ... due",
        "due date",
        "for|to|hurt|harm the baby|bump",
        "weeks gone",
        "expecting a baby",
        "having a baby",
        # Waiting for a baby, in other words ("I am waiting a baby", outside run 83 p03);
        # not "waiting for my baby to sleep": a child born.
        "waiting|awaiting|wait|waits for|on? a|our first|second|third|new? baby|babies|twins",
        # Expecting, said of a person: "she is expecting, 10 weeks" (outside run 70 p05).
        "she|i|we|wife|partner|girlfriend is|am|are|'s|'m|'re expecting",
        "i'm|im|she's|shes|we're|were expecting",
        # The month of it, as a non-native speaker may say ("i am in 5 month now", outside
        # run 89 p03; "I'm in my sixth month"), and the baby in the belly.
        *(f"am|'m|im|i'm|is|'s|she's in my|her? {n} month" for n in range(1, 10)),
        "am|'m|im|i'm|is|'s|she's in my|her first|second|third|fourth|fifth|sixth|seventh"
        "|eighth|ninth month",
        "am|'m|im|i'm|is|'s|she's in my|her 1st|2nd|3rd|4th|5th|6th|7th|8th|9th month",
        "baby in my|her|the? belly|tummy|stomach|womb",
        # "plus baby #2 is on the way" (outside run 91 p05: read as a child patient).
        "baby|babies|bub|bump|twins ... is|are on the|its way",
        # The weeks of it said of oneself: "im 24 wks" (outside run 92 p04: read as weight);
        # not "I'm 6 weeks post-op" (the unless list below).
        # (Each slot is one word: "i am" is two slots.)
        *(f"i'm|im|she's|shes|wife's {n} weeks|week|wks|wk" for n in range(4, 43)),
        *(f"i|she|wife am|is {n} weeks|week|wks|wk" for n in range(4, 43)),
        # The months too: "I am 5 month", "im 6 months" (outside run 104 p04: never
        # recorded); a grown writer is no months old, and a baby's age is "my son is".
        *(f"i'm|im|she's|shes|wife's {n} month|months|mths|mos" for n in range(1, 10)),
        *(f"i|she|wife am|is {n} month|months|mths|mos" for n in range(1, 10)),
        # A stage reached: "since I hit 5 months", "she just reached 28 weeks" (outside run
        # 106 p05: never recorded).
        *(f"i|she|wife|we just? hit|reached {n} month|months|mths|mos" for n in range(1, 10)),
        *(f"i|she|wife|we just? hit|reached {n} weeks|week|wks|wk" for n in range(4, 43)),
        # "because baby is coming", "our baby is coming soon".
        "baby|babies|twins is|are coming|due|arriving",
        # "i am 24 week with baby", "she is with child" (outside run 94 p04: never recorded).
        "am|'m|im|i'm|is|she's|shes with baby|child|twins",
        "week|weeks|wk|wks|month|months with baby|child|twins",
        # The baby felt: "just the baby sitting on my bladder", "the baby kicks".
        # (and "baby is sitting on everything", "baby's lying on a nerve": outside run 106
        # p05; never "on my hip" or "on my lap": a baby born and carried)
        "baby ... sitting|sits|pressing|presses|pushing|pushes|kicking|kicks|lying|lies|laying"
        "|lays|squashing|squashes|squishing|squishes|leaning|resting on|against|into my|her|the"
        "|a|all? everything|nerve|nerves|bladder|ribs|pelvis|spine|sciatic|bowel|bowels|lungs"
        "|cervix|organs|stuff",
        "the baby kicks|kicking",
        # The belly growing with the baby: "my belly is more big now, the baby is 5 month"
        # (outside run 93 p04: a stomach complaint, the pregnancy never recorded).
        "belly|bump|tummy ... big|bigger|growing|huge ... baby",
        "baby ... belly|bump|tummy ... big|bigger|growing|huge",
        "another|second|third|number ... baby|one on the|its way",
    ), unless=("weeks post", "wks post", "weeks out", "weeks after", "weeks since", "weeks into",
               "months post", "month post", "months out", "months after", "months since",
               "months old", "month old", "mths old", "months into", "months sober",
               "weeks in", "weeks of", "weeks off", "weeks sober", "weeks clean",
               "expecting a call", "expecting a callback", "expecting a phone", "expecting the",
               "expecting results", "expecting a reply", "expecting an email", "expecting a letter",
               "expecting a delivery", "expecting it", "expecting you", "expecting that",
               "expecting to")),
    Sign("immunosuppressed", (
        "immunosuppressed|immunocompromised|immunosuppressant|immunosuppressants",
        # Medicines that damp the immune system, by name.
        "methotrexate|biologic|biologics|humira|adalimumab|etanercept|enbrel|infliximab"
        "|remicade|rituximab|azathioprine|tacrolimus|ciclosporin|cyclosporine|mycophenolate"
        "|tofacitinib|baricitinib|upadacitinib|secukinumab|ustekinumab|immunotherapy",
        "weak|weakened|low|poor immune|immunity",
        "immune system ... weak|low|poor",
        "chemo|chemotherapy",
        "hiv",
        "transplant",
        # Steroid tablets taken day by day (outside run 127 z04, unsafe: "prednisone 20 mg
        # every day" read only as a bone risk); a cream, an inhaler or one injection are not.
        "prednisone|prednisolone|dexamethasone|methylprednisolone|medrol|deltasone",
        "steroid|steroids tablet|tablets|pill|pills|every|each|daily",
        "daily|oral steroid|steroids",
        "on|taking|take|takes steroid|steroids for",
    ), unless=("steroid injection", "steroid injections", "steroid cream", "steroid inhaler",
               "steroid spray", "steroid shot", "steroid jab", "steroid nasal")),
    # A heart valve, replaced or diseased: infection from a needle can settle on it (run
    # 52). Its own code, not a weak immune system (outside runs 68 and 71 p07: "she doesn't
    # have a weak immune system" took the valve off the list).
    Sign("heart_valve", (
        "heart valve replacement",
        "artificial|replacement|mechanical heart valve",
        "heart valve|valves",
        "aortic|mitral|tricuspid valve|valves",
        "mechanical|artificial|metal|tissue|prosthetic|pig valve|valves",
        "valve|valves ... replaced|replacement|surgery|operation|op|repair|repaired",
        # "on warfarin since her valve operation" (outside run 98 p03: missed until said
        # again as "the heart valve one").
        "valve operation|op|surgery|repair|replacement",
    )),
    Sign("implant_near_site", (
        "pacemaker|defibrillator|icd",
        # A heart device told by what it is (outside run 93 p03: "the small box under skin
        # on the left chest, for the heart"): the physiotherapist checks where it sits.
        "heart|cardiac device|box|monitor|machine|battery|implant",
        "device|box|monitor|machine|battery|gadget ... heart|heartbeat|cardiac",
        "device|box|monitor|machine|battery|gadget ... under|beneath|underneath ... skin",
        "breast|silicone implant|implants",
        "implant|implants",
        "hip|knee|shoulder|joint|ankle|elbow replacement",
        "replaced hip|knee|shoulder|joint",
        # "an artificial knee", "my new hip", "the knee was replaced", "metal hip".
        "artificial|new|metal|titanium|prosthetic hip|knee|shoulder|joint",
        "hip|knee|shoulder was|got|been replaced",
        # "had his hip replaced", "both knees replaced", "hip got fully replaced" (outside
        # run 106 p03: never recorded).
        "hip|hips|knee|knees|shoulder|shoulders|ankle|elbow ... replaced",
        "metal plate|plates|screws|rods|pins|work",
        "spinal fusion",
        # Seeds placed against a cancer are its treatment, no device (outside run 100 p07).
    ), unless=("seed implant", "seed implants", "radioactive seed", "radioactive seeds",
               "brachytherapy")),
    Sign("epilepsy", ("epilepsy|epileptic|seizure|seizures", "have|had fits")),
    # Not a pregnancy's diabetes, over with it or not of the nerves and healing needling
    # minds (outside run 85 p06: "gestational diabetes last pregnancy" was diabetes).
    Sign("diabetes", ("diabetes|diabetic|diabetics", "type 1|2|one|two diabetes", "insulin"),
         unless=("gestational", "pregnancy diabetes")),
    # A child or a teenager: written for by a parent, or asked about.
    Sign("under_18", (
        "my son|daughter|child|kid|boy|girl|teenager|teen",
        "my 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17 year old|yr old|yo",
        "my 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17-year-old",
        "teenager|teenagers|children|kids|child",
        "he|she is|'s 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17",
    ), unless=(*COMPANION, "with the kids", "with my kids", "the kids are", "our kids")),
)  # fmt: skip

# What the intake asks before any dry-needling recommendation, as one checklist: each line
# with the codes it asks about, so a line already answered is not asked again.
_LINES = (
    ("a fear of needles, or fainting with needles or injections", ("needle_phobia",)),
    ("blood thinners (such as warfarin, apixaban or daily aspirin), easy bruising or a "
     "bleeding disorder", ("anticoagulants", "bleeding_disorder")),
    ("pregnancy", ("pregnancy",)),
    ("lymphoedema, or lymph nodes removed", ("lymphoedema",)),
    ("an infection or broken skin where it hurts", ("skin_infection",)),
    ("a weakened immune system (for example chemotherapy, HIV or transplant medicines), or a "
     "heart valve replacement", ("immunosuppressed", "heart_valve")),
    ("an implant near the painful area (pacemaker, breast implant, joint replacement)",
     ("implant_near_site",)),
    ("epilepsy", ("epilepsy",)),
    ("diabetes with numb feet or slow healing", ("diabetes",)),
    ("a bad reaction to needling or injections before", ("past_reaction",)),
)  # fmt: skip


def _lines(leaving_out: set[str] = frozenset()) -> str:
    return "\n".join(f"- {line}" for line, codes in _LINES if not set(codes) & leaving_out)


CHECKLIST = _lines()
QUESTION = (
    f"Before I say whether dry needling could suit you, do any of these apply to you?\n{CHECKLIST}"
)
# Booking first: no verdict follows, the physiotherapist just needs to know.
_LEAD = {
    False: "Before I say whether dry needling could suit {who}, do any {of}these apply{to}?",
    True: "One more check for the physiotherapist: do any {of}these apply{to}?",
}
# Asked again after a message that did not answer it: not in the same words.
_LEAD_AGAIN = "Please answer this one before we go on: do any {of}these apply{to}?"


def checklist(
    named: list[str],
    booking: bool = False,
    again: bool = False,
    signs: Collection[str] = (),
    to: Patient = YOU,
    man: bool = False,
) -> str:
    """The checklist for the contraindication `named` codes already known: after one was
    named on the way, it asks about the others only. `booking` when the patient came to
    book: no verdict on needling follows, so none is promised. `signs` are the warning
    signs known: pregnancy is not asked of a patient 65 or over, nor of a `man`."""
    lead = _LEAD_AGAIN if again else _LEAD[booking]
    cannot = {"pregnancy"} if "aged_65_plus" in signs or man else set()
    if not labels(named):
        return f"{lead.format(of='of ', to=f' to {to.object}', who=to.object)}\n{_lines(cannot)}"
    return (
        f"You've told me about: {', '.join(labels(named))}. "
        f"{lead.format(of='others of ', to='', who=to.object)}\n{_lines(set(named) | cannot)}"
    )


# A precaution asked about again after its answer: said in short, not word for word.
PRECAUTION_AGAIN = (
    "As I said about {named}: the physiotherapist goes through it with you at the free "
    "consultation, before any needling, and decides with you whether and where to needle."
)
WHICH_ONES = 'Which ones? Tell me in your own words, for example "I take warfarin".'
PHYSIO_WILL_CHECK = (
    "No problem, the physiotherapist will go through these with you before any needling."
)
# "None of those other things apply", "no others", "none, unless a cut on my finger counts".
_NONE_SAID = re.compile(
    # "I just said none of the rest" (outside run 115 p03: "Sorry, I didn't recognise that").
    r"^\W*(?:none|nope|nah|no(?! idea| clue))\b|\bnone of (?:those|these|them|the others|that"
    r"|the rest|the other ones|the list|the above|it)\b"
    r"|\bno others\b|\b(?:don'?t|do not|doesn'?t|does not|dont|doesnt) apply\b"
    r"|\bnothing (?:like that|else|of (?:that|those|these))\b",
    re.IGNORECASE,
)


def says_none(text: str) -> bool:
    """Whether an answer to the checklist says that none of it applies, in a longer
    message too ("I'm 44, not a teenager! None of those other things apply to me")."""
    return bool(_NONE_SAID.search(text))


# Nerves about needles, said as mild ("a bit squeamish", "never fainted though"): no bar to
# needling, and worth a kind word (outside run 47: "Sorry, I didn't recognise that").
_NEEDLE_NERVES = re.compile(
    r"\b(?:scared|afraid|nervous|jittery|anxious|squeamish|wary|uneasy|not keen|"
    r"don'?t (?:love|like)|not a fan|funny about|hate)\b[^.!?]{0,30}"
    r"\b(?:needles?|needling|injections?|jabs?|shots?)\b"
    r"|\b(?:needles?|needling)\b[^.!?]{0,20}\b(?:scare|freak|make me nervous)",
    re.IGNORECASE,
)
MILD_NERVES = (
    "Plenty of people are a bit nervous of needles. The physiotherapist explains everything "
    "first, you can stop at any time, and nothing is needled without your agreement; there "
    "are other treatments too."
)


def nervous_of_needles(text: str) -> bool:
    """Whether the message tells of nerves about needles (a fear that rules needling out is
    the `needle_phobia` sign's): "only the needles thing, she's a little anxious about them"
    says it of the needles named before it."""
    return bool(_NEEDLE_NERVES.search(text)) or (
        fear_said_mild(text) and bool(_NEEDLE_NAMED.search(text))
    )


# A fear said to be mild, of whatever was told before ("it's more nerves than a fear", "a
# little scared maybe", "not a real phobia, just uneasy"): nerves, no bar to needling.
# Panic, terror or fainting said besides keeps it a fear (outside run 78 p03).
_NERVES = r"nervous|nerves|jittery|anxious|squeamish|wary|uneasy|apprehensive"
_FEARS = r"scared|afraid|frightened|fearful|worried"
_FEAR_SAID_MILD = re.compile(
    r"\b(?:a little|a bit|a tad|slightly|kinda|kind of|sort of|somewhat|mildly|only|just|bit"
    rf"|little)\s+(?:\w+\s+)?(?:{_NERVES}|{_FEARS})\b"
    rf"|\bmore\s+(?:{_NERVES})\b"
    r"|\bnot\s+(?:a\s+)?(?:real|big|proper|serious|strong|true|actual|huge)\s+(?:fear|phobia)\b"
    rf"|\bnot\s+(?:that|really|very|too|so)\s+(?:{_FEARS})\b"
    r"|\bnot\s+(?:a\s+)?phobi[ac]\b"
    # The fear as a noun, said small: "a small fear", "bit of fear", "the fear a little".
    r"|\b(?:a\s+)?(?:little|small|slight|mild|tiny|bit of)\s+(?:bit\s+of\s+)?fear\b"
    r"|\bfear\s+(?:a\s+)?(?:little|bit|tad)\b"
    # "never fainted", "hasn't ever passed out": the fainting denied is no fainting
    # (and "she doesn't actually faint", "he does not really pass out": outside run 106 p08)
    r"|\b(?:never|not|hasn'?t|haven'?t|didn'?t|doesn'?t|don'?t|has not|have not|does not|"
    r"do not)\s+(?:(?:ever|once|actually|really|even|truly)\s+)?"
    r"(?:fainted|faint|fainting|passed out|passing out|pass out|blacked out|black out|"
    r"keeled over)\b"
    r"|\bno\s+(?:fainting|passing out|blacking out)\b",
    re.IGNORECASE,
)
_FEAR_SAID_STRONG = re.compile(
    # "...i just got woozy once when they took blood" is a faint, nearly (outside run 95
    # p07: taken off the list as mere nerves).
    r"\b(?:terrified|petrified|phobia|phobic|panic\w*|terror|hysterical|faint\w*|passe[sd] out"
    r"|woozy|light-?headed|keel\w*|black(?:ed)? out"
    r"|pass out|black\w* out|keel\w* over|went (?:white|pale|grey|gray)|properly|really)\b",
    re.IGNORECASE,
)
_NEEDLE_NAMED = re.compile(r"\b(?:needles?|needling|injections?|jabs?|shots?)\b", re.IGNORECASE)


def fear_said_mild(text: str) -> bool:
    """Whether the message says a fear is mild, nerves rather than a phobia, with nothing
    strong (panic, terror, fainting) besides."""
    if not _FEAR_SAID_MILD.search(text):
        return False
    return not _FEAR_SAID_STRONG.search(_FEAR_SAID_MILD.sub(" ", text))


# A faint told in answer to the checklist, whose line asks of "fainting with needles or
# injections": "I almost passed out the first time" is that line (outside run 94 p05: not
# recorded, and the patient asked whether the physiotherapist would know).
_FAINT_TOLD = re.compile(
    r"\b(?:faint\w*|passe[sd] out|pass(?:ing)? out|black(?:ed)? out|blacking out|"
    r"light-?headed|woozy|keel\w* over)\b",
    re.IGNORECASE,
)
_FAINT_DENIED = re.compile(
    r"\b(?:never|not|no|without|hasn'?t|haven'?t|didn'?t|don'?t|doesn'?t|wasn'?t)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def faint_told(text: str) -> bool:
    """Whether a message answering the checklist tells of fainting, or nearly fainting, not
    denied ("never fainted" is none)."""
    return any(
        not _FAINT_DENIED.search(text[: found.start()]) for found in _FAINT_TOLD.finditer(text)
    )


# A faint's other cause: an empty stomach, heat, standing up fast, low blood sugar.
_FAINT_CAUSE = re.compile(
    r"\b(?:hadn'?t|had not|haven'?t|didn'?t|not)\s+(?:\w+\s+){0,2}?(?:eaten|eat|ate|had (?:any)?"
    r"(?:breakfast|lunch|food|anything))\b|\bskipped (?:\w+\s+){0,3}?(?:breakfast|lunch|dinner"
    r"|meals?)\b|\bfast(?:ing|ed)\b|\bempty stomach\b|\bno (?:breakfast|food)\b"
    r"|\bdehydrated\b|\b(?:boiling|really|so|very|too) hot\b|\bstood up too (?:fast|quick\w*)\b"
    r"|\blow (?:blood )?sugar\b|\bhung ?over\b",
    re.IGNORECASE,
)
# Fear said in the same breath: then the faint is no other cause's alone.
_FEAR_TOLD = re.compile(r"\b(?:panic\w*|terrified|scared|phobia|freak\w* out)\b", re.I)
_NO_FEAR = re.compile(
    r"\b(?:not|no|wasn'?t|isn'?t|never)\s+(?:\w+\s+){0,2}?(?:fear|scared|nerves|afraid|phobia)\b",
    re.IGNORECASE,
)


def faint_put_down(text: str) -> bool:
    """Whether the message puts a faint down to something other than the needle ("it
    wasn't nerves, I'd skipped breakfast"), with no fear told beside it."""
    if not _FAINT_CAUSE.search(text):
        return False
    return not _FEAR_TOLD.search(_NO_FEAR.sub(" ", text))


# Said with the notes read back: the precautions told, for the physiotherapist to see.
NOTED_TOO = "The physiotherapist will also see what you told me about: "

NOT_RECOGNISED = (
    'Sorry, I didn\'t recognise that as one of the list. You can say "none of these", or name '
    'it, for example "I\'m pregnant".'
)


def absolute(codes: list[str] | tuple[str, ...]) -> list[str]:
    """The codes among `codes` that rule dry needling out."""
    return [code for code in codes if code in BY_CODE and BY_CODE[code].absolute]


def labels(codes: list[str] | tuple[str, ...]) -> list[str]:
    """How the clinic names each code, for the patient and the console."""
    return [BY_CODE[code].label for code in codes if code in BY_CODE]


# What each one means for dry needling, in plain words, for a patient who mentions it or
# asks ("is it safe for the baby?"). From the fact sheet's section 3; never a yes or a no
# for this patient: the physiotherapist decides at the consultation.
PRECAUTIONS: dict[str, str] = {
    "pregnancy": (
        "In pregnancy dry needling is a precaution rather than a flat no: many clinics avoid "
        "it in the first three months, and some areas (the low back and pelvis) are avoided "
        "throughout. The physiotherapist will ask how far along you are; they can offer "
        "other treatment too. If you have bleeding, tummy pain or fewer baby movements, "
        "contact your OB or midwife today."
    ),
    "implant_near_site": (
        "With a pacemaker or defibrillator, electrical stimulation through the needles "
        "(electro-needling, TENS) is not used, and no needle goes near the device or its "
        "leads. Near a joint replacement or a breast implant, needles are kept away from the "
        "implant. Plain dry needling elsewhere may still be possible: the physiotherapist "
        "checks where your implant is first."
    ),
    "anticoagulants": (
        "Blood thinners (warfarin, apixaban, rivaroxaban, clopidogrel, daily aspirin) don't "
        "rule dry needling out, but bruising is more likely and deep muscles where pressure "
        "can't stop a bleed are avoided. Keep taking your medicine as prescribed, and tell the "
        "physiotherapist which one (and your latest INR if you take warfarin)."
    ),
    "bleeding_disorder": (
        "With a bleeding disorder, dry needling of deep muscles is not advised, because "
        "pressure can't stop a bleed there. Other physiotherapy can still help; the "
        "physiotherapist will go through the options."
    ),
    "immunosuppressed": (
        "Medicines that damp down the immune system (such as methotrexate, biologics, steroid "
        "tablets or transplant medicines) and treatments like chemotherapy raise the risk of "
        "an infection from a needle. It isn't always a no, but the physiotherapist needs to "
        "know and decides, with extra care or other treatment. Please don't stop your "
        "medicine."
    ),
    "heart_valve": (
        "A replaced or diseased heart valve raises the risk that an infection from a needle "
        "settles on the valve. It isn't an implant near the painful area, and it isn't always "
        "a no, but the physiotherapist needs to know and decides, with extra care (sometimes "
        "after a word with your heart doctor) or other treatment. Please don't stop any "
        "medicine."
    ),
    "lymphoedema": (
        "Needles are not used in a limb with lymphoedema, or on the side where lymph nodes "
        "were removed (for example the arm after breast surgery), because of the risk of "
        "infection and swelling. Other areas and other physiotherapy may still be possible."
    ),
    "epilepsy": (
        "Well-controlled epilepsy doesn't rule dry needling out, but it is a precaution: "
        "treatment is given lying down and the physiotherapist needs to know your seizure "
        "pattern. If seizures are not controlled, needling isn't used."
    ),
    "diabetes": (
        "With diabetes, especially numb feet or slow healing, the physiotherapist avoids "
        "needling areas you can't feel well and takes extra care of the skin. Numbness that "
        "is long-standing and known to your doctor is not an emergency; new or spreading "
        "numbness is worth a call to your doctor."
    ),
    "under_18": (
        "We see teenagers with a parent or guardian, who consents for them and stays during "
        "the session. Dry needling is used with extra care under 18, and other treatment often "
        "suits young people better. For younger children, please speak to their doctor first."
    ),
    "needle_phobia": (
        "If needles frighten you or you have fainted with them, dry needling is usually not "
        "advised, and that's fine: the physiotherapist will talk it through with you and has "
        "other treatments for muscle pain."
    ),
    "past_reaction": (
        "After a bad reaction to needling or injections, dry needling is not advised. The "
        "consultation can still cover other physiotherapy."
    ),
    "skin_infection": (
        "Needles never go through infected or broken skin. Once it has healed, or in another "
        "area, needling may be possible. A spot or wound that is hot, swollen or has pus "
        "should be seen by your doctor soon, today if you have diabetes, a fever or spreading "
        "redness."
    ),
}
DECIDES = "The physiotherapist decides with you at the free consultation."


# A joint or breast implant named, no device: the answer about it first, in its own words.
_JOINT_IMPLANT = (
    "Near a joint replacement or a breast implant, needles are kept well away from the "
    "implant, so no infection can reach it. Needling muscles elsewhere (away from that "
    "joint) may still be possible: the physiotherapist checks where your implant is first."
)
_DEVICE = re.compile(r"\b(?:pacemaker|defibrillator|icd|device)\b", re.IGNORECASE)
# Heart medicines told without a name (the `anticoagulants` sign reads them as possible
# blood thinners): the answer asks for the list rather than speaking of "your" thinner.
_HEART_MEDICINES_UNNAMED = (
    "Some heart medicines thin the blood (such as warfarin, apixaban, clopidogrel or a daily "
    "aspirin). That doesn't rule dry needling out, but bruising is more likely and deep "
    "muscles where pressure can't stop a bleed are avoided. Please bring your medicines, or "
    "a list of them, to the consultation so the physiotherapist can check; keep taking them "
    "as prescribed."
)
_THINNER_NAMED = re.compile(
    r"\b(?:thin\w*|warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa"
    r"|edoxaban|lixiana|clopidogrel|plavix|heparin|enoxaparin|clexane|aspirin|ticagrelor"
    r"|brilinta|prasugrel|anticoag\w*|bruis\w*|sintrom|marcumar)\b",
    re.IGNORECASE,
)
_FOR_THE_HEART = re.compile(
    r"\b(?:heart|cardiac|cardiologist|afib|stents?|clots?|stroke|bypass)\b", re.IGNORECASE
)


# Each precaution's own words, to know one held when a later question names it however
# loosely ("the lymph nodes under my arm, is that a problem?": outside run 119 p02, asked
# three times).
_OWN_WORDS = {
    code: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    for code, words in {
        "lymphoedema": r"lymph\w*|nodes?|glands?",
        "pregnancy": r"pregnan\w*|baby|bump|expecting",
        "implant_near_site": r"pacemaker|defibrillator|implants?|replacement|replaced",
        "needle_phobia": r"faint\w*|passed out|pass out|woozy|scared of needles|fear of needles",
        "past_reaction": r"reaction",
        "skin_infection": r"infect\w*|wound|cut|tattoo|tat|scab\w*|boil|graze|broken skin",
        "epilepsy": r"epilep\w*|seizures?|fits?",
        "diabetes": r"diabet\w*|sugars?|insulin",
        "immunosuppressed": r"chemo\w*|immun\w*|hiv|transplant|steroids?",
        "heart_valve": r"valves?",
        "bleeding_disorder": r"bleed\w*|haemophilia|hemophilia|von willebrand",
    }.items()
} | {
    # Not `_THINNER_NAMED`'s "thin...": "the valve is the only thing" names no thinner.
    "anticoagulants": re.compile(
        _THINNER_NAMED.pattern.replace(r"thin\w*|", r"(?:blood )?thinners?|thinning|"),
        re.IGNORECASE,
    )
}


def held_named(text: str, held: Iterable[str]) -> list[str]:
    """The precautions of `held` that `text` names in any of their own words."""
    return [code for code in held if code in _OWN_WORDS and _OWN_WORDS[code].search(text)]


def precaution(code: str, said: str = "") -> str | None:
    """What `code` means for dry needling, in plain words, ending with who decides; for an
    implant, the words for the one `said` (a joint, or a pacemaker)."""
    text = PRECAUTIONS.get(code)
    if code == "implant_near_site" and said and not _DEVICE.search(said):
        text = _JOINT_IMPLANT
    if code == "anticoagulants" and _FOR_THE_HEART.search(said) and not _THINNER_NAMED.search(said):
        text = _HEART_MEDICINES_UNNAMED
    if code == "pregnancy" and text and (along := _HOW_FAR_ALONG.search(said)):
        # "She is pregnant, 14 weeks": told already, not to be asked (outside run 58).
        text = text.replace(
            "The physiotherapist will ask how far along you are;",
            "The physiotherapist takes into account how far along you are;",
        )
        weeks = _weeks_along(along)
        if weeks is not None and weeks < _MOVEMENTS_FELT_WEEKS:
            # Not felt yet: "fewer baby movements" at 14 weeks worries for nothing.
            text = text.replace(
                "bleeding, tummy pain or fewer baby movements", "bleeding or tummy pain"
            )
    return f"{text} {DECIDES}" if text else None


_HOW_FAR_ALONG = re.compile(
    r"\b(\d{1,2})\s*(weeks?|wks?|w|months?)\b|\b(first|second|third|1st|2nd|3rd) trimester\b"
    r"|\btrimester\b",
    re.IGNORECASE,
)
# Fewer movements is a warning once they are felt every day, from about 24 weeks (RCOG
# Green-top Guideline 57, reduced fetal movements).
_MOVEMENTS_FELT_WEEKS = 24


def _weeks_along(found: re.Match[str]) -> float | None:
    """How many weeks along a pregnancy said as "14 weeks", "3 months" or "first trimester"
    is; None when it says no number."""
    if found[1]:
        number = int(found[1])
        return number * 4.3 if found[2].lower().startswith("m") else number
    trimester = (found[3] or "").lower()[:1]
    return {"f": 6.0, "1": 6.0, "s": 20.0, "2": 20.0}.get(trimester) if trimester else None
