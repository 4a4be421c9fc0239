"""The body systems and findings red flags are about, in the words patients use for them.

A concept is a set of words and short phrases: everyday ("wee", "loo"), euphemistic
("down there", "waterworks"), and the clinical word. Typos are mended when matching, as for
every phrase. Signs in `clinic.safety.red_flags` use a concept as one slot of a phrase:
`{urination} ... {control_loss}` reads "can't tell when I need to go" and "only a dribble
comes out" alike, where a phrase list learned only the sentences it was shown.

`GUARDS` say which concepts, touched in a message the rules could not decide on, call for
the one direct question at once ("You mentioned your bladder: ..."). A yes escalates.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

# Where fainting or dizziness is the needles': a blood test or a jab (never "needles"
# alone, which may be pins and needles, nor "shot", which pain does).
NEEDLE_OCCASIONS = (
    "took blood", "take blood", "taking blood", "takes blood", "drew blood", "draw blood",
    "drawing blood", "blood test", "blood tests", "blood draw", "blood taken", "blood drawn",
    "bloods", "injection", "injections", "jab", "jabs", "vaccination", "vaccinations",
    "vaccine", "flu shot", "cannula",
)  # fmt: skip

_CHILD_AGES = range(2, 18)
# How far along a pregnancy a stage is named by ("since about 20 weeks").
_GESTATION_WEEKS = range(12, 42)
_AGE_UNITS = (" year old", "-year-old", " yr old", " yo", "yo", " years old")  # fmt: skip
_DIFFICULTY = (
    "can't", "cannot", "cant", "couldn't", "trouble", "difficulty", "difficult", "hard",
    "struggle", "struggling", "fumble", "fumbling", "won't fill", "wont fill", "not filling",
    "isn't helping", "not helping", "dropping", "keep dropping",
)  # fmt: skip

CONCEPTS: dict[str, tuple[str, ...]] = {
    # Cauda equina
    "urination": (
        "pee", "peeing", "peed", "wee", "weeing", "weed", "urine", "urinate", "urinating",
        "urination", "bladder", "waterworks", "pass water", "passing water", "piss",
        # "Can't hold my water": the bladder, never a drink.
        "hold my water", "holding my water", "hold water", "holding water", "my water",
        "pissing", "stream", "flow", "dribble", "dribbles", "dribbling", "trickle",
        "number one", "the loo", "the toilet", "to go", "incontinence", "incontinent",
        # The bathroom as it is used, not as a room ("slipped in the bathroom").
        "go to the bathroom", "going to the bathroom", "use the bathroom", "using the bathroom",
        "went to the bathroom",
        "catheter", "pad", "pads",
        # "A few little accidents": wetting, said kindly (outside run 81 p01).
        "little accidents", "few accidents", "couple of accidents", "odd accident",
        "having accidents", "wet herself", "wet himself", "wet myself", "wetting",
    ),
    "bowel": (
        "poo", "pooing", "pooed", "poop", "bowel", "bowels", "stool", "stools", "number two",
        "pass wind", "passing wind", "wind", "fart", "farts", "back passage", "motions",
        "constipated", "constipation",
    ),
    "control_loss": (
        "can't control", "cannot control", "no control", "lost control", "losing control",
        "out of control", "can't hold", "couldn't hold", "can't hold it", "didn't feel it",
        "don't feel it", "without noticing", "without realising", "without realizing",
        "don't know when", "can't tell when", "no urge", "don't get the urge",
        "dont get the urge", "lost the urge", "can't start", "can't get it started",
        "hard to start", "won't come", "wont come", "nothing comes out",
        "barely anything comes out", "barely anything", "hardly anything",
        "only a dribble", "just a dribble", "never empties", "doesn't empty",
        "not emptying", "can't empty", "havent weed", "haven't weed", "havent peed",
        "haven't peed", "leak", "leaks", "leaking", "leaked", "leaky", "leakage", "accident",
        "accidents",
        "wet myself", "wet herself", "wet himself", "wetting myself", "wet the bed",
        "soiled", "soiling", "can't go", "cant go", "couldn't go", "struggle to go",
        "struggling to go", "hard to go",
    ),
    "saddle_area": (
        "bottom", "bum", "anus", "back passage", "genitals", "genital",
        "groin", "crotch", "privates", "private parts", "private area", "down there",
        "down below", "between my legs", "between the legs", "saddle", "perineum",
        "vagina", "penis", "inner thigh", "inner thighs", "wipe", "wiping", "toilet paper",
        "sex", "lady parts", "nether regions", "testicles", "balls", "scrotum",
        "sit on the toilet", "on the toilet", "when i clean", "clean myself", "after toilet",
        "after the toilet", "the paper",
    ),
    "sensation_loss": (
        "numb", "numbness", "numbish", "tingling", "tingly", "tingle", "pins and needles",
        "can't feel", "cannot feel", "cant really feel", "don't feel", "dont feel",
        "not feel", "no feeling", "no sensation", "lost feeling", "lost sensation",
        "less feeling", "reduced feeling", "dead", "deadness", "feels different",
        "feel different", "like after the dentist", "anaesthetic", "anesthetic",
        "rubbery", "cotton wool", "prickling", "feels weird", "feels strange",
        "not feel nothing",
        "glove", "like wearing a glove", "cotton wool",
    ),
    # Stroke and cervical arteries
    # Speaking as such: a stroke sign only with a difficulty ("can't get my words out");
    # "can I talk to a real person" is a request.
    "speech": (
        "speech", "speak", "speaking", "talk", "talking", "words", "word", "say what i mean",
        "sentence", "sentences",
    ),
    # Speech gone wrong, a sign by itself. Not "if it makes sense" or advice that "doesn't
    # make sense to me" (outside run 67 p07: the stroke question): talk not making sense.
    "speech_trouble": (
        "slurred", "slurring", "slur", "mumbling", "nonsense", "gibberish", "garbled",
        "jumbled", "not making sense", "isn't making sense", "wasn't making sense",
        "stopped making sense",
    ),
    # Doing something is hard: for hands and breathing.
    "difficulty": _DIFFICULTY,
    # ...or comes out wrong: for speech ("words come out funny"), never for a "wrong button".
    "trouble": (
        *_DIFFICULTY, "funny", "weird", "strange", "wrong", "muddled", "mixed up", "mixing",
        "not right", "jumbled", "slurred", "nonsense", "odd",
        "slurry", "slurring", "like he's drunk", "like she's drunk", "like hes drunk",
        "like shes drunk",
    ),
    "vision": ("vision", "eyesight", "sight", "eyes", "seeing"),
    # "Just to double check", "double-booked": "double" that is no sight at all.
    "double_other": (
        "double check", "double-check", "double checked", "double-checked", "double checking",
        "double booked", "double-booked", "double booking", "double shift", "double shifts",
    ),
    # Only what is wrong with sight: "my vision is fine" touches vision, not this.
    "vision_problem": (
        "double vision", "seeing double", "see double", "seeing two", "see two", "double",
        "2 of everything", "two of everything", "blurred", "blurry",
        "lost my sight", "won't focus", "wont focus", "can't focus", "cant focus", "grey",
        "gray", "go dark", "went dark", "goes dark", "went dim", "goes dim", "gone dim",
        "dimmed", "misty", "went black", "tunnel vision", "blacked out",
        "blackout", "flashing lights", "curtain", "half my vision",
        "half of what", "lost the sight", "lost my vision", "lost the vision", "lost half", "blind",
        "can't see properly", "can't see clearly", "can't see out", "can't see anything",
        "can't see straight",
        "sparkly lights", "sparkles", "sparkly", "zigzag", "zigzags", "zig zag",
        "spots in my vision", "spots before my eyes",
    ),
    "face": (
        "face", "facial", "smile", "mouth", "lip", "lips", "cheek", "one side of my face",
        "half my face", "eyelid",
    ),
    "droop": (
        "droop", "drooping", "droopy", "drooped", "dropped", "sagging", "lopsided",
        "crooked", "won't move", "wont move", "numb", "heavy", "weak",
    ),
    "one_side": (
        "half my body", "one side of my body", "left side of my body",
        "right side of my body", "arm and leg", "arm and my leg", "hand and leg",
        "face and arm", "arm and face",
    ),
    "vertigo": (
        "dizzy", "dizziness", "vertigo", "room spinning", "spinning", "spinny", "off balance",
        "lightheaded", "light headed", "light-headed", "woozy", "giddy", "floor moving",
        "floor is moving", "floor feels like", "room goes round", "world moving",
    ),
    # A blood test or a jab: dizziness or going grey there is the needles' (outside run 69
    # p08: the stroke questions for fainting at a blood draw).
    "needle_occasion": NEEDLE_OCCASIONS,
    # The needles themselves, or a fear of them: "its not a phobia i just get woozy" with
    # needling asked about is the needles' dizziness (outside run 100 p06: stroke questions).
    "needle_talk": ("needle", "needles", "needling", "phobia", "phobic", "shots", "needle-phobic"),
    "swallowing": ("swallow", "swallowing", "choke", "choking"),
    "sore_throat": (
        "sore throat", "sore throats", "throat is sore", "throat hurts", "throat infection",
        "tonsils", "tonsillitis", "strep", "strep throat", "swollen glands", "a cold",
        "painful to swallow", "swallowing is painful", "hurts to swallow",
        "swallowing hurts", "painful swallowing",
    ),
    # Progressive neurological deficit and myelopathy
    "weakness": (
        "weak", "weaker", "weakness", "buckles", "buckling", "giving way", "gives way",
        "dragging", "drag", "grip", "strength", "useless",
        "no power", "no strength", "jelly", "gives up", "gave up", "gives out", "floppy",
        "flopping", "flops", "hangs", "hanging",
        "won't lift", "wont lift", "can't lift",
    ),
    "progressing": (
        "by the day", "each day", "every day", "than a week ago", "than last week",
        "than before", "more and more", "more often", "getting", "going", "worse and worse",
        "day by day", "week by week", "keeps getting",
        "by the hour", "hour by hour", "every hour", "creeping", "since this morning", "more weak",
        "every day more",
        "worse", "weaker",
    ),
    # A child or teenager: the words, and an age under 18 given as a number.
    "young": (
        "child", "children", "kid", "kids", "teenager", "teen", "teenage", "boy", "girl",
        "schoolboy", "schoolgirl", "toddler", "son", "daughter",
        *(f"{age}{unit}" for age in _CHILD_AGES for unit in _AGE_UNITS),
    ),
    # The cord in the neck: an electric shock down the spine when the head bends forward.
    "neck_move": (
        "chin down", "chin to my chest", "chin on my chest", "bend my head", "bending my head",
        "bend my neck", "bending my neck", "nod", "nodding", "look down", "looking down",
        "head forward", "head down", "flex my neck", "tuck my chin",
    ),
    "electric": (
        "electric", "electricity", "electrical", "shock", "shocks", "zap", "zaps", "zapping",
        "buzz", "buzzing", "jolt", "jolts", "current",
    ),
    # Walking that has lost its balance (habits, not one trip on the stairs).
    "gait": (
        "feet wide apart", "wide apart", "like i'm drunk", "like im drunk", "like a drunk",
        "on a ship", "on a boat", "stumbles", "stumbling", "staggering", "staggers",
        "veering", "bumping into",
    ),
    "stiff": (
        "stiff", "stiffness", "rigid", "locked", "solid", "won't bend", "wont bend",
        "can't bend", "cant bend", "cannot bend", "won't move", "can't move", "cannot move",
        "like a board", "very hard", "chin to my chest", "chin on my chest",
        "plank", "like a plank", "can't look down", "cant look down", "can't put my chin",
    ),
    # Sudden and fast: weakness spreading within hours.
    "rapidly": (
        "by the hour", "hour by hour", "every hour", "since this morning", "within hours",
        "in a few hours", "since last night", "overnight",
    ),
    "hip_knee": ("hip", "hips", "knee", "knees", "thigh", "thighs", "groin"),
    "limp": ("limp", "limping", "limps", "hobbling", "hobble", "hobbles", "limped"),
    "hand_skill": (
        "buttons", "button", "type", "typing", "write", "writing", "handwriting", "grip",
        "jars", "jar", "keys", "pick up", "drop things", "dropping things", "dropping cups",
        "chopsticks", "zip", "shoelaces", "laces", "fingers",
        "cup", "cups", "mug", "mugs", "remote", "coins", "coin", "signature", "sign my name",
        "cutlery", "fork", "pen", "spoon",
        # What a working hand holds: "he did drop a drill at work" (outside run 101 p07).
        "tools", "tool", "drill", "instruments", "instrument",
    ),
    # Said of a headache: SNOOP's change of pattern and triggers.
    "pattern_change": (
        "changed", "changing", "different", "used to", "new thing", "never before",
        "never had", "first time", "wakes me", "woke me", "waking me", "wake me up",
        "every day now",
    ),
    "trigger_when": ("when", "whenever", "every time", "if", "each time"),
    "strain": (
        "cough", "coughing", "sneeze", "sneezing", "strain", "straining", "laugh", "laughing",
    ),
    # Can't bear weight (Ottawa rules).
    "cant": ("can't", "cannot", "can not", "unable to", "couldn't", "could not"),
    # A child who won't: "won't put weight on it", "refuses to walk".
    "wont": ("won't", "wont", "will not", "refuses to", "refused to", "refusing to"),
    "bear_weight": (
        "walk", "stand", "step on it", "put weight on it", "put weight on", "put any weight",
        "any weight", "take weight",
        "weight through", "weight bear",
        "bear weight", "stand on it", "walk on it",
    ),
    "lately": (
        "yesterday", "today", "earlier", "ago", "session", "this morning", "this afternoon",
        "last night", "this week", "since",
    ),
    # Tiredness: no sign by itself, but a "no, but I'm always tired" to the screen's list
    # tells of how the patient feels (the unwell line is asked on its own).
    "tired": (
        "tired", "exhausted", "fatigue", "fatigued", "run down", "worn out", "wiped out",
        "drained", "no energy",
    ),
    # Headache
    "head": ("headache", "headaches", "head", "migraine", "migraines", "skull"),
    # Chewing and eating, where a tired or aching jaw shows (giant cell arteritis).
    "eating": (
        "chew", "chews", "chewing", "chewed", "eat", "eats", "eating", "meal", "meals", "food",
        "sandwich", "steak", "bite", "biting", "toast", "bread", "gum",
    ),
    "vomiting": (
        "vomit", "vomits", "vomiting", "vomited", "throw up", "throwing up", "threw up",
        "throws up", "thrown up", "puke", "puking", "puked", "been sick", "was sick", "being sick",
        "is sick", "gets sick", "brings up", "bringing up", "brought up",
    ),
    "sudden": (
        "sudden", "suddenly", "out of nowhere", "out of the blue", "instant", "instantly",
        # Said as typed: "outta nowhere", "outa the blue", "like getting hit" (outside run 60).
        "outta nowhere", "outa nowhere", "outta the blue", "like getting hit", "like got hit",
        "in seconds", "within seconds", "within a minute", "in a minute", "under a minute",
        "a second", "one second", "split second", "like a bang", "like a bomb", "bomb",
        "gunshot", "lightning", "thunderclap", "like being hit", "0 to 100", "0 to 10",
        "nothing to 10", "from nothing", "full force", "full strength", "exploded",
        # "Flat" alone is a mood ("I feel flat"); knocked flat is sudden.
        "explosion", "knocked me flat", "knocked flat", "all at once", "all of a sudden",
        # "It kinda went bang at the back of my head" (outside run 14).
        "went bang", "a bang", "went pop", "popped", "something burst", "like it burst",
        # A blow, however it is put: "like someone swung a bat", "like a hammer came down"
        # (outside run 96 p06, unsafe: booked for needling).
        "just hit me", "like a hammer", "a hammer", "sledgehammer", "baseball bat",
        "swung a bat", "with a bat", "a bat hit", "like a brick", "like a truck",
    ),
    "worst": (
        "worst", "never felt anything like", "never had pain like", "strongest",
        "never had one this bad", "never had one so bad", "never had it this bad",
        "never had it so bad", "never this bad", "never been this bad", "never felt this bad",
        "10/10", "10 out of 10", "unbearable", "excruciating", "agony",
    ),
    # The worst pain ever, not the worst time of day: "worst pain i've ever had".
    "worst_ever": (
        "worst pain i've ever", "worst pain ive ever", "worst pain i have ever", "worst pain ever",
        "worst i've ever", "worst ive ever", "worst ever", "worst of my life",
        "never felt anything like", "never had pain like", "excruciating", "unbearable", "agony",
        "never had one this bad", "never had one so bad", "never had it this bad",
        "never had it so bad", "never this bad", "never been this bad", "never felt this bad",
    ),
    "new_onset": (
        "new", "never had", "never been", "never get", "started getting", "started having",
        "started", "recently", "lately", "for the first time", "first time",
    ),
    # Infection and meningitis
    "temperature": (
        "fever", "feverish", "temperature", "temp", "hot to touch", "hot to the touch",
        "burning up", "chills", "shivers", "shivering", "rigors", "sweats", "thermometer",
        "high temp",
    ),
    "light": ("light", "lights", "daylight", "bright", "sunlight", "the sun", "dark room"),
    "hurts": (
        "hurt", "hurts", "hurting", "painful", "pain", "sore", "ache", "aches", "aching",
        "unbearable", "can't stand", "can't bear", "bother", "bothers", "sting",
        "sun", "sunshine", "lamp",
        "knives", "stabbing", "too much", "kills", "killing", "burns", "molesting",
    ),
    # Cancer
    "weight": (
        "weight", "kg", "kilo", "kilos", "stone", "stones", "pounds", "lbs", "dress size",
        "dress sizes", "skinny", "thinner",
    ),
    # Weight put on, or kept: "I've put on a few pounds if anything", "my weight is stable".
    "weight_kept": (
        "put on", "gained", "gaining", "gain weight", "piled on", "heavier", "stable",
        "the same", "hasn't changed", "not changed", "steady",
        # "carrying a lot more weight up front these days" (outside run 95 p06: asked about
        # weight lost, at 20-odd weeks pregnant).
        "more weight", "extra weight", "extra pounds", "extra kilos", "weight gain",
    ),
    # Weight lost on purpose: "lost 8 lbs but that's on purpose, I'm cutting" (outside run
    # 106 p06: asked about weight lost without trying, then the cancer line again).
    "weight_meant": (
        "on purpose", "purposely", "deliberately", "intentionally", "diet", "dieting",
        "cutting", "calorie", "calories", "slimming", "weight watchers", "trying to lose",
        "tried to lose", "wanted to lose", "meant to lose", "ozempic", "wegovy", "mounjaro",
        "semaglutide",
    ),
    # Clothes tell of weight lost only when they have changed: "my belt is on a tighter
    # notch", "jeans are hanging off me"; "just above my belt" is a place.
    "clothes": (
        "size", "sizes", "belt", "notch", "notches", "clothes", "trousers", "jeans", "pants",
    ),
    "looser": (
        "loose", "looser", "baggy", "baggier", "hanging off", "falling off", "smaller",
        "tighter notch", "new notch", "another notch", "dropped", "too big",
    ),
    # Cardiac
    "chest": (
        "chest", "breastbone", "sternum", "behind my breastbone", "heart",
        "weight on my chest", "band around my chest",
        # "An elephant sitting on my chest": how many describe heart pressure.
        "elephant",
    ),
    # Whole-body effort that makes the heart work (not a shoulder's own lifting or swimming,
    # which strains the muscle itself).
    "exertion": (
        "stairs", "upstairs", "uphill", "up the hill", "up a hill", "hill", "incline",
        "walking", "walk", "exercise", "exertion", "climb", "climbing", "running",
        "effort", "exert", "hurry", "hurrying", "rushing", "rush", "flights", "jog",
        "jogging", "brisk", "walk fast", "walking fast", "mow", "mowing", "shovel",
        "shovelling", "shoveling", "dig", "digging", "run for the bus", "cycling uphill",
        # Carrying a load up: the groceries, the shopping, boxes up the stairs.
        "carrying", "carried", "lugging", "lugged", "hauling", "hauled",
    ),
    # Straining that brings a headache on (SNOOP: precipitated by exertion or Valsalva).
    "straining": (
        "deadlift", "deadlifts", "deadlifting", "squat", "squats", "squatting", "bench press",
        "bench pressing", "workout", "working out", "gym", "lifting weights", "weightlifting",
        "straining", "strained", "during sex", "orgasm", "heavy lifting",
    ),
    "rest_eases": (
        "rest", "resting", "stop", "stopping", "sit down", "goes away", "goes off", "fades",
        "fades away", "dies down", "passes",
        "eases", "eases off", "settles", "its gone", "it's gone",
        "goes", "it goes", "wears off", "calms down", "settles down",
        "sat down", "sitting down", "stand still", "standing still", "stood still", "a rest",
        "a breather",
    ),
    "heart_arm": ("arm", "arms", "jaw", "shoulder", "shoulder blade"),
    "breathing": (
        "breath", "breathe", "breathing", "breathless", "breathlessness",
        "short of breath", "shortness of breath", "puffed", "puffing", "panting",
        "get air", "getting air", "catch my breath", "gasping", "out of breath",
        "inhale", "inhaling", "deep breath", "full breath",
        "air", "lung", "lungs", "inhaler",
        "winded",
    ),
    "needling": (
        "needle", "needles", "needling", "needled", "acupuncture",
        "dry needling",
    ),
    # A risk of the needles asked about, not needling had: "can the needles puncture a
    # lung, is that true?" (outside run 76 p05: asked "since the needling...").
    "risk_asked": (
        "can puncture", "could puncture", "can make", "could make", "can cause", "could cause",
        "puncture a", "pierce a", "hole in", "collapse a", "is that true", "is it true",
        "is true", "true that", "reckons", "heard that", "read that", "risk", "risks",
    ),
    # Aorta
    "tearing": (
        "tear", "tearing", "torn", "rip", "ripping", "ripped", "stabbed and torn",
        "unzipping", "unzipped", "splitting", "ripped apart", "torn apart",
    ),
    "tummy": ("tummy", "stomach", "belly", "abdomen", "abdominal", "gut"),
    "pulsing": ("pulse", "pulsing", "pulsating", "throbbing", "heartbeat", "beating"),
    "lump": ("lump", "mass", "bulge", "swelling"),
    # Crisis
    "death_wish": (
        "rather not wake up", "not wake up", "wouldn't wake up", "not to wake up",
        "never wake up", "go to sleep and not wake", "end my life", "finish my life",
        "kill myself", "kill my self", "take my life", "take my own life",
        "better off without me", "better off dead", "manage better without me",
        "better without me", "suicide", "suicidal", "want to die", "wanna die",
        "don't want to live", "dont want to live", "don't want to be alive",
        "saving up my tablets", "saving up my pills", "stockpiling", "ending it all",
        "end it all", "made a plan to end", "plan to end", "ways to kill", "ending things",
        "end things", "ending it",
        "wasn't here", "wasnt here", "wasn't around", "wasnt around", "weren't around",
        "weren't here", "werent here", "not here anymore",
        "not here any more", "wants to die", "wanted to die", "how many tablets", "how many pills",
        "steering into", "drive into", "driving into", "walk in front",
        "how many of my tablets", "how many of my pills", "tablets it would take",
        "pills it would take",
    ),
    # Said by people in pain too ("no point booking if it won't help"): asked, not flagged.
    "hopeless": (
        "no point", "don't see the point", "dont see the point", "what's the point",
        "what the point", "whats the point", "point of being here", "point in being here",
        "point of living", "point of going on", "point in going on", "point of it all",
        # Preparations and finality, said in passing: asked about, never assumed.
        "affairs in order", "won't be needing", "wont be needing", "won't need much longer",
        "won't be around much longer", "wont be around much longer",
        "not be around much longer", "won't be here much longer", "i'll ever book",
        "i'll ever make", "ill ever book", "ill ever make", "saying my goodbyes",
        "said my goodbyes", "dealing with my things",
        "not worth it", "can't go on", "cant go on", "end it", "disappear", "in one go",
        "all my pills", "all my tablets", "it would all stop", "all just stop",
        "give up on everything", "given up", "hopeless", "can't do this anymore",
        "can't take it anymore", "if i crashed", "not be here", "not being here",
        # "goodbye letters", "saying goodbye to everyone"; not a chat's own "ok, goodbye".
        "for good", "say goodbye", "saying goodbye", "said goodbye", "goodbye to",
        "goodbye letter", "goodbye letters", "letters to", "no way out", "can't see a way out",
    ),
    # Knee
    "knee": ("knee", "knees", "kneecap"),
    "knee_event": (
        "pop", "popped", "popping", "crack", "cracked", "snap", "snapped", "something give",
        "felt something go", "clunk",
    ),
    "swelling": (
        "swell", "swelled", "swollen", "swelling", "blew up", "ballooned",
        "balloon", "puffy", "fluid", "very big", "huge",
    ),
    "locking": ("lock", "locks", "locked", "locking", "catching", "catches", "gives way",
        "giving way", "gave way", "buckles", "buckling"),
    # A knee that will not straighten is locked now.
    "stuck": (
        "stuck", "won't straighten", "wont straighten", "can't straighten",
        "cannot straighten", "won't go straight", "cannot make straight",
        "can't fully straighten", "can't straighten it", "won't fully straighten",
    ),
    # Deep vein thrombosis
    # Both legs ("can't feel my legs", "both feet"); bare "feet" is left out: tingly feet
    # after a long shift, or for a year, is not sudden loss of feeling in both legs.
    "both_legs": ("my legs", "both legs", "both feet", "both my legs", "both my feet",
                  "both of my legs", "his legs", "her legs"),
    # Feeling gone, not changed: "can't feel", "no feeling", "lost sensation".
    "feeling_gone": (
        "can't feel", "cannot feel", "cant feel", "cant really feel", "can't really feel",
        "no feeling", "no sensation", "lost feeling", "lost sensation", "lost all feeling",
        "don't feel anything", "dont feel anything", "numb", "gone numb", "went numb",
    ),
    "calf": ("calf", "calves", "lower leg", "shin", "one leg", "my leg", "ankle to knee"),
    # Pregnancy hinted, never said: "ever since the bump got bigger", "worse since about 20
    # weeks", "thats the baby" (outside run 115 p05, unsafe: never recorded). Asked directly;
    # "carrying the baby" and "a bump on my head" are no hint.
    "pregnancy_hint": (
        "my bump", "her bump", "baby bump", "the bump got", "the bump is", "the bump's",
        "bump got bigger", "bump getting bigger", "bump is getting", "bump popped",
        "that's the baby", "thats the baby", "it's the baby", "its the baby",
        "because of the baby", "cos of the baby", "coz of the baby", "blame the baby",
        # Her doctor for the pregnancy, the baby to come, the sickness of its first months
        # (outside run 121 r07, unsafe: "my OB said to stick to tylenol till the baby's here").
        "my ob", "the ob", "my obgyn", "my ob-gyn", "my ob/gyn", "the obgyn", "the ob-gyn",
        "ob said", "ob says", "ob told", "obstetrician said", "obstetrician says",
        "obstetrician told", "my midwife", "the midwife", "midwife said", "midwife says",
        "morning sickness", "first trimester", "second trimester", "third trimester",
        "1st trimester", "2nd trimester", "3rd trimester",
        "the baby's here", "the baby is here", "the baby comes", "the baby arrives",
        "the baby is born", "the baby's born", "the baby's due", "the baby is due", "due date",
        "prenatal", "antenatal",
        # A period missed or late (outside run 127 z06, unsafe: an internal complaint).
        "missed my period", "missed a period", "missed period", "late period",
        "period is late", "period's late", "period is a little late", "period's a little late",
        "period is a bit late", "period's a bit late", "period is a week late",
        "period's a week late", "period is a few days late", "haven't had my period",
        "havent had my period", "no period this month",
        # The pregnant woman or person, typed (outside run 123 u03, unsafe: "a lil surprise
        # lol 9 wks 🤰" read as nothing).
        "\U0001f930", "\U0001fac4",
        *(
            f"{lead} {about}{n} {unit}"
            for lead in ("since", "at", "from")
            for about in ("", "about ", "around ")
            for n in _GESTATION_WEEKS
            for unit in ("weeks", "wks")
        ),
    ),
    # "Since 20 weeks ago": a time, not how far along.
    "weeks_ago": ("weeks ago", "wks ago", "weeks back"),
    # A cancer told without the word: what it was is asked ("a prostate thing, they took it
    # out and got it all").
    "cancer_hint": (
        "got it all", "all clear", "remission", "the big c", "cancer scare", "a scare",
        "caught it early", "breast lump", "a lump removed", "lump taken out", "psa",
        "prostate thing", "prostate problem", "prostate op", "prostate removed",
        "prostatectomy", "bowel thing", "breast thing", "biopsy", "oncology",
    ),
    # A condition usually treated with a blood thinner, told without the medicine's name:
    # asked directly (outside run 124 v06, unsafe: "a tablet twice a day for my irregular
    # heart rhythm" read as nothing). A rhythm said to be normal is no hint.
    "blood_thinner_hint": (
        "afib", "a-fib", "a fib", "atrial fibrillation", "fibrillation", "arrhythmia",
        "arrythmia", "irregular heartbeat", "irregular heart beat", "irregular heart rhythm",
        "irregular heart", "irregular pulse", "heart rhythm problem", "heart rhythm problems",
        "stent", "stents", "mechanical valve", "metal valve", "artificial valve",
        "clot in my leg", "clot in my lung", "clot in his leg", "clot in her leg",
        "clot in his lung", "clot in her lung", "clots in my lungs", "pulmonary embolism",
        "pulmonary embolus", "had a dvt", "had a stroke", "mini stroke", "mini-stroke",
    ),
    # A fall, the event: "fall" is also the season (see OTHER_SENSES).
    "a_fall": ("fall", "falls", "fell", "fallen", "falling"),
    "red_hot": ("red", "hot", "warm", "shiny", "pinkish", "inflamed"),
}  # fmt: skip


@dataclass(frozen=True)
class OtherSense:
    """When a concept's word means something else: followed by one of `followed_by`
    ("bottom right molar"), or by "of" and a thing not in `of_allowed` ("the bottom of my
    foot"; "the bottom of my spine" keeps its sense)."""

    followed_by: frozenset[str]
    of_allowed: frozenset[str]
    # Said in another sense by the word before ("lifting weight") or by its own form
    # ("weights" at the gym).
    preceded_by: frozenset[str] = frozenset()
    said_as: frozenset[str] = frozenset()
    # The words that tie the thing named to the concept's word ("the point of", "in").
    linked_by: frozenset[str] = frozenset({"of"})
    # Two words before that say the other sense ("in the fall": the season), unless a word of
    # `kept_by` is said in the sentence before ("broke her wrist in the fall": the fall).
    after_phrase: frozenset[str] = frozenset()
    kept_by: frozenset[str] = frozenset()
    # Said just after with the meaning put in words: "fall, autumn I mean", "fall as in the
    # season" (`meant_as` names the sense, `meaning_said_by` the words that say it is meant).
    meant_as: frozenset[str] = frozenset()
    meaning_said_by: frozenset[str] = frozenset()
    # `followed_by` read past a comma too ("need to go, bye!").
    past_a_comma: bool = False
    # Words earlier in the sentence that keep the sense whatever `preceded_by` says: "I
    # don't feel when I gotta go" is the toilet, "I gotta go" is leaving.
    kept_after: frozenset[str] = frozenset()


# Change of plans, of a day or of treatment: "changed my mind", "a different day", "never had
# needling before", "the first time I've tried physio".
_CHANGE_OF_PLANS = OtherSense(
    frozenset(
        {
            "my",
            "our",
            "the",
            "plans",
            "plan",
            "day",
            "days",
            "time",
            "times",
            "date",
            "slot",
            "appointment",
            "booking",
            "clinic",
            "physio",
            "physiotherapist",
            "needling",
            "dry",
            "acupuncture",
            "physiotherapy",
            "treatment",
            "therapist",
            "job",
            "jobs",
            "mind",
            "i",
            "i've",
            "ive",
            "trying",
            "seeing",
            "at",
            "for",
            "with",
            "here",
            "doing",
        }
    ),
    frozenset(),
)
# "The point" of coming in, of the needles or of paying weighs the consultation up; the
# point of living, of going on, of it all or of anything is still asked about.
_POINT_OF_THE_VISIT = OtherSense(
    frozenset(
        {
            "coming",
            "come",
            "booking",
            "book",
            "paying",
            "pay",
            "going",
            "physio",
            "needling",
            "needles",
            "appointment",
            "consult",
            "consultation",
            "treatment",
        }
    ),
    frozenset(
        {
            "living",
            "life",
            "being",
            "going",
            "anything",
            "it",
            "everything",
            "me",
            "trying",
            "carrying",
            "waking",
            "getting",
            "existing",
            "staying",
            "this",
            "any",
            "bothering",
            "doing",
            "continuing",
            "keeping",
            "even",
        }
    ),
    linked_by=frozenset({"of", "in"}),
)
_CLIMBING_AS_A_SPORT = OtherSense(
    frozenset({"wall", "walls", "gym", "gyms", "route", "routes", "hold", "holds", "grade",
               "grades", "session", "sessions", "comp", "competition", "shoes", "harness",
               "rope", "ropes", "outdoors", "indoors", "crag", "crags", "centre", "center"}),
    frozenset(),
    preceded_by=frozenset({"rock", "sport", "indoor", "outdoor", "wall", "ice", "trad", "lead",
                           "free", "top"}),
    linked_by=frozenset(),
    meant_as=frozenset({"rock", "bouldering", "boulder", "wall", "indoor", "sport"}),
    meaning_said_by=frozenset({"mean", "meant", "as", "like", "ie", "i.e."}),
)  # fmt: skip
OTHER_SENSES: dict[tuple[str, str], OtherSense] = {
    **{("hopeless", words): _POINT_OF_THE_VISIT
       for words in ("no point", "what 's the point", "what s the point", "what the point",
                     "do not see the point")},
    **{("pattern_change", words): _CHANGE_OF_PLANS
       for words in ("changed", "different", "never had", "first time")},
    # The season: "this fall", "since last fall", "fall semester"; "a fall of 2 metres" and
    # "a fall off the ladder" are falls. ("my last fall" reads as the season: rare.)
    ("a_fall", "fall"): OtherSense(
        frozenset({"season", "semester", "term", "league", "soccer", "sports", "break",
                   "colors", "colours", "leaves", "foliage", "weather", "classes", "quarter",
                   "clean", "cleanup", "training", "marathon", "race", "races", "schedule"}),
        frozenset({"about", "around", "over", "nearly", "almost", "some", "several", "a",
                   "an", "one", "two", "three", "four", "five", "six", "ten", "stairs",
                   "steps", "ladder", "roof", "horse", "bike", "bed", "chair"}),
        preceded_by=frozenset({"this", "last", "next", "early", "late", "mid", "every"}),
        # "Since I dug the garden in the fall": the season (said in the US); "hurt my back in
        # the fall" is the fall (session 18, outside runs 41 and 43).
        after_phrase=frozenset({"in the"}),
        kept_by=frozenset({"hurt", "hurts", "broke", "broken", "injured", "injury", "bruised",
                           "cracked", "twisted", "sprained", "banged", "hit", "landed",
                           "knocked", "fractured", "damaged", "pulled", "jarred"}),
        meant_as=frozenset({"autumn", "season"}),
        meaning_said_by=frozenset({"mean", "meant", "as", "like", "ie", "i.e."}),
    ),
    # A medicine "for my heart", a "heart valve": a known condition, not chest pain now.
    ("chest", "heart"): OtherSense(
        frozenset({"valve", "valves", "rate", "rhythm", "condition", "surgery", "operation",
                   "medication", "medications", "medicine", "medicines", "meds", "med", "pill",
                   "pills", "tablet", "tablets", "drug", "drugs", "doctor", "specialist",
                   "murmur", "stent", "stents", "bypass", "clinic", "team", "nurse",
                   # A condition named vaguely: "after his heart stuff last year" (outside
                   # run 90 p03: "You mentioned his chest").
                   "stuff", "thing", "things", "problem", "problems", "trouble", "issue",
                   "issues", "disease", "failure", "scare", "procedure", "ablation",
                   # "Eliquis, because heart beat is not regular" (outside run 100 p03).
                   "beat", "beats", "beating", "irregular", "af", "afib"}),
        frozenset(),
        preceded_by=frozenset({"for"}),
        # "I have only the heart" (outside run 120 x7p04): the condition had, unless a pain
        # of it follows ("I have the heart pain").
        after_phrase=frozenset({"only the", "just the", "have the", "has the", "had the",
                                "got the"}),
        kept_by=frozenset({"pain", "pains", "hurts", "hurt", "hurting", "ache", "aches",
                           "aching", "pressure", "tight", "tightness", "heavy", "squeezing"}),
    ),
    # Climbing as a sport ("rock climbing", "at the climbing wall", "bouldering") loads the
    # shoulders' own muscles, as lifting and swimming do: no effort for the heart (outside
    # run 69 p05: 911 for a knot between the shoulder blades). The stairs and hills count.
    **{("exertion", words): _CLIMBING_AS_A_SPORT for words in ("climb", "climbing")},
    # Weight at the gym or on a leg is not weight lost.
    ("weight", "weight"): OtherSense(
        frozenset({"training", "train", "lifting", "lifter", "lift", "bearing", "through",
                   "on", "room", "bench", "gym", "session", "sessions", "belt", "vest"}),
        frozenset(),
        preceded_by=frozenset({"lifting", "lift", "lifted", "lifts", "heavy", "put", "bear",
                               "free"}),
        said_as=frozenset({"weights"}),
    ),
    # An illness or an operation of the bowel ("the bowel thing", "bowel surgery") is no word
    # on bowel control; what it was is asked (`cancer_hint`).
    ("bowel", "bowel"): OtherSense(
        frozenset({"thing", "op", "operation", "surgery", "scope", "screening", "cancer",
                   "tumour", "tumor", "resection", "removed"}),
        frozenset(),
    ),
    # Leaving the chat ("gotta go", "I have to go now, bye") is no trip to the toilet.
    ("urination", "to go"): OtherSense(
        frozenset({"now", "bye", "soon", "home", "out", "back", "work", "pick", "get", "see",
                   "collect", "fetch", "make", "cook", "sorry", "thanks", "ttyl", "talk",
                   "chat", "later", "cya", "speak", "school", "shopping", "to", "in", "again",
                   "there", "today", "tonight", "tomorrow", "first", "and", "or"}),
        frozenset(),
        # "2 more days to go" of a course of tablets (outside run 80 p07: "You mentioned
        # the toilet").
        preceded_by=frozenset({"got", "gotta", "days", "weeks", "months", "hours", "minutes",
                               "day", "week", "doses", "tablets", "pills", "way", "miles"}),
        past_a_comma=True,
        # "I don't really feel when I gotta go" (outside run 70: no bladder question).
        kept_after=frozenset({"when", "whenever", "until", "till", "feel", "tell", "notice",
                              "know", "realise", "realize", "before"}),
    ),
    # Streaming online ("i stream on twitch") and blood thinners (a medicine) are no
    # bladder nor weight lost (outside run 14).
    ("urination", "stream"): OtherSense(
        frozenset({"on", "online", "live", "games", "gaming", "videos", "music", "movies",
                   "shows", "tv", "netflix", "twitch", "youtube", "content", "for", "every",
                   "most", "all", "at", "daily", "professionally"}),
        frozenset(),
        preceded_by=frozenset({"i", "we", "they", "you", "he", "she", "to", "live", "also"}),
        said_as=frozenset({"streaming", "streamer", "streams", "streamed"}),
    ),
    # Moving the head is the neck at work ("a job turning my head to reverse the car"):
    # no headache (outside run 14).
    ("head", "head"): OtherSense(
        frozenset(), frozenset(),
        preceded_by=frozenset({"turn", "turns", "turning", "turned", "move", "moving", "tilt",
                               "tilting", "nod", "nodding", "shake", "shaking", "lift",
                               "lifting", "raise", "raising", "rotate", "rotating", "twist",
                               "twisting", "bend", "bending", "look", "looking"}),
    ),
    # Traffic lights: "rear-ended at the lights", "stopped at a red light" (outside run 58);
    # "it hurts to look at the lights" keeps the light.
    **{("light", word): OtherSense(
        frozenset(), frozenset(),
        preceded_by=frozenset({"traffic", "red", "green", "amber", "stop", "street"}),
        after_phrase=frozenset({"at the", "at a", "through the", "through a", "by the"}),
        kept_by=frozenset({"look", "looking", "looked", "stare", "staring", "hurt", "hurts",
                           "bother", "bothers", "stand", "bear", "sensitive", "bright"}),
    ) for word in ("light", "lights")},
    # A car's blind spot, checked when driving (outside run 60: a change of sight, then the
    # pre-eclampsia emergency for a pregnant woman's neck headache); "a blind spot in my
    # eye" is seen, not checked.
    ("vision_problem", "blind"): OtherSense(
        frozenset(), frozenset(),
        preceded_by=frozenset({"check", "checks", "checking", "checked", "the", "car",
                               "car's", "cars"}),
    ),
    # Curtains at a window, shut against the light, are no curtain over the eye (outside run
    # 65 p08: "keeps the curtains closed because the light bothers her").
    ("vision_problem", "curtain"): OtherSense(
        frozenset(), frozenset(),
        preceded_by=frozenset({"the", "close", "closed", "closes", "closing", "draw", "drawn",
                               "drew", "draws", "shut", "shuts", "open", "opened", "pull",
                               "pulled", "blackout", "her", "his", "my", "their", "bedroom"}),
        said_as=frozenset({"curtains"}),
    ),
    # A pad for warmth or cold, or to kneel on, is no pad for leaks (outside run 60: "a heat
    # pad" asked about the toilet).
    **{("urination", word): OtherSense(
        frozenset(), frozenset(),
        preceded_by=frozenset({"heat", "heating", "heated", "hot", "warm", "cold", "ice",
                               "gel", "cooling", "electric", "knee", "kneeling", "mouse",
                               "foam", "shoe", "insole"}),
    ) for word in ("pad", "pads")},
    # "My water aerobics", "my water bottle": a pastime or a thing, not the bladder
    # (outside run 126 y02: "You mentioned the toilet", twice).
    **{("urination", words): OtherSense(
        frozenset({"aerobics", "polo", "bottle", "bottles", "sports", "skiing", "park", "glass",
                   "intake", "bill", "heater", "pill", "pills", "tablet", "tablets", "class",
                   "classes", "exercise", "exercises", "workout", "jogging", "walking",
                   "therapy", "birth"}),
        frozenset(),
    ) for words in ("my water", "hold water", "holding water")},
    ("weight", "thinner"): OtherSense(
        frozenset(), frozenset(), preceded_by=frozenset({"blood"}),
    ),
    ("saddle_area", "bottom"): OtherSense(
        frozenset({"right", "left", "tooth", "teeth", "molar", "molars", "lip", "jaw", "step",
                   "steps", "stair", "stairs", "drawer", "shelf", "bunk", "line", "half", "row"}),
        frozenset({"spine", "back", "backbone", "bum", "bottom", "tailbone", "coccyx"}),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Guard:
    """When all of `touches` are touched (the patient's own, present), the direct question
    `question` (a name in `red_flags.DIRECT_QUESTIONS`) is asked, unless `sign` is known."""

    touches: tuple[str, ...]
    question: str
    sign: str
    # Concepts that explain the touch away ("swallowing hurts with my sore throat").
    unless: tuple[str, ...] = ()
    # Topics that explain it away even named with a no ("no needling for me then? I only
    # get woozy"): what the message is about, not a finding.
    unless_named: tuple[str, ...] = ()


# The most urgent first: one question is asked at a time.
GUARDS: tuple[Guard, ...] = (
    Guard(("hopeless",), "check_safe", "suicidal_thoughts"),
    Guard(("chest",), "check_chest", "cardiac_warning"),
    Guard(("heart_arm", "exertion"), "check_exertion", "cardiac_warning"),
    Guard(
        ("needling", "breathing"),
        "check_after_needling",
        "breathless_after_needling",
        unless=("risk_asked",),
    ),
    Guard(
        ("needling", "chest"),
        "check_after_needling",
        "breathless_after_needling",
        unless=("risk_asked",),
    ),
    # Out of breath with effort: the heart's where its pain may show (the question's
    # `where`), else only the breathing's own question.
    Guard(("breathing", "exertion"), "check_exertion_breathless", "cardiac_warning"),
    Guard(("breathing",), "check_breathing", "cannot_breathe", unless=("risk_asked",)),
    Guard(("tearing",), "check_tearing", "aortic_warning"),
    Guard(("worst_ever",), "check_worst_upper_back", "aortic_warning"),
    Guard(("pulsing", "lump"), "check_tearing", "aortic_warning"),
    Guard(("saddle_area",), "check_saddle", "saddle_numbness"),
    Guard(("urination",), "check_bladder", "bladder_or_bowel_control"),
    Guard(("bowel",), "check_bladder", "bladder_or_bowel_control"),
    Guard(("speech_trouble",), "check_stroke", "stroke_warning"),
    Guard(("neck_manipulated",), "check_stroke", "stroke_warning"),
    Guard(("speech", "difficulty"), "check_stroke", "stroke_warning"),
    Guard(
        ("vision_problem",),
        "check_stroke",
        "stroke_warning",
        unless=("double_other", "needle_occasion"),
    ),
    Guard(("face", "droop"), "check_stroke", "stroke_warning"),
    Guard(("one_side",), "check_stroke", "stroke_warning"),
    Guard(
        ("vertigo",),
        "check_stroke",
        "stroke_warning",
        unless_named=("needle_occasion", "needle_talk"),
    ),
    # Swallowing that hurts with a sore throat is the throat's, not a stroke's.
    Guard(("swallowing",), "check_stroke", "stroke_warning", unless=("sore_throat",)),
    Guard(("head", "sudden"), "check_thunderclap", "thunderclap"),
    Guard(("sudden",), "check_sudden_headache", "thunderclap"),
    Guard(("head", "worst"), "check_thunderclap", "thunderclap"),
    # A fever with a headache or a painful neck, told in either order: meningitis?
    Guard(("fever", "head"), "check_meningitis", "meningitis_warning"),
    Guard(("fever", "headache"), "check_meningitis", "meningitis_warning"),
    Guard(("fever", "neck_pain"), "check_meningitis", "meningitis_warning"),
    Guard(("fever",), "check_meningitis_with_pain", "meningitis_warning"),
    # A headache that makes them sick: is it worst on waking (raised pressure)?
    # Brought on by straining, or new and with vomiting: the thunderclap first (outside run
    # 96 p06: a headache that struck at the deadlift, "never had one this bad, threw up
    # twice", was asked about mornings).
    Guard(("head", "straining"), "check_thunderclap", "thunderclap"),
    Guard(("head", "vomiting", "new_onset"), "check_thunderclap", "thunderclap"),
    Guard(("head", "vomiting"), "headache_on_waking", "headache_changed"),
    Guard(("head", "nausea"), "headache_on_waking", "headache_changed"),
    # Arm or jaw pain that rest settles: does effort bring it on (angina)?
    Guard(("heart_arm", "rest_eases"), "check_exertion", "cardiac_warning"),
    # Pain that effort brings on where the heart's may show (the intake's place): does rest
    # settle it?
    Guard(("comes_on_exertion",), "check_eases_with_rest", "cardiac_warning"),
    # Swelling of the intake's knee (the question's `where`), before how a knock happened:
    # a knee that swelled within hours of one is the knee's question.
    Guard(("swelling",), "check_knee_swelling", "knee_warning"),
    # A fall or a knock with neck pain (the question's `where`): how did it happen?
    Guard(("trauma",), "neck_major_trauma", "major_trauma"),
    # A fall on blood thinners (the question's `where`): was the head knocked?
    Guard(("trauma",), "check_head_knock", "head_injury"),
    # Pregnancy told where headaches are known (the question's `where`): pre-eclampsia?
    Guard(("pregnant_now",), "check_pre_eclampsia", "pre_eclampsia_signs"),
    # A fall or a knock elsewhere: serious, or a fracture risk by age or bones?
    Guard(("trauma",), "check_fall_how", "fracture_risk"),
    # "What about the fall, should I worry?": a fall asked about, not told (set aside as
    # after the pain began, or never told): did the pain start after it?
    Guard(("fall_named_back",), "trauma", "trauma"),
    Guard(("temperature",), "check_fever", "fever"),
    Guard(("cancer_hint",), "check_cancer_history", "cancer_history"),
    # Pregnancy hinted: one plain question, its yes recorded as the precaution (and the
    # pregnancy's warning signs read from then on).
    Guard(("pregnancy_hint",), "check_pregnant", "pregnant_now", unless=("weeks_ago",)),
    # A condition usually treated with a blood thinner: one plain question, its yes the
    # precaution recorded.
    Guard(("blood_thinner_hint",), "check_blood_thinner", "on_blood_thinners"),
    Guard(("light", "hurts"), "check_meningitis", "meningitis_warning"),
    Guard(("knee", "swelling"), "check_knee", "knee_warning"),
    Guard(("knee", "locking"), "check_knee", "knee_warning"),
    Guard(("knee", "knee_event"), "check_knee", "knee_warning"),
    Guard(("calf", "swelling"), "check_calf", "calf_swollen"),
    # A child's hip or knee: a slipped growth plate or a hip infection shows as a limp.
    Guard(("young", "hip_knee"), "check_child_limp", "child_limp_warning"),
    Guard(("young", "limp"), "check_child_limp", "child_limp_warning"),
    Guard(("calf", "red_hot"), "check_calf", "calf_swollen"),
    Guard(("weight",), "check_weight", "weight_loss", unless=("weight_kept", "weight_meant")),
    Guard(("clothes", "looser"), "check_weight", "weight_loss"),
    # A sign read from a number ("I'm 63") with a headache.
    Guard(("aged_50_plus", "head"), "check_new_headache", "headache_new_after_50"),
    # Change said without naming the headaches: asked where the intake is a headache.
    Guard(("pattern_change",), "check_headache_pattern", "headache_pattern_change"),
)


# Concepts that only qualify a finding, saying when, how fast or how badly ("lately", "out of
# nowhere", "it hurts", "can't"): alone they tell of nothing a warning sign is about.
QUALIFIERS = frozenset({
    "lately", "sudden", "new_onset", "rapidly", "progressing", "worst", "worst_ever",
    "trigger_when", "hurts", "cant", "wont", "trouble",
})  # fmt: skip


def explained_away(touched: Collection[str]) -> set[str]:
    """The concepts among `touched` that every guard asking about them explains away
    ("lost 8 lbs on purpose"), and those that only explain: no finding to ask about."""
    guarding = [g for g in GUARDS if set(g.touches) & set(touched)]
    return {
        concept
        for concept in touched
        if (of := [g for g in guarding if concept in g.touches])
        and all(set(g.unless) & set(touched) for g in of)
    } | (set(touched) & _ONLY_EXPLAIN)


_ONLY_EXPLAIN = {c for g in GUARDS for c in g.unless} - {c for g in GUARDS for c in g.touches}
