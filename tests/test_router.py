"""The router reads numbers with the one quantity parser: every spelling of the same area gives the same fee."""

import pytest

from assistant.errors import QueryError
from assistant.router import route_calculation
from assistant.rules.calculators import run


@pytest.mark.parametrize("question", [
    "买了1200平方米厂房，维修基金多少", "买了1,200平方米厂房，维修基金多少", "买了１２００㎡厂房，维修基金多少",
    "买了一千二百平方米厂房，维修基金多少", "买了0.12万平方米厂房，维修基金多少", "I bought a 1,200 m2 unit: maintenance fund?",
    "买了1200平的厂房维修的钱交多少"])
def test_every_form_of_the_same_area_gives_the_same_fee(question):
    name, inputs = route_calculation(question)
    assert name == "fees"
    assert run(name, inputs).value == 21600


def test_an_ambiguous_number_is_refused_naming_the_question():
    with pytest.raises(QueryError) as exc:
        route_calculation("买了1,2000平方米，维修基金多少")
    assert exc.value.field == "question" and "1,2000" in exc.value.message


def test_a_calculation_for_another_city_is_not_computed():
    # 维修资金 is set by 临海 only: a 温州 question must not get 临海's figure as if it were 温州's
    assert route_calculation("温州的厂房850平方米，维修基金交多少？") is None
    assert route_calculation("临海的厂房850平方米，维修基金交多少？")[0] == "fees"


def test_a_clause_number_in_the_question_is_not_a_quantity():
    assert route_calculation("入园企业少于15家行不行？") is None


@pytest.mark.parametrize("question,name,key,value", [
    ("临海存量改造园区60亩够不够", "site_area", "development_mode", "renovation"),
    ("我们想买350平方米的厂房可以吗", "unit_area", "unit_areas_m2", [350]),
    ("2020年3月1日买的厂房，2024年6月1日想卖掉，因为要外迁", "transfer_ban", "reason", "外迁"),
    ("合同2024年3月31日签的，2024年10月8日开工，算不算晚", "construction_deadlines", "start_date", "2024-10-08"),
    ("温州低效用地投产6年，120亩，能改造成小微园吗", "redevelopment", "land_in_production_years", 6),
    ("温州园区主导产业生产性用房6万平方米，生产性用房总共8万平方米", "leading_floor_share",
     "leading_industry_production_floor_m2", 60000),
    ("亩均税收35万、纳税250万，想买1.5万平方米", "quality_enterprise", "requested_area_m2", 15000),
])
def test_new_rules_are_routed(question, name, key, value):
    got, inputs = route_calculation(question)
    assert got == name and inputs[key] == value


