package io.tierflow.flow.task;

/** What an approver decides on a task, and the value written to the record's status field. */
public enum Decision {
    APPROVE("approved"), REJECT("rejected");

    private final String outcome;

    Decision(String outcome) {
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }
}
