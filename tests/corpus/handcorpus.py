"""A small corpus we wrote, with hand-built records: a wire story and two copies, one side's figure
contradicting the other's, a rising figure, a claim and its denial, and one person under four names.

``EXPECTED`` says what linking must find; every record's span is checked against its text.
"""

from __future__ import annotations

from storekit import article, claim, frame, place, quote, speaker

AREA = frame("territory_area", "stock", "area", whose="UA", place="Kursk", place_country="RU")
TAKEN = frame("settlements_taken", "cumulative", whose="UA", place="Kursk", place_country="RU")

from sayso.models import Analysis

WIRE = ("Ukrainian forces now control 1,000 square kilometres in Russia's Kursk region, commander Oleksandr "
        "Syrskyi told President Volodymyr Zelenskyy in a video call on Monday. Syrskyi said the advance had "
        "slowed in places but had not stopped. \"The operation continues according to plan,\" Zelenskyy said in "
        "his evening address. Russian officials gave no immediate comment on the figure, and the claim could not "
        "be checked independently.")
COPY_1 = WIRE.replace("in a video call on Monday", "in a video call late on Monday") + " Reporting by Global Wire."
COPY_2 = WIRE.replace(" Syrskyi said the advance had slowed in places but had not stopped.", "")


def _wire_like(id: str, text: str, day: str, outlet: str) -> Analysis:
    zel = speaker(text, "Volodymyr Zelenskyy", "Zelenskyy", role="Ukrainian president")
    syr = speaker(text, "Oleksandr Syrskyi", "Oleksandr Syrskyi")
    clause = "Ukrainian forces now control 1,000 square kilometres in Russia's Kursk region"
    return Analysis(
        article(id, text, day, outlet),
        quotes=(quote(text, "The operation continues according to plan,", zel),),
        claims=(claim(text, "1,000 square kilometres", 1000, si_unit="km2", source=syr, clause=clause, frame=AREA),),
        places=(place(text, "Russia", "PCLI"), place(text, "Kursk")))


def build() -> list[Analysis]:
    out = [_wire_like("a01", WIRE, "2024-08-12", "Global Wire"),
           _wire_like("a02", COPY_1, "2024-08-12", "Valley Gazette"),
           _wire_like("a03", COPY_2, "2024-08-13", "Harbour Post")]

    t = ("Russia's defence ministry insisted on Tuesday that Ukrainian units hold no more than 300 square "
         "kilometres in the Kursk region and are being pushed back. \"The enemy is suffering heavy losses,\" "
         "ministry spokesman Igor Konashenkov told reporters in Moscow.")
    kon = speaker(t, "Igor Konashenkov")
    out.append(Analysis(article("a04", t, "2024-08-13", "Moscow Courier"),
                        quotes=(quote(t, "The enemy is suffering heavy losses,", kon),),
                        claims=(claim(t, "300 square kilometres", 300, si_unit="km2", qualifier="at_most",
                                      source=kon, frame=AREA),),
                        places=(place(t, "Kursk"),)))

    t = ("Syrsky said on Wednesday that his troops control 1,150 square kilometres in the Kursk region after "
         "taking several more villages. Front-line units reported fierce shelling near the border crossing.")
    syr = speaker(t, "Syrsky")
    out.append(Analysis(article("a05", t, "2024-08-21", "Kyiv Herald"),
                        claims=(claim(t, "1,150 square kilometres", 1150, si_unit="km2", source=syr, frame=AREA),),
                        places=(place(t, "Kursk"),)))

    t = ("Ukraine's top commander reported that forces controlled 1,263 square kilometres of Kursk by the end "
         "of the week, a figure Moscow has not addressed. Analysts noted that the pace of the advance had eased.")
    syr = speaker(t, "Oleksandr Syrskyi", "Ukraine's top commander")
    out.append(Analysis(article("a06", t, "2024-08-27", "Kyiv Herald"),
                        claims=(claim(t, "1,263 square kilometres", 1263, si_unit="km2", source=syr, frame=AREA),),
                        places=(place(t, "Kursk"),)))

    t = ("Ukrainian troops have captured 74 settlements in the Kursk region, Zelensky said on Thursday. "
         "\"Our soldiers keep moving forward,\" he added, thanking the brigades involved.")
    zel = speaker(t, "Zelensky")
    out.append(Analysis(article("a07", t, "2024-08-15", "Kyiv Herald"),
                        quotes=(quote(t, "Our soldiers keep moving forward,", zel),),
                        claims=(claim(t, "74 settlements", 74, counted="settlements", source=zel, frame=TAKEN),),
                        places=(place(t, "Kursk"),)))

    t = ("The Kremlin denied on Friday that 74 settlements in the Kursk region had been captured by Ukrainian "
         "forces. \"These numbers are pure invention,\" Kremlin spokesman Dmitry Peskov said.")
    pes = speaker(t, "Dmitry Peskov", role="Kremlin spokesman")
    out.append(Analysis(article("a08", t, "2024-08-16", "Moscow Courier"),
                        quotes=(quote(t, "These numbers are pure invention,", pes),),
                        claims=(claim(t, "74 settlements", 74, counted="settlements", status="denied", source=pes,
                                      frame=TAKEN),),
                        places=(place(t, "Kursk"),)))

    t = ("The Ukrainian president said on Sunday that the incursion had changed the course of the war. "
         "\"Russia must feel what this war means,\" the Ukrainian president said in Kyiv.")
    anon = speaker(t, "the Ukrainian president", "the Ukrainian president", kind="unnamed")
    out.append(Analysis(article("a09", t, "2024-08-18", "Northern Ledger"),
                        quotes=(quote(t, "Russia must feel what this war means,", anon),)))

    t = ("Vladimir Putin called the cross-border attack \"a major provocation\" during a meeting with security "
         "officials on Wednesday, and ordered regional governors to help evacuate residents.")
    put = speaker(t, "Vladimir Putin")
    out.append(Analysis(article("a10", t, "2024-08-07", "Northern Ledger"),
                        quotes=(quote(t, "a major provocation", put),)))

    t = ("Putin vowed on Friday that \"our troops will push the enemy out\" of the border districts, while "
         "officials in Belgorod reported fresh drone attacks overnight.")
    put = speaker(t, "Putin")
    out.append(Analysis(article("a11", t, "2024-08-09", "Moscow Courier"),
                        quotes=(quote(t, "our troops will push the enemy out", put),)))

    t = ("The head of the UN nuclear watchdog warned that a drone had struck close to the Kursk nuclear power "
         "plant. \"The situation around the plant is serious,\" Rafael Grossi said after visiting the site.")
    gro = speaker(t, "Rafael Grossi")
    out.append(Analysis(article("a12", t, "2024-08-22", "Harbour Post", url="https://harbour.example/grossi"),
                        quotes=(quote(t, "The situation around the plant is serious,", gro),)))
    return out


EXPECTED = {
    "wire_groups": [{"a01", "a02", "a03"}],
    "contradictions": {("territory_area|UA|kursk", "a01", "a04"), ("settlements_taken|UA|kursk", "a07", "a08")},
    "timeline_area": [("2024-08-12", 1000.0, 3), ("2024-08-13", 300.0, 1), ("2024-08-21", 1150.0, 1),
                      ("2024-08-27", 1263.0, 1)],
    "zelenskyy_quote_articles": ["a01", "a02", "a03", "a07", "a09"],
}