@pytest.mark.parametrize("question, calculator, inputs", [
    ("临海园区总建筑面积12万平，办公食堂这些不是生产用的房子最少建多少", "nonproduction_share", {"total_floor_area_m2": 120000}),
    ("临海园区占地90亩，食堂宿舍这些非生产的房子占地最多几亩", "nonproduction_land_share", {"land_area_mu": 90}),
    ("临海园区宿舍楼一共9000平，成套的最多做多少平", "dormitory", {"dorm_total_floor_m2": 9000}),
    ("临海宿舍楼是6层的，想做一套72平的夫妻房", "dormitory", {"suite_areas_m2": [72]}),
    ("温州园区，厂子占地6亩，去年缴税210万，能买到2万平吗", "quality_enterprise", {"total_tax_wan": 210, "land_area_mu": 6}),
    ("临海园区用地5万平，建筑面积9万平，容积律够不够", "land_indicators", {"land_area_m2": 50000}),
    ("临海买了650个平方的厂房，维修基金交多少", "fees", {"area_m2": 650}),
    ("临海新拿的地90亩，按容积率下限最少要盖多少建筑面积", "land_indicators", {"land_area_mu": 90, "jurisdiction": "临海市"}),
    ("A Wenzhou park has a 60,000 m² site: what is the minimum floor area under the plot ratio floor?", "land_indicators",
     {"land_area_m2": 60000, "jurisdiction": "温州市"}),
    ("温州园区生产性用房一共9万平方米，主导产业的起码要多少", "leading_floor_share", {"production_floor_area_m2": 90000}),
    ("临海园区总面积10万平，物业办公的房子要留多少", "property_rooms", {"total_floor_area_m2": 100000}),
    ("温州开发商第2年新增地方贡献100万，奖多少", "fiscal_reward", {"unit": "万元"}),
    ("临海老厂房的地拿来改小微园，有68亩，够不够", "site_area", {"development_mode": "renovation"}),
    ("临海一幢2000平方米的厂房，最多能分给几家企业", "unit_split", {"building_area_m2": 2000}),
    ("临海盖的高层宿舍，成套的一套最多能做多大", "dorm_suite_cap", {"high_rise": True}),
    ("临海非高层的宿舍一套最大多少平？", "dorm_suite_cap", {"high_rise": False}),   # 非高层 contains 高层
    ("温州园区的地成交价2000万，履约保正金起码交多少", "auction_cap", {}),   # 保正金: a typo of 保证金
    ("In Linhai, how big can a suite in a high-rise dormitory be at most?", "dorm_suite_cap", {"high_rise": True}),
    ("A full apartment unit in a high-rise Linhai dormitory: what's the maximum?", "dorm_suite_cap", {"high_rise": True}),
])
def test_spoken_calculation_questions_reach_their_calculator(question, calculator, inputs):
    route = route_calculation(question)
    assert route is not None and route[0] == calculator
    assert all(route[1].get(k) == v for k, v in inputs.items()), route


@pytest.mark.parametrize("question, city, count", [
    ("临海园区一共要进30家企业，同行业的起码得有几家", "临海市", 30),
    ("慈溪园区有27家企业，想评市级，主导行业至少要几家", "慈溪市", 27),
])
def test_the_fewest_leading_industry_firms_for_a_total(question, city, count):
    assert route_calculation(question) == ("leading_share", {"jurisdiction": city, "enterprise_count": count})


def test_the_area_from_a_paid_maintenance_fund():
    assert route_calculation("临海园区维修资金我交了9600元，买的面积是多少") == ("fees_area", {"fund_paid_yuan": 9600})


@pytest.mark.parametrize("question, committed, actual, mu", [
    ("温州园区中标时承诺亩均税收35万元，占地120亩，实际只有28万元，违约金交多少", 35, 28, 120),
    ("我们承诺亩均税收30万，园区50亩，要是亩均税收只有20万呢？要赔多少", 30, 20, 50),
])
def test_a_tax_shortfall_is_routed_with_the_promised_figure_first(question, committed, actual, mu):
    name, inputs = route_calculation(question)
    assert name == "tax_shortfall_penalty"
    assert (inputs["committed_tax_per_mu_wan"], inputs["actual_tax_per_mu_wan"], inputs["land_area_mu"]) == (committed, actual, mu)


@pytest.mark.parametrize("question", ["温州园区2024年3月15日开工，最晚什么时候要建完",
                                      "In Wenzhou, if construction starts on 15 March 2024, by when must it be finished?"])
def test_a_start_date_and_a_finish_question_reach_the_construction_period(question):
    name, inputs = route_calculation(question)
    assert name == "construction_period" and str(inputs["start_date"]) == "2024-03-15"


def test_counted_in_is_not_entering_a_park():
    from assistant.router import is_eligibility

    assert not is_eligibility("报改造提升的园区，原来就在名单里的能算进去伐")
    assert is_eligibility("我们厂能进去吗")


def test_space_set_aside_for_property_management_is_the_property_rooms_calculation():
    from assistant.router import route_calculation

    routed = route_calculation("In Linhai, for a total floor area of 50,000 square metres, how much space goes to "
                               "property management?")
    assert routed is not None and routed[0] == "property_rooms"


