"""A message in another language is recognised; English, however misspelt, is not."""
# ruff: noqa: RUF001  (the other languages' own letters and punctuation are the point)

from __future__ import annotations

import pytest

from clinic.language.other_language import other_language

# Written while building the check (tuned on).
FOREIGN = [
    "Hola, me duele mucho la espalda baja desde hace una semana",
    "Bonjour, ma mère a très mal au genou droit, est-ce que vous pouvez l'aider ?",
    "Guten Tag, ich habe seit drei Wochen Nackenschmerzen",
    "dzień dobry, boli mnie ramię",
    "مرحبا، عندي ألم في الظهر منذ أسبوعين",
    "你好，我儿子的膝盖很疼，可以预约吗？",
    "Desculpe, posso continuar em português? É mais fácil para mim.",
    "Mi fa male la schiena da due settimane",
    "Ik heb pijn in mijn rug",
]
ENGLISH = [
    "my back hurts", "lowr back, rigth side", "i wnat to book an apointment pls",
    "Lucia Torres, +52 222 123 4567", "my sholder is killin me", "nope non of them",
    "wat time do u close on thursdys", "Katrin Weber, katrin.weber@example.de",
    "i have sciatica and plantar fasciitis", "omg my neck is sooo stiff lol",
    "Dry needling pls asap", "pain in my lumbar region and gluteus medius",
    "2moro arvo pls mate", "I'm from Spain, my English is not so good, sorry",
]  # fmt: skip
# Written afterwards and run once, never tuned on: 8 of 10 foreign and 15 of 15 English
# were read right on that run; the misses stay marked (strict xfail).
UNSEEN_FOREIGN = [
    "Buenas tardes, quisiera pedir una cita para mi hombro",
    pytest.param(
        "Salut, j'ai une douleur dans le bas du dos quand je marche",
        marks=pytest.mark.xfail(strict=True, reason="'marche' read as a misspelt month"),
    ),
    "Hallo, meine Schulter tut seit einer Woche weh",
    "Ciao, vorrei prenotare un appuntamento per il collo",
    "Oi, estou com dor no joelho esquerdo",
    pytest.param(
        "Witam, od miesiąca bolą mnie plecy",
        marks=pytest.mark.xfail(strict=True, reason="missed on the first run"),
    ),
    "Здравствуйте, у меня болит шея",
    "Merhaba, boynum çok ağrıyor",
    "Hej, jeg har ondt i ryggen",
    "Goedendag, mijn schouder doet pijn",
]
UNSEEN_ENGLISH = [
    "heya me hip is proper sore", "its ma lower bak innit", "omw to work, neck stiff af",
    "can u do sat mornin", "plz help my neck hurts so bad", "Niamh O'Sullivan, 086 1234567",
    "tendonitis in me achilles", "Ngozi Okonkwo-Adeyemi", "quadratus lumborum trigger points",
    "sry typo, i ment left", "yh it spreads 2 my arm", "nah mate nothin like that",
    "ache dans my shoulder lol", "mi neck is sore", "I'm Jürgen, my knee aches since skiing",
]  # fmt: skip


@pytest.mark.parametrize("text", FOREIGN + UNSEEN_FOREIGN)
def test_another_language_is_recognised(text: str) -> None:
    assert other_language(text)


@pytest.mark.parametrize("text", ENGLISH + UNSEEN_ENGLISH)
def test_english_however_written_is_english(text: str) -> None:
    assert other_language(text) is None


@pytest.mark.parametrize(
    "name", ["Joaquín Herrera Vidal", "Zofia Kowalczyk-Nowak", "Nguyen Van Thanh", "Ana de la Peña"]
)
def test_a_name_from_another_language_is_a_name_not_a_foreign_message(name: str) -> None:
    assert other_language(name) is None


@pytest.mark.parametrize(
    "said",
    ["told u, Tomasz Wrzesniewski", "i said already its Krzysztof Zielinski",
     "as I wrote, Zsofia Nagy-Toth"],
)  # fmt: skip
def test_a_name_said_after_a_few_words_is_no_foreign_message(said: str) -> None:
    # Session 12 (outside run 22, #01's kind, new wordings): the name at the end, not the
    # message, looked Polish.
    assert other_language(said) is None
    assert other_language("Ich habe seit zwei Wochen starke Rückenschmerzen") == "German"


@pytest.mark.parametrize(
    "text",
    ["it's k7p4qm", "its 3xkq9d thanks", "ref n4r7tz pls", "booking hr7cpp, cancel it",
     "it's pjth4j", "it's k6dxdq", "it's v4gamj", "it's mjc4m7"],
)  # fmt: skip
def test_a_booking_reference_is_no_word_of_another_language(text: str) -> None:
    """Found by `make test` (session 14): a lowercase reference read as Finnish-like
    nonsense got "I can only chat in English" (the test's random reference varies)."""
    assert other_language(text) is None


# Session 31, written before the change (outside run 92 p03: "her name is Fatma Yilmaz. i am
# her son Emre" got "Sorry, I can only chat in English"). English words around names from
# another language are English. My own names and words.
@pytest.mark.parametrize(
    "text",
    [
        "Grzegorz Wojcik, this is his daughter Agnieszka",
        "its for my mum Ayse Demir, i am her son Mehmet",
        "Bogdan Kowalczyk, my name is Iwona",
    ],
)
def test_english_around_foreign_names_is_english(text: str) -> None:
    assert other_language(text) is None
