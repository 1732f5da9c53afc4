package io.tierflow.ui.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.tierflow.flow.task.TaskView;
import io.tierflow.ui.web.Times;

/** How a task becomes its inbox card: a to-do's due date and whether it is overdue; an approval has neither. */
class TaskCardTest {

    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    static TaskView todo(String dueAt) {
        return new TaskView("41", "回访客户", null, "2026-03-09T08:00:00Z", 7L, "customer", "客户", 12L, "宁波港务", null,
                TaskView.TODO, dueAt);
    }

    @Test
    void aTodoShowsItsDueDateAndIsOverdueOnlyOnceItHasPassed() {
        TaskCard ahead = TaskCard.of(todo("2026-03-12T15:59:00Z"), List.of(), Locale.SIMPLIFIED_CHINESE, NOW);
        assertTrue(ahead.todo());
        assertEquals(Times.format(Instant.parse("2026-03-12T15:59:00Z")), ahead.dueText());
        assertFalse(ahead.overdue());
        assertEquals("/forms/customer/records/12", ahead.recordHref());
        assertEquals("回访客户 · 宁波港务", ahead.todoTitle());

        assertTrue(TaskCard.of(todo("2026-03-10T07:59:00Z"), List.of(), Locale.SIMPLIFIED_CHINESE, NOW).overdue());
        TaskCard undated = TaskCard.of(todo(null), List.of(), Locale.SIMPLIFIED_CHINESE, NOW);
        assertNull(undated.dueText());
        assertFalse(undated.overdue());
    }

    @Test
    void anApprovalIsNoTodoAndKeepsThatThroughARefusedDecision() {
        TaskView approval = new TaskView("42", "审批 / Approval", "tier_approval", "2026-03-09T08:00:00Z", 7L, "customer",
                "客户", 13L, "华东电气", "A", TaskView.APPROVAL, null);
        TaskCard card = TaskCard.of(approval, List.of("A", "B", "C"), Locale.SIMPLIFIED_CHINESE, NOW);
        assertFalse(card.todo());
        assertNull(card.dueText());
        TaskCard refused = card.withError("", "驳回时请填写理由");
        assertFalse(refused.todo());
        assertEquals("驳回时请填写理由", refused.error());
        assertEquals("1 天前", refused.age());
    }
}
