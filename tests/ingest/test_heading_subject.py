"""Parser 2.4.33: the market a news heading names without saying "market"."""

import pytest

from ingest.heading_subject import heading_subject, reads_as_sentence


@pytest.mark.parametrize(
    ("heading", "subject"),
    [
        ("Acme Drug Sales Will Outpace All Other Meds Thanks To High Prices", "Acme Drug"),
        ("Will Acme Health Apps Reach A 22 Billion", "Acme Health Apps"),
        (
            "Why Is Acme Imaging System Usage Rising in Cardiology Departments?",
            "Acme Imaging System",
        ),
        ("MRI sets new U.S. record in revenue and unit sales", "MRI"),
        ("Acme Surge: A Digital Healthcare Renaissance Rooted in Necessity", "Acme"),
        # the object of a verb that drives the market
        ("Rising cataract surgeries driving acme lens", "acme lens"),
        ("Recovery Will Lift the Acme Devices", "Acme Devices"),
        ("Chronic Disease Burden Fueling Demand For Acme Monitoring", "Acme Monitoring"),
        ("disease burden to drive acme boom in Nigeria,", "acme"),
        # the market's players are its market's
        ("Acme Players Need To Remodel For Sustaining Long Term Operations", "Acme"),
        # a trend, an opportunity, people or a piece of writing is no market
        ("Opportunity In Japan Grows For Acme Device Makers", None),
        ("More Acme Citizens Are Hearing Impaired In Years", None),
        ("Industry Experts Are Upbeat On Acme", None),
        ("Introduction to the acme and medtech", None),
        # a verb telling what the market did
        ("Acme Instrumentation Increased Modestly", "Acme Instrumentation"),
        # a topic before a slogan or a question after a colon or a dash
        ("Medical Acme: When Business Dreams Come True", "Medical Acme"),
        ("E-Acme Boom - Why is it going electric", "E-Acme"),
        ("State of the technique: melding of methods", None),
        # a heading with no verb names nothing new
        ("Popularity Of Mini Acme Implants", None),
        ("Cardiovascular Disease Monitoring and Acme Devices", None),
    ],
)
def test_heading_subject(heading: str, subject: str | None) -> None:
    assert heading_subject(heading) == subject


def test_a_told_verb_makes_a_short_name_a_sentence() -> None:
    assert reads_as_sentence("Analytical Acme Increased Modestly")
    assert not reads_as_sentence("Acme Surgical Staplers")
