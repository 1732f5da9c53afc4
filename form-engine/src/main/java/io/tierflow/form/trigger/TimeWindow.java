package io.tierflow.form.trigger;

/**
 * A condition over a child form's records of the last {@code days} days: those of form {@code form} whose relation
 * field {@code relation} links to the record and whose date or date-time field {@code date} is within the window.
 * It holds when there are at least {@code atLeast} of them ("at least 5 visits in the last 7 days") or at most
 * {@code atMost} ("no follow-up for 30 days": at most 0 in 30 days); exactly one of the two is given.
 */
public record TimeWindow(String form, String relation, String date, Integer days, Integer atLeast, Integer atMost) {

    public static final int MAX_DAYS = 3650;
}
