"""Quality warnings explained in words: what each code means for someone reading the figures."""

_EXPLANATIONS = {
    "cagr_mismatch": "The growth rate the report states does not match the rate its own size "
    "and forecast imply (they differ by more than one percentage point). One of the three "
    "figures is probably wrong; compare them before relying on the stated CAGR.",
    "company_entry_split": "The report ran several company names together in one list entry; "
    "they were split into separate companies.",
    "duplicate_company_dropped": "The report lists the same company twice; the repeat was dropped.",
    "mojibake_repaired": "Part of the report's text had been decoded with the wrong character "
    "set (garbled characters such as â€™); it was repaired.",
    "non_utf8_text": "The report file was not UTF-8 and was read in another encoding.",
    "non_usd_currency": "The report states its amounts in another currency. They are shown as "
    "stated; no exchange rate is invented, so the USD size and forecast stay empty.",
    "mixed_currencies": "The report states its dated figures in more than one currency. "
    "Figures in different currencies cannot be compared, and no exchange rate is invented.",
    "missing_size": "The report states no current market size.",
    "missing_size_year": "The report states a market size without saying for which year.",
    "missing_forecast": "The report states no forecast.",
    "missing_forecast_year": "The report states a forecast without saying for which year.",
    "missing_cagr": "The report states no compound annual growth rate (CAGR).",
    "amount_out_of_range": "An amount in the report was too large to be a market size and was "
    "left out as a misreading.",
    "cagr_out_of_range": "The stated growth rate is implausible and was left out.",
    "cagr_range": "The report states its growth rate as a range (such as 5-6%); no single "
    "rate is stored, so the CAGR stays empty.",
    "implied_cagr_out_of_range": "The growth rate implied by size and forecast is implausible, "
    "so none is shown.",
    "faq_unanswered": "Some questions in the report's FAQ have no answer.",
    "missing_segments": "No market segments were found in the report.",
    "missing_companies": "No list of companies was found in the report.",
    "companies_from_mentions": "The report lists no key players; the companies shown are "
    "well-known firms its text mentions, which may include firms that are not players.",
    "missing_faqs": "No FAQs were found in the report.",
    "missing_summary": "No summary paragraph was found in the report.",
    "missing_report_id": "The report carries neither a report id nor a product URL, so it is "
    "identified by its title.",
    "unnamed_market": "No heading or sentence on the page names the market; its title is the "
    "page's own, so the market's name may read like a headline.",
}


def explain(code: str) -> str:
    """What the warning means, in words; a general sentence for a code not described here."""
    if code in _EXPLANATIONS:
        return _EXPLANATIONS[code]
    if code.startswith("truncated_"):
        return (
            "The report holds more items or longer texts than the dataset keeps; the rest was cut."
        )
    return "The parser noticed something unusual about this report."
