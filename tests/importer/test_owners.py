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


def test_a_deadline_after_a_labelled_list_is_the_due_date_not_a_unit() -> None:
    found = parse_group(
        "牵头单位：州行政审批服务局；责任单位：州司法局、州委编办及州直相关单位，"
        "各县市人民政府、湘西经开区管委会，6月底完成"
    )
    assert found is not None
    assert found.lead == ["州行政审批服务局"]
    assert found.responsible == [
        "州司法局",
        "州委编办",
        "州直相关单位",
        "各县市人民政府",
        "湘西经开区管委会",
    ]
    assert found.due == ["6月底完成"]


def test_a_bare_unit_word_after_a_collective_continues_it() -> None:
    assert [name for name, _, _ in split_units("市大数据局、市直有关部门、单位")] == [
        "市大数据局",
        "市直有关部门、单位",
    ]


def test_the_first_named_unit_leads_where_the_document_says_so() -> None:
    from planctl.importer.owners import first_named_leads, says_first_leads

    note = "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）"
    assert says_first_leads(f"加大稳岗支持力度。{note}")
    assert not says_first_leads("（海关总署、商务部负责，排在第一位的部门为牵头部门）")
    with first_named_leads(True):
        found = parse_group("财政部、工业和信息化部、人民银行等负责")
        explicit = parse_group("农业农村部、工业和信息化部牵头负责")
    assert found == owners(
        lead=["财政部"], responsible=["工业和信息化部", "人民银行"], responsible_more=True
    )
    assert explicit is not None and explicit.lead == ["农业农村部", "工业和信息化部"]
    one_group = parse_group("税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门")
    assert one_group is not None
    assert (one_group.lead, one_group.responsible) == (["税务总局"], ["财政部", "海关总署"])


def test_a_last_clause_that_only_names_owners_is_the_sentence_s_group() -> None:
    text, found = take_trailing("推进实验室建设，由市科技局牵头。")
    assert text == "推进实验室建设。"
    assert found is not None and found.lead == ["市科技局"]
    assert take_trailing("推进实验室建设，各地要加强领导。")[1] is None


@pytest.mark.parametrize(
    ("group", "lead"),
    [
        (
            "全国工商联、共青团中央、全国妇联等和各省级人民政府负责",
            ["全国工商联", "共青团中央", "全国妇联", "各省级人民政府"],
        ),
        ("扶贫办、中央和国家机关工委、国管局负责", ["扶贫办", "中央和国家机关工委", "国管局"]),
    ],
)
def test_national_bodies_are_units_and_a_bare_ending_is_not(group: str, lead: list[str]) -> None:
    found = parse_group(group)
    assert found is not None and found.lead == lead


def test_a_sentence_s_action_before_a_group_is_no_owner() -> None:
    text, found = take_trailing("发出倡议，引导全社会参与。（全国工商联、民政部负责）")
    assert text == "发出倡议，引导全社会参与。"
    assert found is not None and (found.lead, found.support) == (["全国工商联", "民政部"], [])
