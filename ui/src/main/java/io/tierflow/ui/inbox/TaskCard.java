package io.tierflow.ui.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.flow.task.TaskView;
import io.tierflow.ui.web.TierColours;
import io.tierflow.ui.web.Times;

/**
 * One task as its inbox card shows it. {@code comment} and {@code error} are set when the card comes back
 * after a refused decision (a reject without a reason), so what the approver typed is not lost. A to-do
 * ({@code todo}, from a rule's create_task action) is completed with one button instead; it may have a due date.
 */
@TemplateData
public record TaskCard(String id, String formName, String taskName, String title, String recordHref, String tier,
        String tierClass, String createdIso, String createdText, String age, String comment, String error,
        boolean todo, String dueIso, String dueText, boolean overdue) {

    /** @param modelTiers the tiers of the task's form, for the badge's colour ({@link TierColours}) */
    public static TaskCard of(TaskView t, List<String> modelTiers, Locale locale, Instant now) {
        Instant created = Times.parse(t.createdAt());
        Instant due = Times.parse(t.dueAt());
        String title = t.title() != null && !t.title().isBlank() ? t.title()
                : t.recordId() != null ? "#" + t.recordId() : t.name();
        return new TaskCard(t.id(), t.formName(), t.name(), title, recordHref(t), t.tier(),
                TierColours.css(t.tier(), modelTiers),
                t.createdAt(), created == null ? "" : Times.format(created),
                created == null ? "" : age(locale, Duration.between(created, now)), "", null,
                TaskView.TODO.equals(t.kind()), t.dueAt(), due == null ? null : Times.format(due),
                due != null && due.isBefore(now));
    }

    /** The same card with what the approver typed and why the decision was refused. */
    public TaskCard withError(String typed, String message) {
        return new TaskCard(id, formName, taskName, title, recordHref, tier, tierClass, createdIso, createdText, age,
                typed == null ? "" : typed, message, todo, dueIso, dueText, overdue);
    }

    /** What a to-do's result line names: the task and its record. */
    public String todoTitle() {
        return taskName == null || taskName.isBlank() ? title : taskName + " · " + title;
    }

    public boolean hasTier() {
        return tier != null && !tier.isBlank();
    }

    static String recordHref(TaskView t) {
        if (t.formKey() == null || t.recordId() == null) {
            return null;
        }
        return "/forms/" + URLEncoder.encode(t.formKey(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/records/" + t.recordId();
    }

    /** "5 分钟前": an inbox is read by how long things have waited. */
    static String age(Locale locale, Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return Messages.text(locale, "ui.inbox.age.now");
        }
        if (minutes < 60) {
            return Messages.text(locale, "ui.inbox.age.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return Messages.text(locale, "ui.inbox.age.hours", minutes / 60);
        }
        return Messages.text(locale, "ui.inbox.age.days", minutes / (24 * 60));
    }
}