def test_the_province_in_english_is_zhejiang():
    from assistant.jurisdictions import registry

    assert [j.name for j in registry().mentioned("What does the province's plan form ask for?")] == ["浙江省"]


@pytest.mark.parametrize("question, city, count", [
    ("我们园才进了12家，够不够", "临海市", 12),
    ("临海园区现在招到13家企业，达标吗", None, 13),
    ("Our park has 11 firms. Is that enough?", "临海市", 11),
])
def test_a_parks_enterprise_count_is_checked_against_the_lower_bound(question, city, count):
    assert route_calculation(question, city) == ("enterprise_count", {"enterprise_count": count})


def test_another_citys_park_count_is_not_judged_by_linhais_bound():
    assert route_calculation("我们园才进了12家，够不够", "温州市") is None


@pytest.mark.parametrize("question, route", [
    ("Our Linhai park has 20 tenant firms, 13 of them in the supply chain of the same industry. Is the share met?",
     ("leading_share", {"jurisdiction": "临海市", "enterprise_count": 20, "leading_count": 13})),
    ("In Wenzhou, with a land premium of RMB 60 million, what performance bond is due at least?",
     ("auction_cap", {"land_price": 6000, "unit": "万元"})),
    ("Wenzhou land premium of 45 million yuan: how big is the bond at least?",    # "bond" alone is the performance bond
     ("auction_cap", {"land_price": 4500, "unit": "万元"})),
    ("In Linhai we bought our unit in March 2023; when does the lock-up end?",    # the transfer ban by another name
     ("transfer_ban", {"acquired_date": "2023-03-01"})),
])
def test_english_counts_and_sums_reach_their_calculator(question, route):
    assert route_calculation(question) == route


@pytest.mark.parametrize("question", ["临海高层宿舍最多能占总建筑面积的多少？", "临海园区里高层宿舍一套最多能建几层？",
                                      "临海小高层宿舍成套住宅总面积最多占宿舍总面积多少比例？",
                                      "In Linhai, what is the maximum share of dormitory floor area in high-rise apartments?"])
def test_a_high_rise_dormitorys_share_or_floors_is_not_one_suites_size(question):
    route = route_calculation(question)
    assert route is None or route[0] != "dorm_suite_cap"


@pytest.mark.parametrize("question, calculator", [
    ("厂房两千平，维修的钱跟保修的押金加一块儿要交多少", "fees"),            # 保修 alone names the warranty deposit
    ("园区建筑面积八万方，物业管理用房要配多少平", "property_rooms"),        # 方 is spoken floor area
])
def test_spoken_words_route_to_their_calculator(question, calculator):
    route = route_calculation(question)
    assert route is not None and route[0] == calculator, route


@pytest.mark.parametrize("question,name,inputs", [
    # two floors bought together: the fee on both
    ("我跟我哥在临海小微园合买了两层，一层980平一层1020平，维修资金跟保修金分别要交多少", "fees", {"area_m2": 2000}),
    ("临海厂房980平，维修资金多少", "fees", {"area_m2": 980}),
    # the whole dormitory and the suites' part of it
    ("临海园区宿舍总共8000平，开发商做了2750平的成套房，比例超没超", "dormitory",
     {"dorm_total_floor_m2": 8000, "suites_total_m2": 2750}),
    # the figure follows 总建筑面积: it is the whole, though one suite's size is asked after it
    ("临海一个职工宿舍项目总建筑面积1.2万平方米，其中成套住宅最多能建多少平方米？高层住宅单套最大能做多大？", "dormitory",
     {"dorm_total_floor_m2": 12000, "high_rise": True}),
    ("临海宿舍楼一套85平行不行", "dormitory", {"suite_areas_m2": [85]}),
    # the site ("地") and the buildings' footprint ("楼的占地"): no floor area is invented from the larger figure
    ("临海的园区，地6万平，楼的占地加起来19800平，建筑密度达标没", "land_indicators",
     {"land_area_m2": 60000, "building_footprint_m2": 19800, "jurisdiction": "临海市"}),
])
def test_each_area_is_read_in_its_role(question, name, inputs):
    assert route_calculation(question) == (name, inputs)


