package io.tierflow.flow;

/**
 * Names shared by the BPMN, the process starter, the inbox and the history: the process
 * variables that carry the record an approval is about (they come from form-engine's
 * {@code process.start} payload) and what Tierflow adds to them.
 */
public final class ApprovalVariables {

    public static final String TIER_APPROVAL = "tier_approval";

    // from the process.start payload
    public static final String FORM_ID = "formId";
    public static final String FORM_KEY = "formKey";
    public static final String FORM_NAME = "formName";
    public static final String RECORD_ID = "recordId";
    public static final String OWNER_ID = "ownerId";
    public static final String TIER = "tier";
    public static final String STATUS_FIELD = "statusField";
    public static final String TITLE = "title";

    // added by flow-engine
    /** User id (text) the approval task is assigned to; null when it goes to a group. */
    public static final String APPROVER = "approver";
    /** Candidate group (a role name) when there is no single approver; else null. */
    public static final String APPROVER_GROUP = "approverGroup";
    /** Dedupe key of the effect that started the process: guards against a second start. */
    public static final String START_EFFECT = "startEffect";
    /** "approved" or "rejected": on the task (local) and on the process, once decided. */
    public static final String OUTCOME = "outcome";

    private ApprovalVariables() {
    }

    /** Processes are found by the record they are about. */
    public static String businessKey(long formId, long recordId) {
        return "rec:" + formId + ":" + recordId;
    }
}
