package io.tierflow.rule.tier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A form's tier model. {@code scores} are computed first, in order (weighted scores, RFM); each score's key and
 * its dimensions' keys can then be read by later scores and by every condition. {@code rules} are ordered: the
 * first rule whose condition is true gives the tier (null when none matches). {@code stages} give the lifecycle
 * stage the same way; every {@code tags} rule that holds adds its tag.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TierModel(List<ScoreModel> scores, List<TierRule> rules, List<StageRule> stages, List<TagRule> tags,
        List<RankBoundaries> ranks) {

    @JsonCreator
    public TierModel {
        scores = scores == null ? List.of() : List.copyOf(scores);
        rules = rules == null ? List.of() : List.copyOf(rules);
        stages = stages == null ? List.of() : List.copyOf(stages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        ranks = ranks == null ? List.of() : List.copyOf(ranks);
    }

    public TierModel(List<ScoreModel> scores, List<TierRule> rules, List<StageRule> stages, List<TagRule> tags) {
        this(scores, rules, stages, tags, List.of());
    }

    /** This model with the boundaries its PERCENTRANK calls rank against. */
    public TierModel withRanks(List<RankBoundaries> computed) {
        return new TierModel(scores, rules, stages, tags, computed);
    }

    public TierModel(List<TierRule> rules) {
        this(List.of(), rules, List.of(), List.of());
    }
}
