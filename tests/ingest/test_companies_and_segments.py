"""Company entry splitting, slugs and player sentences; canonical segment keys, and segments
named in titles, lists and prose."""

import pytest

from ingest.blocks import parse_document
from ingest.companies import (
    companies_in_list,
    companies_in_sentence,
    company_from_line,
    company_slug,
    split_company_entry,
)
from ingest.headline import split_sentences
from ingest.known_companies import known_companies_named
from ingest.parse import parse_report_bytes
from ingest.segments import (
    SEGMENTED_INTO,
    find_named_segments,
    kinds_of_market,
    labelled_segment_list,
    names_no_segment,
    segment_key,
    segment_name,
    segment_subjects,
    segmentation_sentence,
    segmented_into_matches,
    split_segment_names,
    title_segment_groups,
    with_shared_head,
)
from tests.paths import PUBLISHERS_DIR, SAMPLES_DIR, SEEDS_DIR

pytestmark = pytest.mark.backend_independent


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
        # parser 2.4.30: nothing parts a name inside its parentheses, nor "& Co. KGaA"
        ("BD (Becton, Dickinson and Company)", ["BD (Becton, Dickinson and Company)"]),
        ("Halden AB (Ostrava Holding BV & Co. KG)", ["Halden AB (Ostrava Holding BV & Co. KG)"]),
        ("Tallis SE & Co. KGaA, Kaito Inc.", ["Tallis SE & Co. KGaA", "Kaito Inc."]),
    ],
)
def test_split_company_entry(entry: str, names: list[str]) -> None:
    assert split_company_entry(entry) == names


def test_a_firm_named_companies_with_its_legal_form_is_a_company() -> None:
    """Parser 2.4.30: "Cooper Companies, Inc." is a firm; "Key Companies" and "Top Acme
    Companies" stay list headings."""
    assert company_from_line("Halden Companies, Inc.") == "Halden Companies, Inc."
    assert company_from_line("Key Companies") is None
    assert company_from_line("Companies Inc.") is None