def test_a_dormitory_over_its_suite_share_says_by_how_many_square_metres():
    result = run(*route_calculation("临海园区宿舍总共8000平，开发商做了2750平的成套房，比例超没超"))
    share = next(i for i in result.items if i.rule_id == "linhai.dorm_suite_share_max")
    assert share.verdict.value == "fail" and "超出350平方米" in share.message


def test_a_density_below_the_floor_says_the_footprint_missing():
    result = run("land_indicators", {"jurisdiction": "临海市", "land_area_m2": 60000, "building_footprint_m2": 19800})
    assert "还差1200平方米" in result.items[0].message


def test_each_year_keeps_its_own_increment():
    name, inputs = route_calculation("温州小微园开发商，按44号文那个奖励，第1年新增地方贡献80万，第5年新增60万，第7年新增50万，各奖多少")
    assert (name, inputs["years"], inputs["increments"]) == ("fiscal_reward", [1, 5, 7], [80, 60, 50])


def test_a_publicity_counted_from_the_day_of_posting_when_the_user_says_so():
    said = route_calculation("临海园区入园企业名单公示，2025年6月3号贴出来的，头一天也算进去的话，公示期最后一天是几号")
    plain = route_calculation("临海园区入园企业名单公示，2025年6月3号贴出来的，公示期最后一天是几号")
    assert said == ("publicity", {"start_date": "2025-06-03", "first_day_counts": True})
    assert plain == ("publicity", {"start_date": "2025-06-03"})


def test_a_unit_conversion_the_user_states_is_not_one_of_their_figures():
    question = ("A Wenzhou small and micro enterprise park has an 80-mu site. Converting at 1 mu ≈ 666.67 m², what is "
                "the minimum gross floor area under the general plot-ratio floor?")
    assert route_calculation(question) == ("land_indicators", {"jurisdiction": "温州市", "land_area_mu": 80})
    # a figure the user does give in m² beside the 亩 is still read
    assert route_calculation("温州80亩的地，容积率最少要盖多少平，已经建了5万平方米")[0] == "land_indicators"


def test_corner_and_sandwiched_plots_in_english_reach_the_corner_land_rule():
    assert route_calculation("In Linhai, a combined project of 85 mu: how much corner and sandwiched land may be "
                             "folded in?") == ("corner_land", {"merged_total_mu": 85})


@pytest.mark.parametrize("question,inputs", [
    ("临海厂房3000平，买了4年了，现在想卖掉，可以吗？", {"held_years": 4}),
    ("临海厂房3年前买的，公司要搬到外地去，能卖不", {"held_years": 3, "reason": "外迁"}),
])
def test_the_years_held_decide_a_transfer_and_the_area_sold_is_no_purchase_to_check(question, inputs):
    assert route_calculation(question) == ("transfer_ban", inputs)


def test_the_rules_own_period_is_no_years_held():
    assert route_calculation("临海厂房5年内能卖吗") is None


def test_a_single_plot_is_judged_by_itself():
    assert route_calculation("临海我们这块边角地2.5亩，能纳入一起开发吗") == ("corner_land", {"parcels_mu": [2.5]})


