"""Owner groups as Chinese government documents write them."""

from __future__ import annotations

import pytest

from planctl.importer.owners import Owners, parse_group, split_units, take_trailing


def owners(**fields: object) -> Owners:
    return Owners(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("市农业局牵头", owners(lead=["市农业局"])),
        (
            "市发展改革局、市经济信息化局、市科技局牵头",
            owners(lead=["市发展改革局", "市经济信息化局", "市科技局"]),
        ),
        (
            "市发展改革局牵头，市经济信息化局、市文广新局等有关部门参与",
            owners(
                lead=["市发展改革局"],
                support=["市经济信息化局", "市文广新局"],
                support_word="参与",
                support_more=True,
            ),
        ),
        (
            "市发展改革局、市经济信息化局等有关部门负责",
            owners(lead=["市发展改革局", "市经济信息化局"], lead_word="负责", lead_more=True),
        ),
        (
            "市城乡规划局、市文广新局牵头，市住房城乡建设局、市城市综合管理局等负责",
            owners(
                lead=["市城乡规划局", "市文广新局"],
                responsible=["市住房城乡建设局", "市城市综合管理局"],
                responsible_more=True,
            ),
        ),
        (
            "相关县(市、区)政府负责，市城市综合管理局、市环境保护局参与",
            owners(
                lead=["相关县（市、区）政府"],
                support=["市城市综合管理局", "市环境保护局"],
                lead_word="负责",
                support_word="参与",
            ),
        ),
        (
            "市环境保护局牵头，各县（市、区）参与",
            owners(lead=["市环境保护局"], support=["各县（市、区）"], support_word="参与"),
        ),
        (
            "市农业农村局会同市市场监管局负责",
            owners(lead=["市农业农村局"], support=["市市场监管局"], lead_word="负责"),
        ),
        (
            "市工业和信息化局、市自然资源局按职责分工负责",
            owners(lead=["市工业和信息化局", "市自然资源局"], lead_word="负责"),
        ),
        (
            "区金融工作局牵头，人行顺德支行、各商业银行协办",
            owners(
                lead=["区金融工作局"], support=["人行顺德支行", "各商业银行"], support_word="协办"
            ),
        ),
        (
            "牵头单位：市工业和信息化局；配合单位：市科技局、市发展改革局",
            owners(lead=["市工业和信息化局"], support=["市科技局", "市发展改革局"]),
        ),
        (
            "责任单位：市发展改革局，市财政局",
            owners(lead=["市发展改革局", "市财政局"], lead_word="负责"),
        ),
        (
            "由市发展改革局牵头，市财政局配合，2023年6月底前完成",
            owners(lead=["市发展改革局"], support=["市财政局"], due=["2023年6月底前完成"]),
        ),
        ("市发展改革局和市财政局牵头", owners(lead=["市发展改革局", "市财政局"])),
        ("市住房和城乡建设局牵头", owners(lead=["市住房和城乡建设局"])),
        (
            "责任单位：市发展改革局（牵头）、市财政局、市审计局",
            owners(lead=["市发展改革局"], responsible=["市财政局", "市审计局"]),
        ),
    ],
)
def test_owner_groups_name_lead_and_support(group: str, expected: Owners) -> None:
    found = parse_group(group)
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "2011—2020",
        "怀集",
        "项目",
        "试行",
        "广东",
        "含税",
        "探索由大型企业和保险公司牵头成立产业投资基金",
    ],
)
def test_brackets_that_name_no_role_are_not_owner_groups(text: str) -> None:
    assert parse_group(text) is None
    assert parse_group(text, implicit=True) is None


def test_a_bracket_of_unit_names_ending_an_item_names_the_lead() -> None:
    assert parse_group("区金融工作局", implicit=True) == owners(lead=["区金融工作局"])


def test_units_with_parentheses_stay_whole() -> None:
    assert [name for name, _, _ in split_units("各县(市、区)政府、市直有关单位等")] == [
        "各县（市、区）政府",
        "市直有关单位",
    ]


@pytest.mark.parametrize(
    ("text", "body", "lead"),
    [
        ("推进A。（市发展改革局牵头）", "推进A。", ["市发展改革局"]),
        ("推进A（市发展改革局牵头）。", "推进A。", ["市发展改革局"]),
        (
            "推进A。〔相关县(市、区)政府负责，市环境保护局参与〕",
            "推进A。",
            ["相关县（市、区）政府"],
        ),
        ("推进A。牵头单位：市财政局；配合单位：市审计局。", "推进A。", ["市财政局"]),
        ("推进A。由市财政局牵头，市审计局配合。", "推进A。", ["市财政局"]),
        (
            "尽快出台广佛肇(怀集)经济合作区工作方案。",
            "尽快出台广佛肇(怀集)经济合作区工作方案。",
            None,
        ),
    ],
)
def test_the_group_ending_an_item_is_taken_off_its_text(
    text: str, body: str, lead: list[str] | None
) -> None:
    found_body, found = take_trailing(text)
    assert found_body == body
    assert (found.lead if found else None) == lead