@pytest.mark.parametrize(
    "name,slug",
    [
        ("Celgene Corporation", "celgene"),
        ("Celgene Corp", "celgene"),
        ("Kyowa Kirin Co., Ltd.", "kyowa-kirin"),
        ("Siemens Healthineers AG", "siemens-healthineers"),
        ("Grifols S.A.", "grifols"),
        ("Sunbeam Pharma Pvt. Ltd.", "sunbeam-pharma"),  # parser 2.4.11
        ("AG", "ag"),
        # parser 2.4.31: "and" is "&", and "and Company" is no part of the firm's own name
        ("Halden and Halden", "halden-halden"),
        ("Halden & Halden", "halden-halden"),
        ("Ostrava and Company", "ostrava"),
        ("Becton, Kaito and Company", "becton-kaito"),
        ("Becton Kaito", "becton-kaito"),
        ("Tallis and Co", "tallis"),
        ("Company", "company"),
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


@pytest.mark.parametrize(
    "sentence,names",
    [
        (
            "Leading market players discussed in the research are Halvik Inc., Tallis and "
            "Company, F. Ostberg Pharma AG, and Merck & Co., Inc.",
            ["Halvik Inc.", "Tallis and Company", "F. Ostberg Pharma AG", "Merck & Co., Inc."],
        ),
        (  # parser 2.4.11: a place in parentheses with a comma stays with its name, then goes
            "Key players include Halvik Inc., Tallis (Nanaimo, BC), and Corex Ltd. (Leeds, UK).",
            ["Halvik Inc.", "Tallis", "Corex Ltd."],
        ),
        (  # parser 2.4.29: entrants, pioneers and giants are players too
            "New entrants like Halvik, Tallis, and Corex are anticipated to gain share.",
            ["Halvik", "Tallis", "Corex"],
        ),
        (
            "All the oncology giants–Halvik & Co, Tallis-Corex, and Ostrava–expect growth.",
            ["Halvik & Co", "Tallis-Corex", "Ostrava"],
        ),
        (  # parser 2.4.29: "two chains: A and B", a note in small letters no part of a name
            "Most clinics are operated by two chains: Halvik Incorporated (based in Colorado) "
            "and Tallis Care North America (a subsidiary of a German group).",
            ["Halvik Incorporated", "Tallis Care North America"],
        ),
        ("Tech giants such as cloud providers are entering the space.", []),
        (  # parser 2.4.29: a rank beside the place goes too ("4th)" had become a company)
            "Several foreign companies, including Halvik (U.K., 4th), Tallis (U.S., 5th), and "
            "Corex (10th), were among the top 20 companies.",
            ["Halvik", "Tallis", "Corex"],
        ),
        (  # parser 2.4.11: "Pte. Ltd" after a comma is the name's legal form
            "Key players include Sensing Self, PTE. Ltd, Halvik Inc. and Tallis Biologics.",
            ["Sensing Self, PTE. Ltd", "Halvik Inc.", "Tallis Biologics"],
        ),
        (
            "The dominance of established players like Brandt Medtech GmbH and Lisova SA, "
            "coupled with the entry of smaller firms, keeps prices low.",
            ["Brandt Medtech GmbH", "Lisova SA"],
        ),
        (
            "Kaito Pharma Co. ($KAI), Norvane AG (NYSE: NVA) and Ellis Corp are the top three "
            "players, together holding half of the market.",
            ["Kaito Pharma Co.", "Norvane AG", "Ellis Corp"],
        ),
        (
            "Halvik Diagnostics, LLC (Corvane & Corvane), Ostrava Health, and Pfizer, are among "
            "the leading companies serving the market.",
            ["Halvik Diagnostics, LLC", "Ostrava Health", "Pfizer"],
        ),
        ("The following are the leading companies in the market.", []),
        ("Key players include expanding their portfolios through partnerships.", []),
        (
            "Key players such as Corvane & Co., Inc., Halden Pharma AG, and Ostrava Biotech "
            "continue to dominate the landscape with their drugs and ongoing R&D efforts.",
            ["Corvane & Co., Inc.", "Halden Pharma AG", "Ostrava Biotech"],
        ),
        (
            "Key Players: KIRUNA SEIYAKU Co., Ltd., Brandt Herbs, LLC, NOW Extracts",
            ["KIRUNA SEIYAKU Co., Ltd.", "Brandt Herbs, LLC", "NOW Extracts"],
        ),
        (
            "The companies operating in the radiotherapy devices in India market are Lisova "
            "Medical, Tallis Oncology and Ellis Corporation.",
            ["Lisova Medical", "Tallis Oncology", "Ellis Corporation"],
        ),
        (  # a lowercase name after ", and" is a name, not the sentence going on
            "Key players include Norvane Therapeutics, Inc., and bluefin bio, Inc.",
            ["Norvane Therapeutics, Inc.", "bluefin bio, Inc."],
        ),
        ("Major players such as Norvane are investing heavily in new plants.", ["Norvane"]),
        ("Currently, K&L and NVB are key players in the myeloma market.", ["K&L", "NVB"]),
        (
            "Companies like Halvik Analytics, IBN, and Corvane are leveraging new models.",
            ["Halvik Analytics", "IBN", "Corvane"],
        ),
        (
            "Today, four multinational corporations — Halvik, Tronda, Venlo, and Kastor "
            "Worldwide — along with state-backed producers, dominate global capacity.",
            ["Halvik", "Tronda", "Venlo", "Kastor Worldwide"],
        ),
        (  # a list in the middle of a sentence
            "Rising demand has drawn interest among various companies like Norvane, Halvik "
            "Biologics and Tallis Oncology to focus on cell therapy.",
            ["Norvane", "Halvik Biologics", "Tallis Oncology"],
        ),
        (  # two lists in one sentence
            "The market is led by key market players, namely Corvane and Ostrava Health, "
            "although the entry of new players such as Kaito Pharma and Ellis Corp means more "
            "competition.",
            ["Corvane", "Ostrava Health", "Kaito Pharma", "Ellis Corp"],
        ),
        ("The market has players like well-known FMCG companies and local brands.", []),
        (  # victims of breaches are not a security market's players
            "Breaches suffered by companies like Halvik Mail, Tronda and Venlo Hotels show "
            "the risk.",
            [],
        ),
        (  # "providers" are players, and "(USA)" says where they are based
            "Growth is led by major providers of security software, such as Corvane (USA), "
            "IBN (USA), Kastor Networks (Israel), etc.",
            ["Corvane", "IBN", "Kastor Networks"],
        ),
        (
            "A third of revenue went to the five leading vendors: Corvane, IBN, Halvik Data "
            "and Kastor Associates.",
            ["Corvane", "IBN", "Halvik Data", "Kastor Associates"],
        ),
        (
            "The leading organizations in the telehealth market are Venlo Well, Tallis "
            "Systems, Ostrava Corporation",
            ["Venlo Well", "Tallis Systems", "Ostrava Corporation"],
        ),
        (  # a comma before "such as", the sentence going on after the names
            "Meter vendors, such as Halden and Tronda & Tronda, will have to compete harder.",
            ["Halden", "Tronda & Tronda"],
        ),
        (
            "The recalls could pave the way for competitors such as Halden and Ostrava "
            "Scientific to take the lead.",
            ["Halden", "Ostrava Scientific"],
        ),
        (  # a public body, or a description, is no company's name
            "Rules follow standards established by organizations such as the Halvik Medical "
            "Products Agency.",
            [],
        ),
        (  # parser 2.4.9: leaders named, a market dominated by its players
            "The leaders in the market are Corvane, Halden and Tallis.",
            ["Corvane", "Halden", "Tallis"],
        ),
        (
            "The biopsy market is largely dominated by Ostrava Scientific and Venlo Well.",
            ["Ostrava Scientific", "Venlo Well"],
        ),
        ("The market is dominated by North America and Western Europe.", []),  # regions
        (  # parser 2.4.10: regions after a players word are no players, whatever the verb
            "Key vendors in the acme market focus on emerging markets, namely, Asia-Pacific "
            "and LAMEA.",
            [],
        ),
        (  # parser 2.4.10: a list of names alone inside the sentence, then "remain key players"
            "Set to reach $9.7bn by 2027, software giants Corvane, Halden and Tallis remain key "
            "players in meeting this demand.",
            ["Corvane", "Halden", "Tallis"],
        ),
        ("In Europe, Germany, France and Italy are the key markets for vendors.", []),
        (  # parser 2.4.10: "A, B, C, and other companies"
            "Since 2019, Corvane, Halden, Tallis, and other companies have opened centres here.",
            ["Corvane", "Halden", "Tallis"],
        ),
        ("Germany, France, Italy and other countries lead.", []),
        (  # "market players" still names players
            "Halden & Co, Tallis S.A. and Corvane were the leading market players in Chile.",
            ["Halden & Co", "Tallis S.A.", "Corvane"],
        ),
        (  # parser 2.4.10: a firm named for two partners keeps its comma
            "The key companies include Halden, Ostrava and Company, Corvane Inc. (U.S.), and "
            "Tallis AG (Germany).",
            ["Halden, Ostrava and Company", "Corvane Inc.", "Tallis AG"],
        ),
        ("The market is dominated by rising demand for home testing.", []),
        (
            "Output is concentrated in the three largest pump makers: Halden, Tallis and Kaito.",
            ["Halden", "Tallis", "Kaito"],
        ),
        (
            "There are two primary scanner manufacturers in the U.S. market—Corvane and "
            "Tallis—that hold most of it.",
            ["Corvane", "Tallis"],
        ),
        (
            "Veterinary drug companies, including Halden AG, Ostrava S.A. and Kaito Inc., are "
            "expanding.",
            ["Halden AG", "Ostrava S.A.", "Kaito Inc."],
        ),
        (
            "Global makers of imaging systems active in Chile include Corvane Imaging, Tallis "
            "and Venlo.",
            ["Corvane Imaging", "Tallis", "Venlo"],
        ),
        ("Many companies, including new entrants, are expanding.", []),
        (  # the market's name as the label; stock listings in brackets are no part of a name
            "Radioligand Therapy Companies: Halden Bio (NASDAQ: HLDN), Tallis (TLS / NYSE: "
            "TLS), Kaito Pharma (NYSE: KTO,), and others",
            ["Halden Bio", "Tallis", "Kaito Pharma"],
        ),
        ("Pharmaceutical companies: rising investment in research.", []),
        (  # "the likes of" names examples of the firms the sentence speaks of
            "The likes of Halden, Tallis and Kaito Scientific were among the firms that raced "
            "to develop tests.",
            ["Halden", "Tallis", "Kaito Scientific"],
        ),
        ("Firms with the likes of rising costs are struggling.", []),
        (  # a name may open with a small letter
            "Key players include bioHalden, iTallis and Kaito.",
            ["bioHalden", "iTallis", "Kaito"],
        ),
        (  # parser 2.4.30: a relative clause about the players lists them
            "The report noted “profitable opportunities for the market players,” which include "
            "Halden Medical AG, Ostrava Holding BV, and Kaito Group, plc.",
            ["Halden Medical AG", "Ostrava Holding BV", "Kaito Group, plc"],
        ),
        (  # parser 2.4.30: "dominated by" in an aside; the aside's dash ends the list
            "The acme market — currently dominated by Halden A/S and Ostrava & Co. — is now "
            "set to reach $130 billion by 2030.",
            ["Halden A/S", "Ostrava & Co."],
        ),
        (
            "The acme market, which is dominated by Halden AG and Kaito AG, grows.",
            ["Halden AG", "Kaito AG"],
        ),
        (  # regions dominating are no players
            "The acme market, largely dominated by North America and Europe, grows.",
            [],
        ),
        (  # parser 2.4.31: the leaders by share, each with its share
            "The companies with the biggest market share were listed as Halden & Halden, 44 "
            "percent; CIBA Acme, 22 percent; AcmeVision, 16 percent; and Bausch + Tallis, 14 "
            "percent.",
            ["Halden & Halden", "CIBA Acme", "AcmeVision", "Bausch + Tallis"],
        ),
        (
            "Companies with the largest shares are Acme Corp (31%), Beta Labs (20%) and Gamma "
            "Holding (9%).",
            ["Acme Corp", "Beta Labs", "Gamma Holding"],
        ),
        (  # parser 2.4.31: an Oxford list parts at its commas; "and" inside a name stays
            "The major players, such as Halden and Halden, Bausch and Tallis, The Kaito "
            "Companies, and Ostrava Inc., are well-organized.",
            ["Halden and Halden", "Bausch and Tallis", "The Kaito Companies", "Ostrava Inc."],
        ),
        (  # unless the first part is then prose: the list is read as before
            "Companies like Halden and Ostrava are leading the way with new research, improved "
            "vaccines, and global expansion.",
            ["Halden", "Ostrava"],
        ),
        (  # parser 2.4.31: a later name's article is no part of it
            "Some of the big players include Halden, Kaito, and the Serum Institute of Acme.",
            ["Halden", "Kaito", "Serum Institute of Acme"],
        ),
        (  # but a list of one agency after "the" names no player
            "Players follow standards set by organizations such as the National Acme Products "
            "Administration (NAPA).",
            [],
        ),
        (  # parser 2.4.33: a count of corporations before a colon
            "The market for acme food is controlled mostly by five big corporations: Halden, "
            "Inc., Kaito Petcare, and Ostrava Co. Ltd.",
            ["Halden, Inc.", "Kaito Petcare", "Ostrava Co. Ltd."],
        ),
    ],
)
def test_companies_in_sentence(sentence: str, names: list[str]) -> None:
    assert [name for s in split_sentences(sentence) for name in companies_in_sentence(s)] == names


def test_a_players_lead_in_a_players_section_names_no_company() -> None:
    """Parser 2.4.9: "The", cut from the prose that follows it, is no name."""
    lead = "The major players in the market can be divided into three tiers based on share:"
    assert companies_in_list(lead) == []


@pytest.mark.parametrize(
    "text,groups",
    [
        (
            "Based on drug class, the targeted therapy and chemotherapy segments together "
            "held most of the market.",
            [("drug class", ["targeted therapy", "chemotherapy"])],
        ),
        (
            "By modality, external beam held a 71% share in 2024, while brachytherapy is "
            "projected to grow fastest; proton therapy is set to follow.",
            [("modality", ["external beam", "brachytherapy", "proton therapy"])],
        ),
        ("The hormone therapy (HT) segment led in 2024.", [("", ["hormone therapy (HT)"])]),
        ("By End-use ,the hospital segment grew fastest.", [("End-use", ["hospital"])]),
        ("→ By indication, lung cancer emerged as the leader.", [("indication", ["lung cancer"])]),
        ("The fastest-growing segment and the largest segment were both hospitals.", []),
        ("The North America segment led the market.", []),
        ("Hospitals remain one of the most vital segments.", []),
    ],
)
def test_segment_subjects(text: str, groups: list[tuple[str, list[str]]]) -> None:
    assert segment_subjects(text) == groups


@pytest.mark.parametrize(
    "items,names",
    [
        (
            "Drugs {Rx, OTC} and Vaccines [Viral, Bacterial]",
            ["Drugs", "Rx", "OTC", "Vaccines", "Viral", "Bacterial"],
        ),
        (  # parser 2.4.30: examples after "e.g.," are no sub-list ("e.g" had been a name)
            "Process Development, Packaging, Others (e.g., regulatory support, logistics)",
            ["Process Development", "Packaging", "Others"],
        ),
        (
            "Consumables (Antibodies, Probes), CML (Chronic Myelogenous Leukemia), And Others",
            ["Consumables", "Antibodies", "Probes", "CML (Chronic Myelogenous Leukemia)", "Others"],
        ),
        (
            "in situ hybridization, mRNA panels, and ‘others’",
            ["in situ hybridization", "mRNA panels", "others"],
        ),
        ("by type, by application, and by end user", []),
        # parser 2.4.11: an abbreviation in brackets or braces is part of the name, as in
        # parentheses; a name alone in brackets is a sub-list of one
        (
            "Electronic Health Record {EHR} [On-Premise, Web/Cloud-Based], Analytics [Predictive]",
            [
                "Electronic Health Record (EHR)",
                "On-Premise",
                "Web/Cloud-Based",
                "Analytics",
                "Predictive",
            ],
        ),
        # parser 2.4.10: lowercase adjectives share the last name's noun; title case does not
        ("therapeutic and diagnostic products", ["therapeutic products", "diagnostic products"]),
        (
            "oral, injectable, and topical drug delivery systems",
            [
                "oral drug delivery systems",
                "injectable drug delivery systems",
                "topical drug delivery systems",
            ],
        ),
        ("hospital and ambulatory surgical centers", ["hospital", "ambulatory surgical centers"]),
        ("Hospital, Specialty Clinics", ["Hospital", "Specialty Clinics"]),
        ("Pathology v/s Radiology", ["Pathology", "Radiology"]),  # 2.4.10: alternatives
        ("Urban vs. Rural", ["Urban", "Rural"]),
        # parser 2.4.11: the alternative after a comma; "& Others" is the list's last item
        ("Reusable, v/s Disposable", ["Reusable", "Disposable"]),
        ("Spherical, Multifocal & Others", ["Spherical", "Multifocal", "Others"]),
        ("Hospitals & Clinics, Others", ["Hospitals & Clinics", "Others"]),
        # parser 2.4.10: the last two names part at the "and" that leaves both names
        (
            "colored display and black and white display",
            ["colored display", "black and white display"],
        ),
        (
            "syringes, operating room equipment, sterilization and disinfectant equipment and "
            "disposable hospital supplies",
            [
                "syringes",
                "operating room equipment",
                "sterilization and disinfectant equipment",
                "disposable hospital supplies",
            ],
        ),
        # parser 2.4.27: a hyphen left hanging shares the word after it
        (
            "Clinical Writing, Disease- and drug-related writing",
            ["Clinical Writing", "Disease- and drug-related writing"],
        ),
    ],
)
def test_split_segment_names_lifts_sub_lists(items: str, names: list[str]) -> None:
    assert split_segment_names(items) == names


def test_a_sentence_that_segments_along_two_dimensions() -> None:
    text = (
        "The study segments the market by modality into photons and protons, and by end user "
        "into hospitals, cancer centres, and head and neck clinics."
    )
    assert segmentation_sentence(text) == [
        ("modality", ["photons", "protons"]),
        ("end user", ["hospitals", "cancer centres", "head and neck clinics"]),
    ]
    assert segment_subjects(text) == []  # "segments" is the verb here


def test_segmentation_sentences_with_their_labels() -> None:
    text = (
        "With respect to cancer type, the market has been bifurcated into lung cancer and "
        "melanoma. By end-user, key segments include hospitals, reference labs, and others. "
        "Based on application, the market has further been segregated into imaging and biopsy."
    )
    assert segmentation_sentence(text) == [
        ("cancer type", ["lung cancer", "melanoma"]),
        ("end-user", ["hospitals", "reference labs", "others"]),
        ("application", ["imaging", "biopsy"]),
    ]


@pytest.mark.parametrize(
    "text,groups",
    [
        (
            "By indication, the radioligand market is segmented as prostate cancer, "
            "neuroendocrine tumours, and thyroid cancer.",
            [("indication", ["prostate cancer", "neuroendocrine tumours", "thyroid cancer"])],
        ),
        (  # parser 2.4.9: "the different X technologies are A, B"; names first, quoted
            "The different tumour profiling technologies are gene panels (GP), whole exome "
            "sequencing and others.",
            [("technologies", ["gene panels (GP)", "whole exome sequencing", "others"])],
        ),
        (
            '"Surgery, radiotherapy and cell therapy are the different types of available '
            'treatment in Chile," the study said.',
            [("types", ["Surgery", "radiotherapy", "cell therapy"])],
        ),
        ("The main drivers are rising demand and new launches.", []),
        (  # parser 2.4.9: "&" in the market's name before "include"
            "Common types of Bone & Joint Implants include knee implants, hip implants and "
            "spinal implants.",
            [("types", ["knee implants", "hip implants", "spinal implants"])],
        ),
        (
            "This market is segmented by type of therapy, including photon therapy, proton "
            "therapy, and others.",
            [("type of therapy", ["photon therapy", "proton therapy", "others"])],
        ),
        (
            "Based on the end user the study includes hospitals, cancer institutes, and "
            "ambulatory centres.",
            [("end user", ["hospitals", "cancer institutes", "ambulatory centres"])],
        ),
        ("The disease is classified as a rare cancer of the bile ducts.", []),
        (
            "Based on cancer type, the market is characterized into melanoma and basal cell "
            "carcinoma.",
            [("cancer type", ["melanoma", "basal cell carcinoma"])],
        ),
        (
            "Segments outlook by type, it includes preventive vaccines, therapeutic vaccines "
            "and others.",
            [("type", ["preventive vaccines", "therapeutic vaccines", "others"])],
        ),
        ("Driven by demand, the market includes many new entrants and established firms.", []),
        (
            "On the basis of brand, the division is further classified into Velocel, Remora, "
            "and others.",
            [],
        ),
        (
            "Market segmentation exists based on both service type (e.g., SaaS, PaaS, IaaS) and "
            "application (e.g., CRM, ERP, collaboration tools).",
            [
                ("service type", ["SaaS", "PaaS", "IaaS"]),
                ("application", ["CRM", "ERP", "collaboration tools"]),
            ],
        ),
        (
            "Different types of stents are coronary, peripheral, and neurovascular.",
            [("types", ["coronary", "peripheral", "neurovascular"])],
        ),
        (
            "The main types of acme devices include implantable pumps and external pumps.",
            [("types", ["implantable pumps", "external pumps"])],
        ),
        (  # parser 2.4.10: a count of categories before the list, a colon or "including"
            "From a service perspective, the market is divided into several categories: drug "
            "development, fill-finish services, and others.",
            [("", ["drug development", "fill-finish services", "others"])],
        ),
        (  # the label right after "market by", without a comma
            "The acme market by application can be broadly categorized into several key "
            "sectors, including hospitals, clinics, and others.",
            [("application", ["hospitals", "clinics", "others"])],
        ),
        (  # parser 2.4.10: other verbs than "segmented" before "by X, including"
            "The market is further categorized by cancer type, including breast, lung, and "
            "other cancers.",
            [("cancer type", ["breast", "lung", "other cancers"])],
        ),
        (  # parser 2.4.11: the market "includes" or "comprises" its segments
            "The acme medical supplies market includes surgical gowns and drapes, gloves, "
            "face masks, and sutures.",
            [("", ["surgical gowns and drapes", "gloves", "face masks", "sutures"])],
        ),
        (
            "India's acme laboratories market comprises two segments: pathology and radiology.",
            [("", ["pathology", "radiology"])],
        ),
        (  # parser 2.4.12: a dimension's examples, the sentence going on after the list
            "Clinicians use acme probes in various application areas, such as biopsy guidance, "
            "tumour ablation, and margin mapping, which lifts the acme probes market.",
            [("application areas", ["biopsy guidance", "tumour ablation", "margin mapping"])],
        ),
        (  # the therapies' own areas are no segmentation of the market
            "The therapies span various therapeutic areas, including oncology and cardiology.",
            [],
        ),
        (  # parser 2.4.12: "consists of", after an adverb too
            "The acme lab instruments market primarily consists of centrifuges, flow cytometers "
            "and PCR systems.",
            [("", ["centrifuges", "flow cytometers", "PCR systems"])],
        ),
        (  # a definition of the market, not its segments
            "The acme power market consists of sales of acme power and related services.",
            [],
        ),
        (
            "The acme drugs market includes revenues earned by entities by providing "
            "chemotherapy and targeted therapy.",
            [],
        ),
        ("The market includes key players such as Acme, Bolt and Corex.", []),
        (  # parser 2.4.11: any count of categories, in words or digits
            "The therapeutic segment is further divided into eleven other categories such as "
            "anti-infectives, respiratory, and others.",
            [("", ["anti-infectives", "respiratory", "others"])],
        ),
        (
            "This procedure is classified into 2 types: haemodialysis and peritoneal dialysis.",
            [("", ["haemodialysis", "peritoneal dialysis"])],
        ),
        (  # parser 2.4.11: what a report covers
            "The modalities covered in this report include magnetic resonance imaging (MRI), "
            "X-ray, and nuclear medicine.",
            [("modalities", ["magnetic resonance imaging (MRI)", "X-ray", "nuclear medicine"])],
        ),
        ("The regions covered in this report include North America and Europe.", []),
        (  # parser 2.4.25: "is composed of", a count and a colon after it
            "The acme drugs industry is composed of branded drugs, generics, and vaccines.",
            [("", ["branded drugs", "generics", "vaccines"])],
        ),
        (
            "The acme market is composed of two major sectors: prescription drugs and "
            "over-the-counter remedies.",
            [("", ["prescription drugs", "over-the-counter remedies"])],
        ),
        (  # parser 2.4.11: "the end users of the X market include"
            "The end users of the acme sequencing market include research centers, hospitals & "
            "clinics, and others.",
            [("end users", ["research centers", "hospitals & clinics", "others"])],
        ),
        (  # parser 2.4.27: categories of the products; an example given of one is none
            "The primary categories of these acme drugs include kinase blockers (such as "
            "AB-12 and CD-7 blockers), antibody conjugates, and cell therapies.",
            [("categories", ["kinase blockers", "antibody conjugates", "cell therapies"])],
        ),
        (
            "Drugs used to treat acme disease include alkylating agents, hormone blockers, "
            "and gene therapies.",
            [("Drugs", ["alkylating agents", "hormone blockers", "gene therapies"])],
        ),
        (
            "Acme filtration is of two major types, membrane filtration and depth filtration.",
            [("types", ["membrane filtration", "depth filtration"])],
        ),
        (  # parser 2.4.30: an industry report's product and services lines
            "Industry revenue is measured across several distinct product and services lines, "
            "including Acme Home Care, Hospice Services and Personal Services.",
            [("product and services", ["Acme Home Care", "Hospice Services", "Personal Services"])],
        ),
        (  # parser 2.4.30: "… are the major types in the market" as "… types of …"
            "Generic and innovative are the major types in the market.",
            [("types", ["Generic", "innovative"])],
        ),
        (  # parser 2.4.30: "specifically" opens the list as "namely" does
            "The acme market has been segmented based on hospital ownership type, specifically "
            "public and private hospitals.",
            [("hospital ownership type", ["public hospitals", "private hospitals"])],
        ),
        (  # parser 2.4.30: the market's parts in an aside between dashes
            "The global market for acme fusion—which includes plating systems, interbody "
            "devices, and screw systems (excluding minimally invasive devices)—is set to rise "
            "from US$7.1 billion in 2016.",
            [("", ["plating systems", "interbody devices", "screw systems"])],
        ),
        (  # parser 2.4.31: the dimension after the list
            "The U.S. acme pharmacies market is categorized into, oral medication, topical "
            "medication, mouthwashes, suppositories and injectable on the basis of their product "
            "type.",
            [
                (
                    "product type",
                    [
                        "oral medication",
                        "topical medication",
                        "mouthwashes",
                        "suppositories",
                        "injectable",
                    ],
                )
            ],
        ),
        (  # parser 2.4.31: the dimension between the verb and "into"
            "Global acme stents market is segmented on the basis of material into metal, standard "
            "polymer and biodegradable polymer.",
            [("material", ["metal", "standard polymer", "biodegradable polymer"])],
        ),
        (  # parser 2.4.31: "other services such as …" are examples of the rest, no segments
            "Based on type of services, the global acme centers market can be classified into "
            "in-center dialysis, home hemodialysis, peritoneal dialysis, and other services such "
            "as disease management and emergency services.",
            [
                (
                    "type of services",
                    ["in-center dialysis", "home hemodialysis", "peritoneal dialysis"],
                )
            ],
        ),
        (  # parser 2.4.31: "…, which consists of two major subtypes: A and B, the former …"
            "Ardent examined the acme-negative breast cancer market, which consists of two major "
            "subtypes: hormone receptor positive (HR+) and triple negative breast cancer (TNBC), "
            "the former of which accounts for approximately 90 percent.",
            [
                (
                    "subtypes",
                    ["hormone receptor positive (HR+)", "triple negative breast cancer (TNBC)"],
                )
            ],
        ),
        (  # parser 2.4.31: adjectives share a singular noun too
            "The acme market can be segmented into traditional and advanced wound care.",
            [("", ["traditional wound care", "advanced wound care"])],
        ),
        (  # an aside between commas may run on into the sentence: left to other rules
            "The acme market, which includes pharmaceuticals, devices, and services, reached "
            "USD 9.12 trillion in 2024.",
            [],
        ),
        (  # a firm's ways, in a list after "types of", are no segments
            "Key players adopt various types of strategies such as product launches, "
            "partnerships and acquisitions.",
            [],
        ),
        (  # parser 2.4.33: "broken down into", its "applications of" naming the dimension
            "The market is broken down into applications of branded acme drugs, generic acme "
            "drugs and over-the-counter (OTC) products.",
            [
                (
                    "applications",
                    ["branded acme drugs", "generic acme drugs", "over-the-counter (OTC) products"],
                )
            ],
        ),
        (  # "breaking it down into its key components: …"
            "The most useful way to analyze this market is by breaking it down into its key "
            "components: Software, Hardware, and Services.",
            [("", ["Software", "Hardware", "Services"])],
        ),
        (  # "comprises of", after the industry's place
            "The Acme industry in India comprises of hospitals, medical devices, clinical "
            "trials, and telemedicine.",
            [("", ["hospitals", "medical devices", "clinical trials", "telemedicine"])],
        ),
        (  # but not of its firms
            "The acme industry comprises of many new entrants and established players.",
            [],
        ),
        (  # a list after a later verb inside what an earlier one took for its list
            "The acme industry consists of over 60 techniques, which are grouped into nine "
            "technology categories: separations, mass spectrometry, and lab automation.",
            [("", ["separations", "mass spectrometry", "lab automation"])],
        ),
        (  # a count of segments and a dash before the list
            "Acme business is divided into three segments - functional food, functional "
            "beverages and dietary supplements.",
            [("", ["functional food", "functional beverages", "dietary supplements"])],
        ),
        (  # "consists primarily of"
            "A research firm said that the acme vaccine market consists primarily of livestock "
            "vaccines and companion vaccines.",
            [("", ["livestock vaccines", "companion vaccines"])],
        ),
        (  # a count of categories and a comma before the list
            "The acme bags are often divided into two major categories, single-piece system, and "
            "two-piece system.",
            [("", ["single-piece system", "two-piece system"])],
        ),
        (  # "namely," after such a comma is no item
            "Acme tests can be broadly classified into four major categories, namely, clinical "
            "chemistry, human genetics and other esoteric tests.",
            [("", ["clinical chemistry", "human genetics", "other esoteric tests"])],
        ),
        (  # "…, among others" ends the list
            "The market for acme ingredients comprises hair care, oral care, and perfumes, among "
            "others.",
            [("", ["hair care", "oral care", "perfumes"])],
        ),
        (  # "A, B and C are the main product categories of the X market"
            "Skincare, hair care, and oral cosmetics are the main product categories of the acme "
            "market.",
            [("product", ["Skincare", "hair care", "oral cosmetics"])],
        ),
        (  # "the major X ingredients are A, B and C"
            "Some of the major acme ingredients are vitamins, minerals, and omega fatty acids.",
            [("ingredients", ["vitamins", "minerals", "omega fatty acids"])],
        ),
        (  # a relative clause describing an item is no part of the list
            "Based on the route of administration, the acme market has been segmented into "
            "ocular drug delivery, which is associated with eye diseases, pulmonary drug "
            "delivery, which treats respiratory issues, injectable drug delivery, and nasal drug "
            "delivery.",
            [
                (
                    "the route of administration",
                    [
                        "ocular drug delivery",
                        "pulmonary drug delivery",
                        "injectable drug delivery",
                        "nasal drug delivery",
                    ],
                )
            ],
        ),
        (  # "into categories based on X, including A, B and C": X is the dimension
            "The report segments the acme plastics market into categories based on resin types, "
            "including PVC, polyethylene and polystyrene; applications; and geographies.",
            [("resin types", ["PVC", "polyethylene", "polystyrene"])],
        ),
    ],
)
def test_segmentation_wordings(text: str, groups: list[tuple[str, list[str]]]) -> None:
    assert segmentation_sentence(text) == groups


def test_one_word_items_share_the_market_words_that_end_the_last() -> None:
    """Parser 2.4.33: 'soft, hybrid, and rigid gas permeable acme lenses' on an Acme Lenses
    page are three kinds of acme lenses; a one-word noun they share is left as written."""
    lenses = ["soft", "hybrid", "rigid gas permeable (RGP) acme lenses"]
    assert with_shared_head(lenses, "Acme Lenses Industry") == [
        "soft acme lenses",
        "hybrid acme lenses",
        "rigid gas permeable (RGP) acme lenses",
    ]
    assert with_shared_head(lenses, "Eye Care Market") == lenses  # the title names no head
    wounds = ["burn", "ulcer", "surgical wound"]
    assert with_shared_head(wounds, "Acme Wound Care Market") == wounds
    mixed = ["soft", "Hybrid", "rigid gas permeable acme lenses"]
    assert with_shared_head(mixed, "Acme Lenses Market") == mixed  # a name, not an adjective


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        ("By Type: Probes, Scanners and Software", ("Type", ["Probes", "Scanners", "Software"])),
        ("By End-user - Hospitals, Clinics", ("End-user", ["Hospitals", "Clinics"])),
        (  # parser 2.4.25: a key-statistics line names one segment, whole
            "By End-user - Hospitals and clinics segment was valued at USD 2.16 billion in 2022",
            ("End-user", ["Hospitals and clinics"]),
        ),
        (
            "By Product - Consumables segment accounted for the largest revenue share in 2022",
            ("Product", ["Consumables"]),
        ),
    ],
)
def test_labelled_segment_lines(line: str, labelled: tuple[str, list[str]]) -> None:
    assert labelled_segment_list(line) == labelled


