"""Stories in traditional characters give the same facts as the same story in simplified ones."""

from __future__ import annotations

from newsmon.facts import extract_facts
from newsmon.facts.script import is_traditional, to_simplified

# Made-up stories, each written twice: the way a big5 gateway of a mainland portal or the Hong Kong
# press prints it, and in simplified characters.
_PAIRS = [
    (("大連長興島石化項目簽約 總投資41億元",
      "日前，大連長興島經濟技術開發區與某企業簽約，建設高端新材料項目，總投資41億元。"),
     ("大连长兴岛石化项目签约 总投资41亿元",
      "日前，大连长兴岛经济技术开发区与某企业签约，建设高端新材料项目，总投资41亿元。")),
    (("錦州市舉行重點項目集中開工儀式",
      "3月1日，錦州市12個重點項目集中開工，總投資58億元，涵蓋新能源、裝備製造等領域。"),
     ("锦州市举行重点项目集中开工仪式",
      "3月1日，锦州市12个重点项目集中开工，总投资58亿元，涵盖新能源、装备制造等领域。")),
]


def test_a_traditional_story_gives_the_facts_of_its_simplified_twin() -> None:
    for traditional, simplified in _PAIRS:
        got, want = extract_facts(*traditional), extract_facts(*simplified)
        assert want.amount is not None and want.stage is not None and want.places  # the twin states facts
        assert got == want


def test_simplified_text_is_left_as_is() -> None:
    # t2s is not a no-op on simplified text: 乾县 (a county of 咸阳) would become 干县.
    title, body = "陕西乾县举行项目开工仪式", "乾县某食品加工项目开工，总投资5亿元，著力打造产业链。"
    assert not is_traditional(title + body)
    assert to_simplified(title, body) == (title, body)
    facts = extract_facts(title, body)
    assert [p.county for p in facts.places] == ["乾县"]


def test_too_little_text_to_tell_is_left_as_is() -> None:
    assert not is_traditional("")
    assert not is_traditional("GDP 2024")
    assert to_simplified("開", "") == ("開", "")
