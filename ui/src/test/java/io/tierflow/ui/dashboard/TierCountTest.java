package io.tierflow.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tierflow.form.model.FormDefinition;
import io.tierflow.report.query.ReportResult;
import io.tierflow.report.query.ReportRow;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierRule;

class TierCountTest {

    static final FormDefinition FORM = new FormDefinition(7, "客户 key", "客户", 1, List.of(), new TierModel(List.of(
            new TierRule("战略", "score >= 80"), new TierRule("重点", "score >= 40"), new TierRule("重点", "visits > 3"),
            new TierRule("一般", "true"))), null);

    @Test
    void tiersFollowTheModelWithEmptyOnesThenRetiredOnesThenTheUnclassified() {
        ReportResult result = new ReportResult("k", "tier", "count", List.of(new ReportRow("一般", "一般", 5L),
                new ReportRow(null, null, 2L), new ReportRow("战略", "战略", 2L), new ReportRow("旧层", "旧层", 1L)),
                new BigDecimal(10));
        List<TierCount> tiers = TierCount.of(FORM, result, "未分层");
        assertEquals(List.of("战略", "重点", "一般", "旧层", "未分层"), tiers.stream().map(TierCount::label).toList());
        assertEquals(List.of(2L, 0L, 5L, 1L, 2L), tiers.stream().map(TierCount::count).toList());
        assertEquals(List.of("tier-1", "tier-2", "tier-3", "tier-x", "tier-none"), tiers.stream().map(TierCount::css).toList());
        assertEquals(List.of("20%", "0%", "50%", "10%", "20%"), tiers.stream().map(TierCount::share).toList());
        assertEquals("/forms/%E5%AE%A2%E6%88%B7%20key?tier=%E6%88%98%E7%95%A5", tiers.get(0).href());
        assertEquals(null, tiers.get(4).href()); // the record list cannot filter on "no tier"
    }

    @Test
    void sharesKeepOneDecimalOnlyWhenItMatters() {
        assertEquals("33.3%", TierCount.share(1, 3));
        assertEquals("100%", TierCount.share(3, 3));
        assertEquals("0%", TierCount.share(0, 0));
    }
}