def test_a_title_restated_with_colon_groups_and_abbreviations() -> None:
    lead = (
        "<h1>Acme Cell Therapy Market</h1><p>Acme Cell Therapy Market (By Drug Type: Velocel, "
        "Others; By Indication: Lymphoma, Chronic Lymphocytic Leukemia (CLL), Multiple Myeloma "
        "(MM); By End User: Hospitals, Cancer Treatment Centers) - Global Industry Analysis, "
        "Size, Share and Forecast 2024-2033</p>"
    )
    report = parse_report_bytes(lead.encode(), file_name="page.html")
    assert [(s.name, s.dimension) for s in report.segments] == [
        ("Velocel", "drug-class"),
        ("Others", "drug-class"),
        ("Lymphoma", "indication"),
        ("Chronic Lymphocytic Leukemia (CLL)", "indication"),
        ("Multiple Myeloma (MM)", "indication"),
        ("Hospitals", "end-user"),
        ("Cancer Treatment Centers", "end-user"),
    ]


def test_a_study_title_lists_its_segments_after_by_and_its_end_users_after_for() -> None:
    """Parser 2.4.30: "X Market Study by A, B, and C, from 2024 to 2034" lists segments
    without a label, "for D and E" its end users; a list of dimensions names none."""
    flat = "Acme Services Market Study by Steam Acme, Gamma Acme, and Beam Acme, from 2024 to 2034"
    assert title_segment_groups(flat) == [("", ["Steam Acme", "Gamma Acme", "Beam Acme"])]
    users = (
        "Acme Densitometer Market Study by Axial Acme and Peripheral Acme for Hospitals, "
        "Clinics, and Diagnostic Centers from 2024 to 2034"
    )
    assert title_segment_groups(users) == [
        ("", ["Axial Acme", "Peripheral Acme"]),
        ("end users", ["Hospitals", "Clinics", "Diagnostic Centers"]),
    ]
    dimensions = "Acme Market Analysis by Type, Application and Region from 2024 to 2034"
    assert title_segment_groups(dimensions) == []