@pytest.mark.parametrize("question,name,inputs", [
    # the review of the eighteenth session: each figure in its role, a stated total before parts
    ("临海职工宿舍总共8000平，做了2750平的成套房，一套最大65平，合规吗", "dormitory",
     {"dorm_total_floor_m2": 8000, "suites_total_m2": 2750, "suite_areas_m2": [65]}),
    ("临海职工宿舍的夫妻房一套总共65平方米，符合规定吗", "dormitory", {"suite_areas_m2": [65]}),
    ("临海合买了两层厂房共2000平，其中一层980平，维修资金交多少", "fees", {"area_m2": 2000}),
    ("厂房三层，每层1000平，总共3000平，临海维修资金交多少", "fees", {"area_m2": 3000}),
    ("临海想买1000平的厂房用来出租，面积够不够", "unit_area", {"unit_areas_m2": [1000]}),
    # "能买吗" asks whether the unit may be bought: the purchase checked against the least unit area
    ("临海园区里就想买个300平的，能买吗", "unit_area", {"unit_areas_m2": [300]}),
    # "land transfer fee" is the land price the bond's floor is a share of
    ("If our total land transfer fee is 30 million yuan, what's the lowest bond we could pay in Wenzhou?", "auction_cap",
     {"land_price": 3000, "unit": "万元"}),
    ("临海我们和隔壁一块开发，合并后总面积60亩，边角地最多能纳入多少", "corner_land", {"merged_total_mu": 60}),
    ("临海我们和隔壁一块开发，项目60亩，边角地最多能纳入多少", "corner_land", {"merged_total_mu": 60}),   # 一块: together
    ("临海的园区，用地60亩，楼的占地加起来19800平，建筑密度达标没", "land_indicators",
     {"land_area_mu": 60, "building_footprint_m2": 19800, "jurisdiction": "临海市"}),
])
def test_the_reviews_cases_read_each_figure_in_its_role(question, name, inputs):
    assert route_calculation(question) == (name, inputs)


def test_suites_counted_with_their_size_make_the_suites_share():
    name, inputs = route_calculation("临海高层宿舍楼总共1万平方米，成套住宅每套70平方米，共50套，合规吗")
    result = run(name, inputs)
    share = next(i for i in result.items if i.rule_id == "linhai.dorm_suite_share_max")
    assert inputs["suite_areas_m2"] == [70] * 50 and inputs["high_rise"] is True and share.verdict.value == "fail"


def test_idle_years_are_not_years_held():
    assert route_calculation("临海厂房已经2年没用了，想卖掉") is None


def test_entry_named_in_english_is_the_entry_check_whatever_else_is_named():
    from assistant.router import is_eligibility

    assert is_eligibility("My workshop uses 3 mu of land and pays 200k tax. Is it eligible to move into a Linhai park?")
    assert is_eligibility("Our workshop needs two units. Would it qualify to enter a Wenzhou park?")


@pytest.mark.parametrize("question,inputs", [
    # the suites come after, in a phrase of their own; 总共 belongs to the figure before the comma
    ("我们宿舍楼一共8000平 套房最多能建多少平", {"dorm_total_floor_m2": 8000}),
    ("临海宿舍成套住宅共2750平，宿舍总面积8000平，超了没", {"dorm_total_floor_m2": 8000, "suites_total_m2": 2750}),
])
def test_a_dormitory_figures_cue_is_the_one_in_its_own_phrase(question, inputs):
    assert route_calculation(question) == ("dormitory", inputs)


def test_who_may_buy_is_not_a_unit_area_check():
    # "外地企业能买吗" asks who may buy, a size check's "符合" would read as a yes (the review)
    assert route_calculation("临海1000平方米的厂房外地企业能买吗") is None


def test_a_calendar_year_is_no_length_of_time():
    # "2019年投产" is when, not how long: no "已投产2019年" fed to the redevelopment check
    routed = route_calculation("温州我们厂2019年投产，120亩，能改造成小微园吗")
    assert routed is None or routed[1].get("land_in_production_years") != 2019
    assert route_calculation("温州我们厂2018年6月投产，120亩，最早啥时候能改成小微园") == \
        ("redevelopment_date", {"production_start_date": "2018-06-01"})
