"""Company entry splitting and slugs; canonical segment keys."""

import pytest

from ingest.companies import company_slug, split_company_entry
from ingest.segments import find_named_segments, segment_key, segment_name


@pytest.mark.parametrize(
    "entry,names",
    [
        ("Epizyme Inc Exelixis Inc Iproteos SL", ["Epizyme Inc", "Exelixis Inc", "Iproteos SL"]),
        ("Pfizer Inc Taiho Pharmaceutical Co Ltd", ["Pfizer Inc", "Taiho Pharmaceutical Co Ltd"]),
        ("Kyowa Kirin Co., Ltd.", ["Kyowa Kirin Co., Ltd."]),
        ("Pfizer, Inc.", ["Pfizer, Inc."]),
        ("Roche Holding AG; Sanofi SA", ["Roche Holding AG", "Sanofi SA"]),
        ("Taiwan Liposome Company Ltd", ["Taiwan Liposome Company Ltd"]),
        ("GSK plc AstraZeneca PLC", ["GSK plc", "AstraZeneca PLC"]),
    ],
)
def test_split_company_entry(entry: str, names: list[str]) -> None:
    assert split_company_entry(entry) == names


@pytest.mark.parametrize(
    "name,slug",
    [
        ("Celgene Corporation", "celgene"),
        ("Celgene Corp", "celgene"),
        ("Kyowa Kirin Co., Ltd.", "kyowa-kirin"),
        ("Siemens Healthineers AG", "siemens-healthineers"),
        ("Grifols S.A.", "grifols"),
        ("AG", "ag"),
    ],
)
def test_company_slug(name: str, slug: str) -> None:
    assert company_slug(name) == slug


@pytest.mark.parametrize(
    "heading,name,key",
    [
        ("Hospitals", "Hospitals", "hospital"),
        ("Hospital Application", "Hospital", "hospital"),
        ("Other Applications", "Other", "other"),
        ("CML (Chronic Myelogenous Leukemia)", "CML (Chronic Myelogenous Leukemia)", "cml"),
        ("Research Centers", "Research Centers", "research-center"),
        ("Diagnostic Laboratories Segment", "Diagnostic Laboratories", "diagnostic-laboratory"),
        ("Metastasis Analysis", "Metastasis Analysis", "metastasis-analysis"),
    ],
)
def test_segment_name_and_key(heading: str, name: str, key: str) -> None:
    assert (segment_name(heading), segment_key(heading)) == (name, key)


def test_segments_named_in_prose() -> None:
    found = find_named_segments(
        [
            "The market is segmented into various applications, with a focus on Ambulatory "
            "Surgical Centers, Specialty Clinics, and other facilities serving rural patients.",
        ]
    )
    assert {key: c.name for key, c in found.items()} == {
        "ambulatory-surgical-center": "Ambulatory Surgical Centers",
        "specialty-clinic": "Specialty Clinics",
    }