def test_title_groups_labelled_without_by() -> None:
    title = (
        "Bile Duct Cancer Treatment Market (Drug Type: Photon Therapy, Biological Therapy, and "
        "Others; Distribution Channel - Hospital Pharmacies, Online Pharmacies) - Global "
        "Industry Analysis"
    )
    assert title_segment_groups(title) == [
        ("Drug Type", ["Photon Therapy", "Biological Therapy", "Others"]),
        ("Distribution Channel", ["Hospital Pharmacies", "Online Pharmacies"]),
    ]
    assert title_segment_groups("Oncology Market Size and Forecast (2021 - 2031)") == []
    # parser 2.4.11: "X Market – Label (A, B), Label (C, D)", two such groups at least
    dashed = "Acme Forceps Market – Product (Cold, Hot), End User (Hospital, ASCs) – Forecasts"
    assert title_segment_groups(dashed) == [
        ("Product", ["Cold", "Hot"]),
        ("End User", ["Hospital", "ASCs"]),
    ]
    assert title_segment_groups("Oncology Market - Growth, Trends (2024 - 2029)") == []


def test_a_quoted_unit_is_no_segment() -> None:
    text = 'The report offers estimates in "USD billion" for the following segments.'
    assert find_named_segments([text]) == {}


# A sentence for each way `segmentation_sentence` reads a list, for the search below.
_SEGMENTATION_WORDINGS = [
    "The market is segmented into hospitals, clinics and home care.",
    "The report segments the market by type into drugs and devices, and by application into "
    "oncology and cardiology.",
    "The market is categorized by cancer type, including lung cancer and breast cancer.",
    "By type, it includes tablets, capsules and others.",
    "Based on the product type the study includes kits and reagents.",
    "Major segments of the Indian pharmaceutical industry include generics and vaccines.",
    "When segmented by technology, the market categories are telemedicine and mHealth.",
    "The main types of therapy include chemotherapy and radiotherapy.",
    "Drugs used to treat cancer include cisplatin and paclitaxel.",
    "Dialysis is of two major types, hemodialysis and peritoneal dialysis.",
    "There are two types of sutures available in the market, namely absorbable and non-absorbable.",
    "The market has three segments: hospitals, clinics and home care.",
    "The segments of this market depending upon disease type are oncology and neurology.",
    "The lab instrumentation market primarily consists of analyzers, pipettes and centrifuges.",
    "The end users of the NGS market include hospitals and laboratories.",
    "The modalities covered in this report include CT and MRI.",
    "The different companion diagnostics technologies are PCR and NGS.",
    "It is used in various application areas, such as oncology, cardiology and neurology.",
    "The market is sub-segmented into pumps and pens, and classified as, A1 and B2.",
]


def test_the_word_start_search_finds_what_a_full_scan_finds() -> None:
    """`segmented_into_matches` tries the pattern only at the words an alternative can open
    with (parser 2.4.29, for speed): over every golden page, seed and wording above it must
    find exactly what `finditer` finds, from the text's start or from any word. A new
    alternative that opens with another word fails here until `_SEGMENTATION_OPENERS` lists
    it."""
    pages = [*PUBLISHERS_DIR.glob("*.html"), *SAMPLES_DIR.glob("*.html"), *SEEDS_DIR.iterdir()]
    texts = [*_SEGMENTATION_WORDINGS]
    for page in pages:
        texts += [block.text for block in parse_document(page.read_text("utf-8")).blocks]
    found_any = 0
    for text in texts:
        scanned = [(m.span(), m.groupdict()) for m in SEGMENTED_INTO.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in segmented_into_matches(text)] == scanned
        found_any += bool(scanned)
        if (middle := text.find(" ", len(text) // 2)) > 0:  # from a word on (parser 2.4.33)
            scanned = [(m.span(), m.groupdict()) for m in SEGMENTED_INTO.finditer(text, middle)]
            started = segmented_into_matches(text, middle)
            assert [(m.span(), m.groupdict()) for m in started] == scanned
    assert found_any >= len(_SEGMENTATION_WORDINGS)


@pytest.mark.parametrize(
    ("prose", "firms"),
    [
        (  # parser 2.4.32: each firm once, as first written, in order of mention
            "Medtronic is moving into the space. U.K.-based CMR Surgical raised $380 million to "
            "challenge Intuitive Surgical, and Medtronic's robot follows.",
            ["Medtronic", "Intuitive Surgical"],
        ),
        (  # the longest spelling wins; two Mercks are two firms; a possessive is the firm
            "Merck KGaA licensed it from Merck's partner; Bausch + Lomb and Dr. Reddy’s agreed.",
            ["Merck KGaA", "Merck", "Bausch + Lomb", "Dr. Reddy’s"],
        ),
        (  # spellings of one firm are one firm
            "J&J and Johnson & Johnson Vision lead; Becton, Dickinson and Company follows.",
            ["J&J", "Becton, Dickinson and Company"],
        ),
        (  # a source cited is no player, and a word that only starts like a firm is none
            "According to a report by IQVIA, La Roche-Posay and Pfizerville grew. Abbott did.",
            ["Abbott"],
        ),
    ],
)
def test_well_known_firms_named_in_prose(prose: str, firms: list[str]) -> None:
    assert known_companies_named([prose]) == firms


def test_a_page_without_a_players_list_lists_the_well_known_firms_it_names() -> None:
    """Parser 2.4.32: a news page names its market's firms in running text, never in a list."""
    news = (
        "<h1>Acme robots set to triple</h1><p>The global acme surgical robot market is expected "
        "to grow from $4.5 billion in 2016 to $12.1 billion in 2025.</p><p>Key patents are "
        "running out for Intuitive Surgical. Medtronic, a large device maker, is moving into the "
        "space, according to analysts at Pfizer-backed Acme Research.</p>"
    )
    report = parse_report_bytes(news.encode(), file_name="news.html")
    assert report.companies == ["Intuitive Surgical", "Medtronic"]
    assert "companies_from_mentions" in {warning.code for warning in report.quality.warnings}
    listed = news.replace(
        "</p><p>Key",
        "</p><p>Key players include Acme Robotics Inc. and Corvane Medical Ltd.</p><p>Key",
    )
    report = parse_report_bytes(listed.encode(), file_name="news.html")
    assert report.companies == ["Acme Robotics Inc.", "Corvane Medical Ltd."]
    assert "companies_from_mentions" not in {warning.code for warning in report.quality.warnings}


def test_a_blog_s_links_to_its_other_posts_are_no_company() -> None:
    """Parser 2.4.33: "More Posts", "Popular Content" and a comment form under a players list
    are the blog's chrome."""
    page = (
        "<h1>Acme Pharmaceutical Market</h1><p>The market was worth USD 2.1 billion in 2023.</p>"
        "<h2>Key Players</h2><ul><li>Acme Pharma Inc.</li><li>Ostrava Labs Ltd.</li></ul>"
        "<p>More Posts</p><p>Popular Content</p><p>Leave a Reply</p><p>Your email address will "
        "not be published. Required fields are marked *</p>"
    )
    report = parse_report_bytes(page.encode(), file_name="acme.html")
    assert report.companies == ["Acme Pharma Inc.", "Ostrava Labs Ltd."]


def test_a_described_item_s_labels_are_no_segments() -> None:
    """Parser 2.4.33: "These include …" and "Examples: …" lines under each listed category."""
    assert names_no_segment("These")
    assert names_no_segment("Examples")
    assert names_no_segment("e.g")
    assert not names_no_segment("Dietary Supplements")


@pytest.mark.parametrize(
    ("text", "name", "groups"),
    [
        (  # parser 2.4.33: a sentence whose subject is the market's name lists its kinds
            "Acme cosmetics refer to care products. Common acme cosmetics include Acme Skin "
            "Care, Acme Hair Care, Acme Toiletries and others.",
            "Acme Cosmetics",
            [("", ["Acme Skin Care", "Acme Hair Care", "Acme Toiletries", "others"])],
        ),
        (
            "Acmetics products include skincare, hair care, makeup, and fragrances.",
            "Acmetics",
            [("", ["skincare", "hair care", "makeup", "fragrances"])],
        ),
        (  # a definition is no list of kinds
            "Acme food includes food for pets like cats, dogs, birds, and other animals.",
            "Acme Food",
            [],
        ),
        (  # nor is another subject's list
            "Acme retailers include Halden, Kaito and Ostrava.",
            "Acme Cosmetics",
            [],
        ),
    ],
)
def test_kinds_of_the_market_named_as_a_subject(
    text: str, name: str, groups: list[tuple[str, list[str]]]
) -> None:
    assert kinds_of_market(text, name) == groups
